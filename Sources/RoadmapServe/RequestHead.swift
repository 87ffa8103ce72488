import Foundation

/// A request's line and headers, as `roadmap serve` reads them: it takes no request bodies.
struct RequestHead: Sendable, Equatable {
    var method: String
    /// The request target as sent: a path, still percent-encoded, with an optional query.
    var target: String
    /// `HTTP/1.1` or `HTTP/1.0`.
    var version: String
    /// Field lines in the order sent; names as sent (compare them with `header(_:)`).
    var headers: [Field]

    struct Field: Sendable, Equatable {
        var name: String
        var value: String
    }

    /// The target's path, still percent-encoded (the query cut off).
    var path: String {
        String(target.prefix { $0 != "?" && $0 != "#" })
    }

    /// The values of the fields called `name`, in any letter case.
    func values(of name: String) -> [String] {
        headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
    }

    /// The value of the one field called `name`; nil when there is none.
    func header(_ name: String) -> String? { values(of: name).first }

    /// Whether the connection stays open after the response (HTTP/1.1 unless `Connection: close`).
    var keepsAlive: Bool {
        let tokens = values(of: "Connection").flatMap { $0.lowercased().split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        return version == "HTTP/1.1" && !tokens.contains("close")
    }

    /// Whether the request says a body follows (which this server does not read).
    var hasBody: Bool {
        if !values(of: "Transfer-Encoding").isEmpty { return true }
        return values(of: "Content-Length").contains { $0.trimmingCharacters(in: .whitespaces) != "0" }
    }
}

/// Reads a request head from bytes as they arrive, within fixed bounds: a request line longer
/// than `maxRequestLine` is refused (414) and field lines longer than `maxFieldBytes` together,
/// or more than `maxFieldCount` of them, are refused (431) as soon as the bound is passed, not
/// when the line ends. Each byte is looked at once, so a head costs time linear in its length.
///
/// (FlyingFox, whose sockets this server uses, reads a line by comparing the line's end after
/// every byte, which copies the line: a 128 kB URL took 11 s of CPU.)
struct RequestHeadReader: Sendable {
    static let maxRequestLine = 8 * 1024
    static let maxFieldBytes = 16 * 1024
    static let maxFieldCount = 100

    enum Outcome: Sendable, Equatable {
        /// More bytes are needed.
        case incomplete
        /// The head, and the bytes after it (a pipelined request's beginning).
        case complete(RequestHead, rest: [UInt8])
        /// The head cannot be served; answer with this status (400, 414 or 431) and close.
        case refused(status: Int)
    }

    /// The line being read, without its line feed.
    private var line: [UInt8] = []
    private var requestLine: (method: String, target: String, version: String)?
    private var fields: [RequestHead.Field] = []
    private var fieldBytes = 0
    /// Empty lines before the request line (RFC 9112 §2.2 lets a server skip them), counted
    /// against the request line's bound.
    private var leadingBytes = 0
    private var finished = false

    /// Reads `bytes`; call again with more while the outcome is `.incomplete`.
    mutating func read(_ bytes: some Collection<UInt8>) -> Outcome {
        precondition(!finished, "the head was already read")
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let newline = bytes[index...].firstIndex(of: 0x0A)
            let end = newline ?? bytes.endIndex
            line.append(contentsOf: bytes[index..<end])
            if let refusal = checkBounds() { return finish(refusal) }
            guard let newline else { break }
            index = bytes.index(after: newline)
            if line.last == 0x0D { line.removeLast() }
            let complete = line
            line = []
            if let outcome = take(complete, rest: bytes[index...]) { return finish(outcome) }
        }
        return .incomplete
    }

    private mutating func finish(_ outcome: Outcome) -> Outcome {
        finished = true
        return outcome
    }

    /// A refusal when the line being read has passed its bound already.
    private func checkBounds() -> Outcome? {
        // A carriage return at the end may be the line's ending.
        let length = line.last == 0x0D ? line.count - 1 : line.count
        if requestLine == nil {
            if leadingBytes + length > Self.maxRequestLine {
                return .refused(status: 414)
            }
        } else if fieldBytes + length > Self.maxFieldBytes {
            return .refused(status: 431)
        }
        return nil
    }

    /// Takes one whole line; an outcome when the head is complete or refused.
    private mutating func take(_ line: [UInt8], rest: some Collection<UInt8>) -> Outcome? {
        guard let requestLine else {
            if line.isEmpty {
                leadingBytes += 2
                return checkBounds()
            }
            guard let parsed = Self.parseRequestLine(line) else { return .refused(status: 400) }
            self.requestLine = parsed
            return nil
        }
        if line.isEmpty {
            let head = RequestHead(method: requestLine.method, target: requestLine.target, version: requestLine.version,
                                   headers: fields)
            return .complete(head, rest: Array(rest))
        }
        fieldBytes += line.count + 2
        guard fields.count < Self.maxFieldCount else {
            return .refused(status: 431)
        }
        guard let field = Self.parseField(line) else { return .refused(status: 400) }
        fields.append(field)
        return nil
    }

    /// `GET /path HTTP/1.1`: a method of capital letters, an origin-form target (a path), and HTTP/1.x.
    static func parseRequestLine(_ line: [UInt8]) -> (method: String, target: String, version: String)? {
        let parts = line.split(separator: 0x20, omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy({ (0x41...0x5A).contains($0) }),
              parts[1].first == UInt8(ascii: "/"), parts[1].allSatisfy({ (0x21...0x7E).contains($0) })
        else { return nil }
        let version = String(decoding: parts[2], as: UTF8.self)
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else { return nil }
        return (String(decoding: parts[0], as: UTF8.self), String(decoding: parts[1], as: UTF8.self), version)
    }

    /// `Name: value`: a token name right before the colon (RFC 9112 §5.1), the value without its
    /// surrounding spaces; no obsolete line folding, no control characters.
    static func parseField(_ line: [UInt8]) -> RequestHead.Field? {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > 0 else { return nil }
        let name = line[..<colon]
        let tokenSymbols = Array("!#$%&'*+-.^_`|~".utf8)
        guard name.allSatisfy({ byte in
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                || tokenSymbols.contains(byte)
        }) else { return nil }
        let value = line[(colon + 1)...].drop { $0 == 0x20 || $0 == 0x09 }
        guard value.allSatisfy({ $0 >= 0x20 && $0 != 0x7F || $0 == 0x09 }) else { return nil }
        var trimmed = Array(value)
        while let last = trimmed.last, last == 0x20 || last == 0x09 { trimmed.removeLast() }
        return RequestHead.Field(name: String(decoding: name, as: UTF8.self), value: String(decoding: trimmed, as: UTF8.self))
    }
}
