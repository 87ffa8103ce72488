import Foundation
import Testing
@testable import RoadmapServe

/// The preview's HTTP server over loopback, with a small handler.
@Suite struct BoundedHTTPServerTests {
    @Test func servesAndKeepsTheConnectionAlive() async throws {
        try await withServer { port, _ in
            let connection = try await TestConnection.open(port: port)
            defer { connection.close() }
            try await connection.request("/a", port: port)
            let first = try await connection.read(until: "hello")
            #expect(first.hasPrefix("HTTP/1.1 200 OK\r\n"))
            #expect(first.contains("\r\nContent-Length: 5\r\n"))
            #expect(!first.contains("Connection: close"))
            try await connection.request("/b", port: port, fields: ["Connection: close"])
            let second = try await connection.readToEnd()
            #expect(second.hasPrefix("HTTP/1.1 200 OK\r\n") && second.hasSuffix("Connection: close\r\n\r\nhello"))
        }
    }

    /// HEAD and GET sent together: the HEAD answer gives the length but no body, so the GET's
    /// answer follows its head at once.
    @Test func headIsAnsweredWithoutABody() async throws {
        try await withServer { port, _ in
            let connection = try await TestConnection.open(port: port)
            defer { connection.close() }
            try await connection.send("HEAD / HTTP/1.1\r\nHost: localhost:\(port)\r\n\r\nGET / HTTP/1.1\r\nHost: localhost:\(port)\r\nConnection: close\r\n\r\n")
            let text = try await connection.readToEnd()
            #expect(text == "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 5\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello")
        }
    }

    /// A long URL is answered 414 within milliseconds (it took 11 s of CPU for 128 kB, and a
    /// 1 MB one kept the cores busy for minutes after the client left).
    @Test(arguments: [128 * 1024, 1024 * 1024])
    func longURLIsAnsweredAtOnce(length: Int) async throws {
        try await withServer { port, _ in
            let connection = try await TestConnection.open(port: port)
            defer { connection.close() }
            let start = Date()
            try await connection.send("GET /" + String(repeating: "a", count: length) + " HTTP/1.1\r\nHost: localhost:\(port)\r\n\r\n")
            let text = try await connection.readToEnd(within: 5)
            #expect(text.hasPrefix("HTTP/1.1 414 URI Too Long\r\n"))
            #expect(Date().timeIntervalSince(start) < 1, "\(Date().timeIntervalSince(start)) s")
        }
    }

    @Test func largeHeaderFieldsAreAnswered431() async throws {
        try await withServer { port, _ in
            let connection = try await TestConnection.open(port: port)
            defer { connection.close() }
            try await connection.request("/", port: port, fields: ["Cookie: " + String(repeating: "c", count: 1 << 20)])
            #expect(try await connection.readToEnd().hasPrefix("HTTP/1.1 431 Request Header Fields Too Large\r\n"))
        }
    }

    /// DNS rebinding: a page of another name resolving to 127.0.0.1 sends its own name.
    @Test(arguments: [
        (["Host: evil.example:PORT"], 421), (["Host: localhost:1"], 421), ([], 400),
        (["Host: localhost:PORT", "Host: evil.example:PORT"], 400), (["Host: localhost:PORT"], 200), (["Host: [::1]:PORT"], 200),
    ])
    func onlyLoopbackHostNamesAreServed(fields: [String], status: Int) async throws {
        try await withServer { port, _ in
            let connection = try await TestConnection.open(port: port)
            defer { connection.close() }
            let lines = fields.map { $0.replacingOccurrences(of: "PORT", with: "\(port)") + "\r\n" }.joined()
            try await connection.send("GET / HTTP/1.1\r\n\(lines)Connection: close\r\n\r\n")
            #expect(try await connection.readToEnd().hasPrefix("HTTP/1.1 \(status) "))
        }
    }

