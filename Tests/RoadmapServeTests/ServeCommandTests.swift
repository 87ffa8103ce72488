import Foundation
import RoadmapKit
import Testing
@testable import RoadmapServe

/// `roadmap serve` as a process: the built binary (or `ROADMAP_TEST_BINARY`), a small site in a
/// temporary folder, a free port.
final class ServeProcess: @unchecked Sendable {
    let process = Process()
    let folder: URL
    private let lock = NSLock()
    private var stdoutText = ""
    private var stderrText = ""

    /// The built `roadmap` binary, beside the test bundle in the build folder.
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["ROADMAP_TEST_BINARY"] { return URL(fileURLWithPath: path) }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("roadmap").path), folder.path != "/" {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("roadmap")
    }

    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Templates")

    /// Starts `roadmap serve --port 0 [arguments]`, at most `descriptors` file descriptors open when given,
    /// over two small roadmaps and `files` (content-relative path → text).
    init(arguments: [String] = [], descriptors: Int? = nil, files: [String: String] = [:]) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("roadmap-serve-tests-\(UUID().uuidString)")
        let content = folder.appendingPathComponent("Content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        for name in ["a", "b"] {
            try "# Roadmap \(name)\n\n## Phase 1 (2 weeks)\n\n- Learn \(name)\n".write(
                to: content.appendingPathComponent("\(name).md"), atomically: true, encoding: .utf8)
        }
        for (path, text) in files {
            try text.write(to: content.appendingPathComponent(path), atomically: true, encoding: .utf8)
        }
        let serve = [Self.binary.path, "serve", "--port", "0", "--templates", Self.templates.path] + arguments
        process.currentDirectoryURL = folder
        if let descriptors {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "ulimit -n \(descriptors) && exec \"$@\"", "sh"] + serve
        } else {
            process.executableURL = Self.binary
            process.arguments = Array(serve.dropFirst())
        }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        out.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let text = String(decoding: handle.availableData, as: UTF8.self)
            self?.lock.withLock { self?.stdoutText += text }
        }
        err.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let text = String(decoding: handle.availableData, as: UTF8.self)
            self?.lock.withLock { self?.stderrText += text }
        }
        try process.run()
    }

    var stdout: String { lock.withLock { stdoutText } }
    var stderr: String { lock.withLock { stderrText } }

    /// The port from the line saying where the site is served.
    func port(within seconds: Double = 60) async throws -> Int {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let range = stdout.range(of: #"http://127\.0\.0\.1:(\d+)/"#, options: .regularExpression) {
                return Int(stdout[range].dropFirst("http://127.0.0.1:".count).dropLast())!
            }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw BuildError("serve did not start:\n\(stdout)\n\(stderr)")
    }

    /// User and system CPU seconds the process has used (Linux).
    var cpuSeconds: Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // utime and stime are the 14th and 15th fields; the 3rd (state) is the first after the name.
        return (Double(fields[11]) ?? 0) / 100 + (Double(fields[12]) ?? 0) / 100
    }

    /// Connections of the server on `port` whose client has gone but which the server keeps (CLOSE_WAIT).
    static func abandonedConnections(port: Int) -> Int {
        guard let table = try? String(contentsOfFile: "/proc/net/tcp", encoding: .utf8) else { return 0 }
        let local = String(format: ":%04X", port)
        return table.split(separator: "\n").dropFirst().filter { line in
            let fields = line.split(separator: " ")
            return fields.count > 3 && fields[1].hasSuffix(local) && fields[3] == "08"
        }.count
    }

    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: folder)
    }
}

/// `roadmap serve` under hostile requests and a full descriptor table (the server's process
/// is measured from the outside: its CPU time, its connections).
@Suite(.serialized) struct ServeCommandTests {
    /// A 1 MB URL is answered 414 at once and costs the server no CPU after the client left
    /// (it took minutes of both cores).
    @Test func longURLCostsNoCPU() async throws {
        let serve = try ServeProcess()
        defer { serve.stop() }
        let port = try await serve.port()
        let before = serve.cpuSeconds
        let connection = try await TestConnection.open(port: port)
        try await connection.send("GET /" + String(repeating: "a", count: 1 << 20) + " HTTP/1.1\r\nHost: localhost:\(port)\r\n\r\n")
        let answer = (try? await connection.read(until: "\r\n", within: 3)) ?? ""
        connection.close()
        try await Task.sleep(for: .seconds(1))
        #expect(answer.hasPrefix("HTTP/1.1 414 "))
        #expect(serve.cpuSeconds - before < 0.5, "\(serve.cpuSeconds - before) s of CPU")
        #expect(serve.process.isRunning)
    }

