#if canImport(Glibc)
import Glibc

/// Turns Nagle's algorithm off on the server's listening socket, which Linux hands down to every
/// accepted connection. FlyingFox writes a response's head and body separately; with Nagle on,
/// the body waited for the browser's delayed ACK, about 40 ms per request (a page and its eight
/// assets took 150 ms to reload on loopback). FlyingFox has no option for it, so the socket is
/// found among this process's descriptors by its local port.
enum ListenerTuning {
    static func disableNagle(port: Int) {
        for descriptor in Int32(3)..<Int32(4096) {
            var listening: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            guard getsockopt(descriptor, SOL_SOCKET, SO_ACCEPTCONN, &listening, &length) == 0, listening != 0 else {
                continue
            }
            var address = sockaddr_storage()
            var addressLength = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let named = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &addressLength) }
            }
            guard named == 0 else { continue }
            var localPort = 0
            if Int32(address.ss_family) == AF_INET {
                localPort = withUnsafePointer(to: &address) {
                    $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin_port)) }
                }
            } else if Int32(address.ss_family) == AF_INET6 {
                localPort = withUnsafePointer(to: &address) {
                    $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin6_port)) }
                }
            }
            guard localPort == port else { continue }
            var on: Int32 = 1
            _ = setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
        }
    }
}
#endif
