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

    @Flag(help: ArgumentHelp(
        "Print every diagnostic and each stage's time.",
        discussion: "Without it, the human format shows at most \(DiagnosticPrinter.defaultLimitPerID) diagnostics of each id, then one line counting the rest."))
    var verbose = false

    @Option(help: ArgumentHelp(
        "How diagnostics are printed: human (file:line:column: severity: message [id]), github (GitHub Actions annotations) or json (one object a line).",
        discussion: "The github and json formats print every diagnostic; only the human format is capped."))
    var diagnostics: DiagnosticPrinter.Format = .human

    func validate() throws {
        if let baseURL, URL(string: baseURL)?.scheme.map({ $0 == "http" || $0 == "https" }) != true
            || URL(string: baseURL)?.host?.isEmpty != false
        {
            throw ValidationError("--base-url must be an absolute http(s) URL, such as https://example.org/roadmaps/")
        }
    }

    /// Prints diagnostics to standard error as the options ask.
    var diagnosticPrinter: DiagnosticPrinter {
        DiagnosticPrinter(format: diagnostics, limitPerID: verbose ? nil : DiagnosticPrinter.defaultLimitPerID, errorsOnly: quiet)
    }

    var buildOptions: BuildOptions {
        BuildOptions(contentDirectory: content, templatesDirectory: templates, outputDirectory: output,
                     baseURL: baseURL, strict: strict)
    }
}

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build", abstract: "Build the site.")

    @OptionGroup var options: BuildOptionGroup

    @Flag(help: ArgumentHelp(
        "Build everything anew: neither reuse the render cache nor link files of the previous site.",
        discussion: "The cache is in a hidden folder beside the output (.Site.roadmap-cache for Site) and is written afresh."))
    var clean = false

    func run() throws {
        let start = DispatchTime.now().uptimeNanoseconds
        let report: BuildReport
        let progressLine = ProgressLine.forTerminal(quiet: options.quiet)
        var buildOptions = options.buildOptions
        buildOptions.progress = progressLine.progress
        buildOptions.clean = clean
        do {
            report = try SiteBuilder().build(buildOptions)
            progressLine.finish()
        } catch {
            progressLine.finish()
            options.diagnosticPrinter.print([BuildError.describing(error).diagnostic])
            throw ExitCode(1)
        }
        options.diagnosticPrinter.print(report.diagnostics)
        if options.verbose {
            FileHandle.standardError.write(Data("  memory allocator: \(MemoryAllocator.name)\n".utf8))
            for (stage, seconds) in report.stageTimes {
                // (String(format:)'s %-18@ does not pad: pad the name itself.)
                let name = stage.count < 18 ? stage.padding(toLength: 18, withPad: " ", startingAt: 0) : stage
                FileHandle.standardError.write(Data(("  " + name + String(format: " %8.1f ms\n", seconds * 1000)).utf8))
            }
        }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let counts = DiagnosticPrinter.summary(of: report.diagnostics)
        if report.succeeded {
            if !options.quiet {
                print(String(format: "Built %d roadmap%@ (%d pages) into %@ in %.2f s%@", report.roadmapCount,
                             report.roadmapCount == 1 ? "" : "s", report.pageCount, options.output, elapsed,
                             counts.isEmpty ? "" : "; " + counts))
            }
        } else {
            FileHandle.standardError.write(Data("Build failed: \(counts); \(options.output)/ was left as it was.\n".utf8))
            throw ExitCode(1)
        }
    }
}

extension DiagnosticPrinter.Format: ExpressibleByArgument {}
