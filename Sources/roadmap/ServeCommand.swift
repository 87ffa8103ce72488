import ArgumentParser
import Foundation
import RoadmapKit
import RoadmapServe

/// `roadmap serve`: a live preview on loopback.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve it on loopback, and rebuild and reload open pages on every change.")

    @OptionGroup var options: BuildOptionGroup

    @Option(help: "Port to listen on (0 picks a free one).")
    var port: UInt16 = 8000

    @Option(help: "Address to listen on; loopback unless you mean otherwise.")
    var host = "127.0.0.1"

    func run() throws {
        let server = PreviewServer(options: .init(
            build: options.buildOptions, host: host, port: port, verbose: options.verbose, quiet: options.quiet,
            diagnosticFormat: options.diagnostics))
        // The server runs on Swift concurrency's threads; this one only waits.
        Task {
            do {
                try await server.run()
            } catch {
                FileHandle.standardError.write(Data((BuildError.describing(error).diagnostic.formatted() + "\n").utf8))
                Foundation.exit(1)
            }
            Foundation.exit(0)
        }
        dispatchMain()
    }
}
