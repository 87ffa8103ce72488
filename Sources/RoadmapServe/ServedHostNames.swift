import Foundation

/// The `Host` names the preview answers to: `localhost`, `127.0.0.1` and `[::1]`, and the address
/// it was told to listen on, each with the port it listens on. A web page whose own name is made
/// to resolve to this machine (DNS rebinding) sends that name, and is refused: it cannot read
/// the preview. An address given as digits cannot be rebound, so when the preview listens on
/// every interface (`--host 0.0.0.0`), any address literal is served too.
struct ServedHostNames: Sendable {
    var port: Int
    private var names: Set<String> = ["localhost", "127.0.0.1", "[::1]"]
    private var anyAddressLiteral = false

    init(port: Int, listeningHost: String) {
        self.port = port
        let host = listeningHost.lowercased()
        if host == "0.0.0.0" || host == "::" || host == "[::]" {
            anyAddressLiteral = true
        } else {
            names.insert(host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host)
        }
    }

    /// Whether a request whose `Host` field is `host` is served.
    func allows(_ host: String) -> Bool {
        guard let (name, givenPort) = Self.split(host.lowercased()) else { return false }
        guard givenPort == port || (givenPort == nil && port == 80) else { return false }
        return names.contains(name) || (anyAddressLiteral && Self.isAddressLiteral(name))
    }

    /// `name:port`, `[v6]:port`, or a name alone; nil when malformed.
    static func split(_ host: String) -> (name: String, port: Int?)? {
        var name = Substring(host)
        var portText: Substring?
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { return nil }
            name = host[...close]
            let after = host[host.index(after: close)...]
            if !after.isEmpty {
                guard after.first == ":" else { return nil }
                portText = after.dropFirst()
            }
        } else if let colon = host.firstIndex(of: ":") {
            name = host[..<colon]
            portText = host[host.index(after: colon)...]
        }
        guard !name.isEmpty else { return nil }
        guard let portText else { return (String(name), nil) }
        guard !portText.isEmpty, portText.count <= 5, portText.allSatisfy(\.isASCIIDigit), let port = Int(portText) else {
            return nil
        }
        return (String(name), port)
    }

    /// `192.0.2.7` or `[2001:db8::7]`.
    static func isAddressLiteral(_ name: String) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 16)
        if name.hasPrefix("[") && name.hasSuffix("]") {
            return inet_pton(AF_INET6, String(name.dropFirst().dropLast()), &buffer) == 1
        }
        return inet_pton(AF_INET, name, &buffer) == 1
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
