import ArgumentParser
import Foundation
import RoadmapKit

/// Options every subcommand that builds shares.
struct BuildOptionGroup: ParsableArguments {
    @Option(help: "Folder of Markdown roadmaps (and optional site.yml).")
    var content = "Content"

    @Option(help: "Folder of Mustache templates and assets/.")
    var templates = "Templates"

    @Option(help: "Folder the site is written to; replaced on success only.")
    var output = "Site"

    @Option(name: .customLong("base-url"), help: "Absolute URL the site is published at (for sitemap and canonical links).")
    var baseURL: String?

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(help: "Print errors only.")
    var quiet = false

    @Flag(help: "Print each stage's time.")
    var verbose = false

    func validate() throws {
        if let baseURL, URL(string: baseURL)?.scheme.map({ $0 == "http" || $0 == "https" }) != true
            || URL(string: baseURL)?.host?.isEmpty != false
        {
            throw ValidationError("--base-url must be an absolute http(s) URL, such as https://example.org/roadmaps/")
        }
    }

    var buildOptions: BuildOptions {
        BuildOptions(contentDirectory: content, templatesDirectory: templates, outputDirectory: output,
                     baseURL: baseURL, strict: strict)
    }
}

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build", abstract: "Build the site.")

    @OptionGroup var options: BuildOptionGroup

    func run() throws {
        let start = DispatchTime.now().uptimeNanoseconds
        let report: BuildReport
        let progressLine = ProgressLine.forTerminal(quiet: options.quiet)
        var buildOptions = options.buildOptions
        buildOptions.progress = progressLine.progress
        do {
            report = try SiteBuilder().build(buildOptions)
            progressLine.finish()
        } catch {
            progressLine.finish()
            DiagnosticPrinter(quiet: options.quiet).print([BuildError.describing(error).diagnostic])
            throw ExitCode(1)
        }
        DiagnosticPrinter(quiet: options.quiet).print(report.diagnostics)
        if options.verbose {
            FileHandle.standardError.write(Data("  memory allocator: \(MemoryAllocator.name)\n".utf8))
            for (stage, seconds) in report.stageTimes {
                // (String(format:)'s %-18@ does not pad: pad the name itself.)
                let name = stage.count < 18 ? stage.padding(toLength: 18, withPad: " ", startingAt: 0) : stage
                FileHandle.standardError.write(Data(("  " + name + String(format: " %8.1f ms\n", seconds * 1000)).utf8))
            }
        }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let errors = report.diagnostics.filter { $0.severity == .error }.count
        let warnings = report.diagnostics.filter { $0.severity == .warning }.count
        if report.succeeded {
            if !options.quiet {
                print(String(format: "Built %d roadmap%@ (%d pages) into %@ in %.2f s%@", report.roadmapCount,
                             report.roadmapCount == 1 ? "" : "s", report.pageCount, options.output, elapsed,
                             warnings > 0 ? ", \(warnings) warning\(warnings == 1 ? "" : "s")" : ""))
            }
        } else {
            FileHandle.standardError.write(Data(
                "Build failed: \(errors) error\(errors == 1 ? "" : "s"); \(options.output)/ was left as it was.\n".utf8))
            throw ExitCode(1)
        }
    }
}

/// Prints diagnostics to standard error, one per line in `file:line:column: severity: message [id]`.
struct DiagnosticPrinter {
    var quiet: Bool

    /// Written in pieces of about 64 KB: a large site's thousands of warnings are not a write each.
    func print(_ diagnostics: [Diagnostic]) {
        var text = ""
        for diagnostic in diagnostics where !quiet || diagnostic.severity == .error {
            text += diagnostic.formatted() + "\n"
            if text.utf8.count >= 1 << 16 {
                FileHandle.standardError.write(Data(text.utf8))
                text = ""
            }
        }
        if !text.isEmpty { FileHandle.standardError.write(Data(text.utf8)) }
    }
}
