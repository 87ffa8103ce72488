import Foundation

/// An answer of `roadmap serve`: a status, header fields, and bytes or a stream of events.
struct Response: Sendable {
    enum Body: Sendable {
        case bytes(Data)
        /// Server-Sent Events, sent as they come until the stream ends or the client goes. The
        /// stream is made (the client subscribed) only when the events are sent: not for HEAD.
        case events(@Sendable () -> AsyncStream<[UInt8]>)
    }

    var status: Int
    var headers: [RequestHead.Field]
    var body: Body

    init(status: Int, headers: [RequestHead.Field] = [], body: Body) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A short plain-text answer.
    static func text(_ status: Int, _ message: String) -> Response {
        Response(status: status, headers: [.init(name: "Content-Type", value: "text/plain; charset=utf-8")],
                 body: .bytes(Data(message.utf8)))
    }

    /// The status line and header fields, up to and with the empty line. A byte body's length is
    /// given (also when answering HEAD, which sends no body); an event stream lasts until the
    /// connection closes.
    func head(keepingAlive keepAlive: Bool) -> Data {
        var text = "HTTP/1.1 \(status) \(Self.reason(for: status))\r\n"
        for field in headers { text += "\(field.name): \(field.value)\r\n" }
        switch body {
        case .bytes(let data): text += "Content-Length: \(data.count)\r\n"
        case .events: break
        }
        if !keepAlive { text += "Connection: close\r\n" }
        text += "\r\n"
        return Data(text.utf8)
    }

    static func reason(for status: Int) -> String {
        switch status {
        case 200: "OK"
        case 400: "Bad Request"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 414: "URI Too Long"
        case 421: "Misdirected Request"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        default: "Status \(status)"
        }
    }
}
