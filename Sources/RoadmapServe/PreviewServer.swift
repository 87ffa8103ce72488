import Foundation
import RoadmapKit

/// `roadmap serve`: builds the site, serves the output folder on loopback, rebuilds when a file
/// under the content or templates folder changes, and tells open pages to reload (or shows the
/// build's errors over them) through Server-Sent Events.
public final class PreviewServer: Sendable {
    public struct Options: Sendable {
        public var build: BuildOptions
        public var host: String
        public var port: UInt16
        /// Seconds between two looks at the watched folders.
        public var pollInterval: Double
        /// Every diagnostic (no cap per id) and each stage's time.
        public var verbose: Bool
        /// Errors only: no warnings, no line per build (the line saying where the site is served stays).
        public var quiet: Bool
        public var diagnosticFormat: DiagnosticPrinter.Format
        var limits = BoundedHTTPServer.Limits()

        public init(build: BuildOptions, host: String = "127.0.0.1", port: UInt16 = 8000, pollInterval: Double = 0.05,
                    verbose: Bool = false, quiet: Bool = false, diagnosticFormat: DiagnosticPrinter.Format = .human)
        {
            self.build = build
            self.host = host
            self.port = port
            self.pollInterval = pollInterval
            self.verbose = verbose
            self.quiet = quiet
            self.diagnosticFormat = diagnosticFormat
        }

        /// Prints a build's diagnostics as `roadmap build` does, capped per id unless `verbose`.
        var printer: DiagnosticPrinter {
            DiagnosticPrinter(format: diagnosticFormat, limitPerID: verbose ? nil : DiagnosticPrinter.defaultLimitPerID)
        }
    }

    let options: Options
    let channel = ReloadChannel()
    /// Unchanged roadmaps are reused between rebuilds.
    let cache = PageCache()
    let shownWarnings = LockedValue<[String]>([])
    let resolver: SitePathResolver

    /// Files of pages rendered ahead of the build's end (site-relative path → bytes).
    let earlyPages = LockedValue<[String: Data]>([:])
    /// Whether pages rendered during the current build may be shown early (not in the first
    /// build, nor when more than a few roadmaps are rendered again).
    let earlyBudget = LockedValue<Int>(0)
    let rebuildStart = LockedValue<UInt64>(0)

    public init(options: Options) {
        self.options = options
        resolver = SitePathResolver(root: options.build.outputDirectory)
        cache.onRendered = { [weak self] slug, folder in self?.pageRendered(slug: slug, folder: folder) }
    }

