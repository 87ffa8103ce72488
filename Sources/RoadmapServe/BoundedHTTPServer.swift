import FlyingSocks
import Foundation
import RoadmapKit
#if canImport(Glibc)
import Glibc
#endif

/// The preview's HTTP/1.1 server over FlyingSocks' non-blocking sockets: GET and HEAD, no request
/// bodies, and every resource bounded, since any page open in the browser can send it requests.
///
/// - A request head is read within `RequestHeadReader`'s bounds (414 and 431 as soon as one is
///   passed) and within `Limits.headTimeout`; a connection idle that long is closed.
/// - At most `Limits.maxConnections` connections at a time; one more is answered 503 and closed.
/// - When accepting fails (no file descriptor left: EMFILE), the server waits a moment and
///   accepts again; waiting connections stay in the listen backlog.
/// - Only the `ServedHostNames` are served; a request naming another host is answered 421.
/// - A HEAD request is answered with the GET response's head and no body.
/// - An event stream ends when its client goes: the connection is read while events are sent,
///   and the read sees the client close.
///
/// (FlyingFox's HTTP server, which the preview used before, reads a request line in time
/// quadratic in its length and ends when accepting fails; only its socket layer is used here.)
final class BoundedHTTPServer: Sendable {
    struct Limits: Sendable {
        var maxConnections = 64
        /// Seconds to receive a whole request head, and the longest a kept-alive connection idles.
        var headTimeout: Double = 10
        /// Seconds to send one response, or one event, to a client that does not read.
        var writeTimeout: Double = 30
    }

    typealias Handler = @Sendable (RequestHead) async -> Response

    let host: String
    let port: UInt16
    let limits: Limits
    let handler: Handler
    /// Where warnings go (the preview prints them unless `--quiet`).
    let warn: @Sendable (String) -> Void
    private let openConnections = LockedValue(0)

    init(host: String, port: UInt16, limits: Limits = Limits(), warn: @escaping @Sendable (String) -> Void,
         handler: @escaping Handler)
    {
        self.host = host
        self.port = port
        self.limits = limits
        self.warn = warn
        self.handler = handler
    }