    /// Another host name (DNS rebinding) is refused; HEAD has no body; an event stream's
    /// connection is closed when its client goes.
    @Test func hostsHeadAndEventStreams() async throws {
        let serve = try ServeProcess()
        defer { serve.stop() }
        let port = try await serve.port()

        let rebound = try await TestConnection.open(port: port)
        try await rebound.send("GET /a/ HTTP/1.1\r\nHost: attacker.example:\(port)\r\nConnection: close\r\n\r\n")
        let refused = try await rebound.readToEnd()
        rebound.close()
        #expect(refused.hasPrefix("HTTP/1.1 421 "))
        #expect(!refused.contains("Roadmap a"))

        let head = try await TestConnection.open(port: port)
        try await head.request("/a/", method: "HEAD", port: port, fields: ["Connection: close"])
        let headText = try await head.readToEnd()
        head.close()
        #expect(headText.hasPrefix("HTTP/1.1 200 "))
        #expect(headText.hasSuffix("\r\n\r\n"), "a body after the head: \(headText.suffix(80))")

        var events: [TestConnection] = []
        for _ in 0..<3 {
            let connection = try await TestConnection.open(port: port)
            try await connection.request("/__roadmap/events", port: port)
            _ = try await connection.read(until: "event: hello")
            events.append(connection)
        }
        for connection in events { connection.close() }
        #expect(await eventually(within: 3) { ServeProcess.abandonedConnections(port: port) == 0 },
                "\(ServeProcess.abandonedConnections(port: port)) event streams still open after their clients left")
    }

    /// With more connections than file descriptors, accepting fails (EMFILE) and the server goes
    /// on; once they close, it serves again.
    @Test func survivesAFullDescriptorTable() async throws {
        let serve = try ServeProcess(arguments: ["--quiet"], descriptors: 48)
        defer { serve.stop() }
        let port = try await serve.port()
        var connections: [TestConnection] = []
        for _ in 0..<80 { connections.append(try await TestConnection.open(port: port)) }
        try await Task.sleep(for: .milliseconds(300))
        #expect(serve.process.isRunning, "\(serve.stderr)")
        for connection in connections { connection.close() }
        guard serve.process.isRunning else { return }
        let connection = try await TestConnection.open(port: port)
        defer { connection.close() }
        try await connection.request("/a/", port: port, fields: ["Connection: close"])
        let text = try await connection.readToEnd()
        #expect(text.hasPrefix("HTTP/1.1 200 ") && text.contains("Roadmap a"))
    }

    /// The terminal gets diagnostics as `roadmap build` prints them: at most ten of an id, then
    /// a line counting the rest.
    @Test func diagnosticsAreCappedPerId() async throws {
        let missingImages = "# C\n\n" + (1...12).map { "![shot](img/\($0).png)\n\n" }.joined()
        let serve = try ServeProcess(files: ["c.md": missingImages])
        defer { serve.stop() }
        _ = try await serve.port()
        try await Task.sleep(for: .milliseconds(200))
        let lines = serve.stderr.split(separator: "\n")
        #expect(lines.filter { $0.hasSuffix("[link.missing-file]") }.count == 10, "\(serve.stderr)")
        #expect(lines.contains("link.missing-file: 2 more warnings not shown (--verbose shows all)"), "\(serve.stderr)")
    }

    /// `--quiet` prints errors only (the build has a warning: no base_url).
    @Test func quietPrintsNoWarnings() async throws {
        let loud = try ServeProcess()
        defer { loud.stop() }
        _ = try await loud.port()
        #expect(loud.stderr.contains("warning: ") && loud.stdout.contains("Built 2 roadmaps"))

        let quiet = try ServeProcess(arguments: ["--quiet"])
        defer { quiet.stop() }
        _ = try await quiet.port()
        try await Task.sleep(for: .milliseconds(200))
        #expect(quiet.stderr == "")
        #expect(!quiet.stdout.contains("Built"))
    }
}