    @Test func onlyGetAndHeadWithoutBodies() async throws {
        try await withServer { port, _ in
            for (request, status) in [("POST / HTTP/1.1\r\nHost: localhost:PORT\r\nContent-Length: 0\r\n\r\n", 405),
                                      ("GET / HTTP/1.1\r\nHost: localhost:PORT\r\nContent-Length: 4\r\n\r\nbody", 400)] {
                let connection = try await TestConnection.open(port: port)
                defer { connection.close() }
                try await connection.send(request.replacingOccurrences(of: "PORT", with: "\(port)"))
                #expect(try await connection.readToEnd().hasPrefix("HTTP/1.1 \(status) "))
            }
        }
    }

    /// An event stream's subscription ends when the client closes its end, without waiting for
    /// an event to fail to send.
    @Test func eventStreamEndsWhenTheClientGoes() async throws {
        let ended = LockedValue(false)
        let handler: BoundedHTTPServer.Handler = { _ in
            Response(status: 200, headers: [.init(name: "Content-Type", value: "text/event-stream")], body: .events {
                let (stream, continuation) = AsyncStream<[UInt8]>.makeStream()
                continuation.yield(Array("data: hello\n\n".utf8))
                continuation.onTermination = { _ in ended.withLock { $0 = true } }
                return stream
            })
        }
        try await withServer(handler: handler) { port, server in
            let connection = try await TestConnection.open(port: port)
            try await connection.request("/events", port: port)
            let text = try await connection.read(until: "data: hello\n\n")
            #expect(text.hasPrefix("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n"))
            #expect(!ended.withLock { $0 })
            connection.close()
            #expect(await eventually(within: 2) { ended.withLock { $0 } && server.openConnectionCount == 0 })
        }
    }

    /// HEAD on an event stream does not subscribe.
    @Test func headOnAnEventStreamDoesNotSubscribe() async throws {
        let subscribed = LockedValue(false)
        let handler: BoundedHTTPServer.Handler = { _ in
            Response(status: 200, body: .events {
                subscribed.withLock { $0 = true }
                return AsyncStream { _ in }
            })
        }
        try await withServer(handler: handler) { port, _ in
            let connection = try await TestConnection.open(port: port)
            defer { connection.close() }
            try await connection.request("/events", method: "HEAD", port: port)
            #expect(try await connection.readToEnd() == "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n")
            #expect(!subscribed.withLock { $0 })
        }
    }

    /// Beyond the limit a connection is answered 503 at once; when one closes, the next is served.
    @Test func connectionsAreBounded() async throws {
        var limits = BoundedHTTPServer.Limits()
        limits.maxConnections = 3
        try await withServer(limits: limits) { port, server in
            var idle: [TestConnection] = []
            for _ in 0..<3 { idle.append(try await TestConnection.open(port: port)) }
            #expect(await eventually { server.openConnectionCount == 3 })
            let extra = try await TestConnection.open(port: port)
            #expect(try await extra.readToEnd(within: 2).hasPrefix("HTTP/1.1 503 Service Unavailable\r\n"))
            extra.close()
            idle.removeFirst().close()
            #expect(await eventually { server.openConnectionCount == 2 })
            let next = try await TestConnection.open(port: port)
            defer { next.close() }
            try await next.request("/", port: port, fields: ["Connection: close"])
            #expect(try await next.readToEnd().hasPrefix("HTTP/1.1 200 OK\r\n"))
            for connection in idle { connection.close() }
        }
    }

    /// A client that sends nothing, or a head slowly, is closed after `headTimeout`.
    @Test func silentClientsAreClosed() async throws {
        var limits = BoundedHTTPServer.Limits()
        limits.headTimeout = 0.3
        try await withServer(limits: limits) { port, server in
            let silent = try await TestConnection.open(port: port)
            defer { silent.close() }
            let slow = try await TestConnection.open(port: port)
            defer { slow.close() }
            try await slow.send("GET / HTTP/1.1\r\n")
            let start = Date()
            #expect(try await silent.readToEnd(within: 3) == "")
            #expect(try await slow.readToEnd(within: 3) == "")
            #expect(Date().timeIntervalSince(start) < 2)
            #expect(await eventually { server.openConnectionCount == 0 })
        }
    }
}