    /// Listens, calls `listening` with the port (the one asked for, or the one picked for 0),
    /// and serves until the task is cancelled.
    func run(listening: @Sendable (Int) -> Void) async throws {
        let address: any SocketAddress = host.contains(":")
            ? try sockaddr_in6.inet6(ip6: host, port: port) : try sockaddr_in.inet(ip4: host, port: port)
        let socket = try Socket(domain: Int32(type(of: address).family))
        defer { try? socket.close() }
        do {
            try socket.setValue(true, for: .localAddressReuse)
            try socket.bind(to: address)
            try socket.listen(maxPendingConnection: 128)
        } catch SocketError.failed(_, let code, _) {
            let shown = host.contains(":") ? "[\(host)]" : host
            throw BuildError("serve.listen", "cannot listen on \(shown):\(port): \(String(cString: strerror(code)))", file: "")
        }
        var actualPort = Int(port)
        switch try socket.sockname() {
        case .ip4(_, let bound), .ip6(_, let bound): actualPort = Int(bound)
        case .unix: break
        }
        let pool = SocketPool<Poll>.make(maxEvents: 64)
        try await pool.prepare()
        let listener = try AsyncSocket(socket: socket, pool: pool)
        let names = ServedHostNames(port: actualPort, listeningHost: host)
        listening(actualPort)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await pool.run() }
            group.addTask { try await self.acceptConnections(on: listener, names: names) }
            try await group.next()
            group.cancelAll()
        }
    }

    var openConnectionCount: Int { openConnections.withLock { $0 } }

    // MARK: - Accepting

    private func acceptConnections(on listener: AsyncSocket, names: ServedHostNames) async throws {
        try await withThrowingDiscardingTaskGroup { group in
            var warnedAboutDescriptors = false
            while true {
                try Task.checkCancellation()
                let client: AsyncSocket
                do {
                    client = try await listener.accept()
                    warnedAboutDescriptors = false
                } catch SocketError.failed(_, let code, _) where ![EBADF, EINVAL, ENOTSOCK].contains(code) {
                    if (code == EMFILE || code == ENFILE) && !warnedAboutDescriptors {
                        warn("warning: no file descriptor left for a new connection (\(code == EMFILE ? "EMFILE" : "ENFILE")); "
                            + "it waits until one is free")
                        warnedAboutDescriptors = true
                    }
                    try await Task.sleep(for: .milliseconds(100))
                    continue
                }
                let admitted = openConnections.withLock { count -> Bool in
                    guard count < limits.maxConnections else { return false }
                    count += 1
                    return true
                }
                guard admitted else {
                    // No task for it: the answer fits in the socket's buffer, so it is written at once.
                    let busy = Response.text(503, "too many connections to the preview; try again\n")
                    if case .bytes(let body) = busy.body { _ = try? client.socket.write(busy.head(keepingAlive: false) + body) }
                    try? client.close()
                    continue
                }
                group.addTask {
                    await self.serve(client, names: names)
                    self.openConnections.withLock { $0 -= 1 }
                }
            }
        }
    }

    // MARK: - One connection

    private func serve(_ client: AsyncSocket, names: ServedHostNames) async {
        defer { try? client.close() }
        // Events are small writes that must go out at once.
        try? client.socket.setValue(true, for: BoolSocketOption(level: Int32(IPPROTO_TCP), name: TCP_NODELAY))
        var pending: [UInt8] = []
        while true {
            let outcome: RequestHeadReader.Outcome
            do {
                let start = pending
                outcome = try await withDeadline(limits.headTimeout) { try await Self.readHead(from: client, startingWith: start) }
            } catch {
                return  // the client went, was silent too long, or the server stops
            }
            switch outcome {
            case .incomplete:
                return
            case .refused(let status):
                await refuse(client, status: status)
                return
            case .complete(let head, let rest):
                pending = rest
                let (response, keepAlive) = await respond(to: head, names: names)
                guard await send(response, answering: head, keepingAlive: keepAlive, to: client), keepAlive else { return }
            }
        }
    }

    /// Reads until a whole head is there (or refused); `bytes` are those already read after the last one.
    private static func readHead(from client: AsyncSocket, startingWith bytes: [UInt8]) async throws
        -> RequestHeadReader.Outcome
    {
        var reader = RequestHeadReader()
        var outcome = reader.read(bytes)
        while outcome == .incomplete {
            outcome = reader.read(try await client.read(atMost: 4096))
        }
        return outcome
    }

    /// The answer to `head`, and whether the connection stays open after it.
    private func respond(to head: RequestHead, names: ServedHostNames) async -> (Response, Bool) {
        let hosts = head.values(of: "Host")
        guard hosts.count == 1 else {
            return (.text(400, "a request names its host in one Host field\n"), false)
        }
        guard names.allows(hosts[0]) else {
            return (.text(421, "this preview answers to localhost, 127.0.0.1 and [::1] with its port only\n"), false)
        }
        guard head.method == "GET" || head.method == "HEAD" else {
            var response = Response.text(405, "only GET and HEAD\n")
            response.headers.append(.init(name: "Allow", value: "GET, HEAD"))
            return (response, false)
        }
        guard !head.hasBody else {
            return (.text(400, "the preview takes no request bodies\n"), false)
        }
        let response = await handler(head)
        if case .events = response.body { return (response, false) }
        return (response, head.keepsAlive)
    }

    /// Sends `response` (without its body for HEAD); for an event stream, sends events until the
    /// client goes. False when the connection cannot be used any more.
    private func send(_ response: Response, answering head: RequestHead?, keepingAlive: Bool, to client: AsyncSocket) async
        -> Bool
    {
        var bytes = response.head(keepingAlive: keepingAlive)
        let bodyWanted = head?.method != "HEAD"
        if case .bytes(let body) = response.body, bodyWanted { bytes.append(body) }
        let message = bytes
        guard (try? await withDeadline(limits.writeTimeout, { try await client.write(message) })) != nil else { return false }
        if case .events(let subscribe) = response.body, bodyWanted {
            await sendEvents(subscribe(), to: client)
            return false
        }
        return true
    }

    private func sendEvents(_ events: AsyncStream<[UInt8]>, to client: AsyncSocket) async {
        let writeTimeout = limits.writeTimeout
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                // The client leaving: the read sees its end close (and drops anything it sends).
                while (try? await client.read(atMost: 4096)) != nil {}
            }
            group.addTask {
                for await chunk in events {
                    let data = Data(chunk)
                    guard (try? await withDeadline(writeTimeout, { try await client.write(data) })) != nil else { return }
                }
            }
            await group.next()
            group.cancelAll()  // ends the other task; the stream's end unsubscribes it
        }
    }

    /// Answers a refused head and closes the connection gracefully: what the client still sends
    /// (the rest of a long URL) is read and dropped for up to a second and 4 MB, since closing
    /// with unread bytes would reset the connection and lose the answer.
    private func refuse(_ client: AsyncSocket, status: Int) async {
        let messages = [400: "malformed request\n", 414: "request line too long\n", 431: "request header fields too large\n"]
        guard await send(.text(status, messages[status] ?? "refused\n"), answering: nil, keepingAlive: false, to: client) else {
            return
        }
        _ = shutdown(client.socket.file.rawValue, Int32(SHUT_WR))
        _ = try? await withDeadline(1) {
            var dropped = 0
            while dropped < 4 << 20 { dropped += try await client.read(atMost: 65536).count }
        }
    }
}

struct DeadlinePassed: Error {}

/// `body`'s result, or `DeadlinePassed` (and `body` cancelled) after `seconds`.
func withDeadline<T: Sendable>(_ seconds: Double, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: .seconds(seconds))
            return nil
        }
        defer { group.cancelAll() }
        guard case let value?? = try await group.next() else { throw DeadlinePassed() }
        return value
    }
}