    /// A changed roadmap's files, read from the staging site as soon as they are written.
    func pageRendered(slug: String, folder: URL) {
        let allowed = earlyBudget.withLock { budget -> Bool in
            guard budget > 0 else { return false }
            budget -= 1
            return true
        }
        guard allowed, let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        var files: [String: Data] = [:]
        for name in names {
            if let data = FileManager.default.contents(atPath: folder.path + "/" + name) { files[slug + "/" + name] = data }
        }
        guard files[slug + "/index.html"] != nil else { return }
        earlyPages.withLock { $0.merge(files) { _, new in new } }
        channel.pageReady(paths: ["/\(slug)/"])
        if options.verbose {
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - rebuildStart.withLock { $0 }) / 1e6
            log(String(format: "  %@/ ready after %.0f ms; the site-wide steps go on", slug, elapsed))
        }
    }

    /// Runs until the process is stopped.
    public func run() async throws {
        let watcher = SourceWatcher(folders: [options.build.contentDirectory, options.build.templatesDirectory])
        rebuild(reason: "initial build")

        let host = options.host == "localhost" ? "127.0.0.1" : options.host
        let server = BoundedHTTPServer(host: host, port: options.port, limits: options.limits,
                                       warn: { [self] in self.warn($0) }) { [self] request in
            await self.respond(to: request)
        }
        try await server.run { [self] port in
            let shownHost = host.contains(":") ? "[\(host)]" : host
            log("Serving \(options.build.outputDirectory)/ at http://\(shownHost):\(port)/ — watching "
                + "\(options.build.contentDirectory)/ and \(options.build.templatesDirectory)/; Ctrl-C stops.")
            // Watching and rebuilding run on a thread of their own; the server's tasks keep serving.
            let thread = Thread { [self] in self.watch(watcher) }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// Waits for changes (woken at once by inotify where there is one, else polling) and rebuilds.
    func watch(_ initial: SourceWatcher) {
        var watcher = initial
        #if canImport(Glibc)
        let events = DirectoryEvents(folders: watcher.folders)
        #endif
        var lastKeepAlive = DispatchTime.now().uptimeNanoseconds
        let contentFolder = URL(fileURLWithPath: options.build.contentDirectory).standardizedFileURL.path + "/"
        while true {
            #if canImport(Glibc)
            if let events {
                // The timeout is a safety net: a missed event is still noticed by the poll.
                _ = events.wait(milliseconds: 500)
            } else {
                Thread.sleep(forTimeInterval: options.pollInterval)
            }
            #else
            Thread.sleep(forTimeInterval: options.pollInterval)
            #endif
            if DispatchTime.now().uptimeNanoseconds - lastKeepAlive > 15_000_000_000 {
                channel.keepAlive()
                lastKeepAlive = DispatchTime.now().uptimeNanoseconds
            }
            var changed = watcher.changes()
            guard !changed.isEmpty else { continue }
            // Editors often write a file in several steps: let them finish.
            Thread.sleep(forTimeInterval: 0.01)
            changed += watcher.changes()
            #if canImport(Glibc)
            events?.watchAll()
            #endif
            let onlyRoadmaps = changed.allSatisfy {
                URL(fileURLWithPath: $0).standardizedFileURL.path.hasPrefix(contentFolder) && $0.hasSuffix(".md")
            }
            if !onlyRoadmaps { cache.invalidateAll() }
            rebuild(reason: Self.describe(Array(Set(changed)).sorted()))
        }
    }

    // MARK: - Building

    func rebuild(reason: String) {
        let start = DispatchTime.now().uptimeNanoseconds
        earlyBudget.withLock { $0 = reason == "initial build" ? 0 : 3 }
        rebuildStart.withLock { $0 = start }
        defer {
            earlyBudget.withLock { $0 = 0 }
            earlyPages.withLock { $0 = [:] }
        }
        var buildOptions = options.build
        buildOptions.pageCache = cache
        buildOptions.removesPreviousSiteLater = true
        buildOptions.linksUnchangedFiles = true
        let build = buildOptions
        let outcome = Result { try SiteBuilder().build(build) }
        let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        let wrote = (try? outcome.get())?.wroteSite ?? false
        cache.buildFinished(succeeded: wrote)
        switch outcome {
        case .success(let report):
            // Errors every time; warnings when they differ from the last build's (not the same
            // screenful after every save).
            let warnings = report.diagnostics.filter { $0.severity != .error }.map { $0.formatted() }
            let showWarnings = !options.quiet && warnings != shownWarnings.withLock { $0 }
            shownWarnings.withLock { $0 = warnings }
            options.printer.print(report.diagnostics.filter { $0.severity == .error || showWarnings })
            if options.verbose {
                for (stage, seconds) in report.stageTimes {
                    log("  " + stage.padding(toLength: 18, withPad: " ", startingAt: 0) + String(format: "%8.1f ms", seconds * 1000))
                }
            }
            if report.succeeded && report.wroteSite {
                let reused = cache.reusedCount
                if !options.quiet {
                    log(String(format: "Built %d roadmaps (%@) in %.0f ms", report.roadmapCount, reason, milliseconds)
                        + (reused > 0 ? ", \(reused) unchanged reused" : ""))
                }
                channel.buildSucceeded(changed: [reason])
            } else {
                let errors = report.diagnostics.filter { $0.severity == .error }
                log("Build failed (\(reason)): \(DiagnosticPrinter.summary(of: errors)); still serving the last good site.")
                // The page shows the errors as the terminal does, whatever format the terminal has.
                var shown = options.printer
                shown.format = .human
                channel.buildFailed(shown.lines(errors).joined(separator: "\n"))
            }
        case .failure(let error):
            let failure = BuildError.describing(error).diagnostic.formatted()
            FileHandle.standardError.write(Data((failure + "\n").utf8))
            log("Build failed (\(reason)); still serving the last good site.")
            channel.buildFailed(failure)
        }
    }

    static func describe(_ paths: [String]) -> String {
        let names = paths.map { Diagnostic.printable(($0 as NSString).lastPathComponent) }
        return names.count <= 3 ? names.joined(separator: ", ") : "\(names.count) files changed"
    }

    func log(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// A warning of the server's own, on standard error unless `--quiet`.
    func warn(_ line: String) {
        guard !options.quiet else { return }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    // MARK: - Serving

    func respond(to request: RequestHead) async -> Response {
        let rawPath = request.path
        switch rawPath {
        case LiveReloadAssets.eventsPath:
            return Response(
                status: 200,
                headers: [.init(name: "Content-Type", value: "text/event-stream"), .init(name: "Cache-Control", value: "no-store"),
                          .init(name: "X-Accel-Buffering", value: "no")],
                body: .events { [channel] in channel.subscribe() })
        case LiveReloadAssets.scriptPath:
            return Self.asset(LiveReloadAssets.script, type: "text/javascript; charset=utf-8")
        case LiveReloadAssets.stylePath:
            return Self.asset(LiveReloadAssets.style, type: "text/css; charset=utf-8")
        default:
            break
        }
        if let early = earlyPage(rawPath) { return early }
        switch resolver.resolve(rawPath) {
        case .refused:
            return Self.text(403, "refused: the path leaves the site folder\n")
        case .notFound:
            if case .file(let page) = resolver.resolve("/404.html"), let data = FileManager.default.contents(atPath: page) {
                return Self.page(data, path: page, status: 404)
            }
            // No site yet (the first build failed): a page that still shows the error and reloads.
            let placeholder = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>roadmap serve</title></head>"
                + "<body><h1>Nothing here yet</h1><p>The site has not been built; this page reloads when it is.</p></body></html>\n"
            return Self.page(Data(placeholder.utf8), path: "placeholder.html", status: 404)
        case .file(let path):
            guard let data = FileManager.default.contents(atPath: path) else {
                // There a moment ago: swapped by a build, or no file descriptor left.
                return Self.text(503, "cannot read the file just now; try again\n")
            }
            return Self.page(data, path: path, status: 200)
        }
    }

    /// A page rendered ahead of the end of the running build, if `rawPath` names one.
    func earlyPage(_ rawPath: String) -> Response? {
        guard let decoded = rawPath.removingPercentEncoding, decoded.hasPrefix("/") else { return nil }
        var relative = String(decoded.dropFirst())
        if relative.isEmpty || relative.hasSuffix("/") { relative += "index.html" }
        guard let data = earlyPages.withLock({ $0[relative] }) else { return nil }
        return Self.page(data, path: relative, status: 200)
    }

    static func page(_ data: Data, path: String, status: Int) -> Response {
        let type = SitePathResolver.contentType(of: path)
        var body = data
        if type.hasPrefix("text/html") {
            body = Data(LiveReloadAssets.inject(into: String(decoding: data, as: UTF8.self)).utf8)
        }
        return Response(status: status, headers: headers(type: type), body: .bytes(body))
    }

    static func asset(_ text: String, type: String) -> Response {
        Response(status: 200, headers: headers(type: type), body: .bytes(Data(text.utf8)))
    }

    static func text(_ status: Int, _ message: String) -> Response {
        Response(status: status, headers: headers(type: "text/plain; charset=utf-8"), body: .bytes(Data(message.utf8)))
    }

    static func headers(type: String) -> [RequestHead.Field] {
        [.init(name: "Content-Type", value: type), .init(name: "Cache-Control", value: "no-store"),
         .init(name: "Content-Security-Policy", value: "default-src 'self'"), .init(name: "X-Content-Type-Options", value: "nosniff")]
    }
}

/// A value behind a lock.
final class LockedValue<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<Result>(_ body: (inout Value) -> Result) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}
