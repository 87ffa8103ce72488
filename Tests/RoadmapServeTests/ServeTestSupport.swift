import FlyingSocks
import Foundation
@testable import RoadmapServe

/// A client connection over loopback (non-blocking: the server under test shares the tests' threads).
struct TestConnection: Sendable {
    let socket: AsyncSocket

    static func open(port: Int) async throws -> TestConnection {
        TestConnection(socket: try await AsyncSocket.connected(to: sockaddr_in.inet(ip4: "127.0.0.1", port: UInt16(port))))
    }

    func send(_ text: String) async throws { try await socket.write(Data(text.utf8)) }

    /// A GET (or another method) naming the host as a browser on the preview does.
    func request(_ path: String, method: String = "GET", port: Int, fields: [String] = []) async throws {
        try await send("\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n" + fields.map { $0 + "\r\n" }.joined() + "\r\n")
    }

    /// Everything the server sends until it closes the connection.
    func readToEnd(within seconds: Double = 10) async throws -> String {
        try await withDeadline(seconds) {
            var bytes: [UInt8] = []
            do {
                while true { bytes += try await socket.read(atMost: 65536) }
            } catch SocketError.disconnected {
                return String(decoding: bytes, as: UTF8.self)
            }
        }
    }

    /// What the server sends until `marker` has come.
    func read(until marker: String, within seconds: Double = 10) async throws -> String {
        try await withDeadline(seconds) {
            var text = ""
            while !text.contains(marker) { text += String(decoding: try await socket.read(atMost: 65536), as: UTF8.self) }
            return text
        }
    }

    func close() { try? socket.close() }
}

/// Runs a `BoundedHTTPServer` on a free loopback port for `body`, then stops it.
func withServer(
    limits: BoundedHTTPServer.Limits = .init(),
    handler: @escaping BoundedHTTPServer.Handler = { _ in .text(200, "hello") },
    _ body: (_ port: Int, _ server: BoundedHTTPServer) async throws -> Void
) async throws {
    let server = BoundedHTTPServer(host: "127.0.0.1", port: 0, limits: limits, warn: { _ in }, handler: handler)
    let (ports, announce) = AsyncStream<Int>.makeStream()
    let task = Task { try await server.run { announce.yield($0) } }
    defer { task.cancel() }
    var iterator = ports.makeAsyncIterator()
    guard let port = await iterator.next() else { throw DeadlinePassed() }
    try await body(port, server)
    task.cancel()
    _ = await task.result
}

/// Waits until `condition` holds, checking every 20 ms; false when it did not within `seconds`.
func eventually(within seconds: Double = 5, _ condition: () -> Bool) async -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return condition()
}
