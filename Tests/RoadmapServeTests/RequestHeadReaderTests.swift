import Foundation
import Testing
@testable import RoadmapServe

@Suite struct RequestHeadReaderTests {
    static func read(_ text: String, inPiecesOf size: Int = .max) -> RequestHeadReader.Outcome {
        var reader = RequestHeadReader()
        let bytes = Array(text.utf8)
        var start = 0
        repeat {
            let end = min(bytes.count, start + min(size, bytes.count))
            let outcome = reader.read(bytes[start..<end])
            if outcome != .incomplete { return outcome }
            start = end
        } while start < bytes.count
        return .incomplete
    }

    @Test(arguments: [Int.max, 1, 7])
    func readsAHeadInAnyPieces(size: Int) {
        let outcome = Self.read("GET /a%20b/?q=1 HTTP/1.1\r\nHost: localhost:8000\r\nAccept:  text/html \r\n\r\nGET /next", inPiecesOf: size)
        let head = RequestHead(method: "GET", target: "/a%20b/?q=1", version: "HTTP/1.1", headers: [
            .init(name: "Host", value: "localhost:8000"), .init(name: "Accept", value: "text/html"),
        ])
        // In pieces, the rest is what the last piece held after the head.
        guard case .complete(let read, let rest) = outcome else {
            Issue.record("no head: \(outcome)")
            return
        }
        #expect(read == head)
        #expect(read.path == "/a%20b/")
        #expect(read.header("host") == "localhost:8000")
        if size == .max { #expect(rest == Array("GET /next".utf8)) }
    }

    @Test func bareLineFeedsAndLeadingEmptyLines() {
        #expect(Self.read("\r\n\nHEAD / HTTP/1.0\nHost: x\n\n")
            == .complete(RequestHead(method: "HEAD", target: "/", version: "HTTP/1.0", headers: [.init(name: "Host", value: "x")]), rest: []))
    }

    @Test func incompleteUntilTheEmptyLine() {
        #expect(Self.read("GET / HTTP/1.1\r\nHost: x\r\n") == .incomplete)
    }

    /// The bound is checked as bytes arrive: a long URL is refused after its first 8 kB, not
    /// when (if ever) its line ends.
    @Test(arguments: [128 * 1024, 1024 * 1024])
    func longRequestLineIsRefusedAtItsBound(length: Int) {
        var reader = RequestHeadReader()
        #expect(reader.read(Array("GET /".utf8)) == .incomplete)
        var fed = 5
        var outcome = RequestHeadReader.Outcome.incomplete
        let piece = [UInt8](repeating: UInt8(ascii: "a"), count: 4096)
        while outcome == .incomplete, fed < length {
            outcome = reader.read(piece)
            fed += piece.count
        }
        #expect(outcome == .refused(status: 414))
        #expect(fed <= RequestHeadReader.maxRequestLine + piece.count)
    }

    @Test func requestLineAtItsBoundIsRead() {
        let path = "/" + String(repeating: "a", count: RequestHeadReader.maxRequestLine - "GET  HTTP/1.1".count - 1)
        let line = "GET \(path) HTTP/1.1"
        #expect(line.utf8.count == RequestHeadReader.maxRequestLine)
        guard case .complete(let head, _) = Self.read(line + "\r\nHost: x\r\n\r\n") else {
            Issue.record("refused")
            return
        }
        #expect(head.target == path)
    }

    @Test func manyLeadingEmptyLinesCountAgainstTheRequestLine() {
        #expect(Self.read(String(repeating: "\r\n", count: 5000)) == .refused(status: 414))
    }

    @Test func largeFieldsAreRefused() {
        let big = "GET / HTTP/1.1\r\nHost: x\r\nCookie: " + String(repeating: "c", count: 20_000) + "\r\n\r\n"
        #expect(Self.read(big) == .refused(status: 431))
        #expect(Self.read(big, inPiecesOf: 1000) == .refused(status: 431))
        let spread = "GET / HTTP/1.1\r\n" + (0..<40).map { "X-F\($0): " + String(repeating: "v", count: 500) + "\r\n" }.joined() + "\r\n"
        #expect(Self.read(spread) == .refused(status: 431))
        let many = "GET / HTTP/1.1\r\n" + (0..<150).map { "X-\($0): v\r\n" }.joined() + "\r\n"
        #expect(Self.read(many) == .refused(status: 431))
    }

    @Test(arguments: [
        "GET /\r\n\r\n",  // no version
        "GET  / HTTP/1.1\r\n\r\n",  // two spaces
        "get / HTTP/1.1\r\n\r\n",  // lower-case method
        "GET http://evil.example/ HTTP/1.1\r\n\r\n",  // absolute form
        "GET / HTTP/2.0\r\n\r\n",
        "GET /a\u{1}b HTTP/1.1\r\n\r\n",
        "GET / HTTP/1.1\r\nHost : x\r\n\r\n",  // space before the colon
        "GET / HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n",  // obsolete line folding
        "GET / HTTP/1.1\r\nNo colon\r\n\r\n",
        "GET / HTTP/1.1\r\nX: a\u{0}b\r\n\r\n",
    ])
    func malformedHeadsAreRefused(text: String) {
        #expect(Self.read(text) == .refused(status: 400))
    }

    @Test func keepAliveAndBodies() {
        func head(_ version: String, _ fields: [(String, String)]) -> RequestHead {
            RequestHead(method: "GET", target: "/", version: version, headers: fields.map { .init(name: $0.0, value: $0.1) })
        }
        #expect(head("HTTP/1.1", []).keepsAlive)
        #expect(!head("HTTP/1.1", [("Connection", "keep-alive, Close")]).keepsAlive)
        #expect(!head("HTTP/1.0", []).keepsAlive)
        #expect(!head("HTTP/1.1", [("Content-Length", "0")]).hasBody)
        #expect(head("HTTP/1.1", [("content-length", "3")]).hasBody)
        #expect(head("HTTP/1.1", [("Transfer-Encoding", "chunked")]).hasBody)
    }
}

@Suite struct ServedHostNamesTests {
    @Test(arguments: [
        ("localhost:8000", true), ("LOCALHOST:8000", true), ("127.0.0.1:8000", true), ("[::1]:8000", true),
        ("localhost", false), ("localhost:8001", false), ("localhost:80000", false), ("localhost:", false),
        ("evil.example:8000", false), ("localhost.evil.example:8000", false), ("127.0.0.1.nip.io:8000", false),
        ("localhost.:8000", false), ("[::1:8000", false), ("::1:8000", false), ("", false), (":8000", false),
        ("192.168.1.5:8000", false), ("127.0.0.1:8000 ", false),
    ])
    func loopbackNamesWithThePort(host: String, served: Bool) {
        #expect(ServedHostNames(port: 8000, listeningHost: "127.0.0.1").allows(host) == served)
    }

    @Test func theListeningAddressIsServedToo() {
        let names = ServedHostNames(port: 8000, listeningHost: "192.168.1.5")
        #expect(names.allows("192.168.1.5:8000"))
        #expect(!names.allows("192.168.1.6:8000"))
        #expect(ServedHostNames(port: 8000, listeningHost: "::1").allows("[::1]:8000"))
        #expect(ServedHostNames(port: 80, listeningHost: "127.0.0.1").allows("localhost"))
    }

    /// Listening on every interface, a name could be rebound, an address literal cannot.
    @Test func everyInterfaceServesAddressLiteralsOnly() {
        let names = ServedHostNames(port: 8000, listeningHost: "0.0.0.0")
        #expect(names.allows("192.168.1.5:8000"))
        #expect(names.allows("[fe80::1]:8000"))
        #expect(names.allows("localhost:8000"))
        #expect(!names.allows("my-laptop.example:8000"))
        #expect(!names.allows("999.1.1.1:8000"))
    }
}
