import ArgumentParser
import Foundation
import RoadmapKit

@main
struct RoadmapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roadmap",
        abstract: "Turns career-roadmap Markdown into a static website.",
        subcommands: [BuildCommand.self, ServeCommand.self],
        defaultSubcommand: BuildCommand.self)

    /// Runs the command; bad usage exits with status 2, as Unix tools do (ArgumentParser uses 64).
    static func main() {
        let command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            let code = exitCode(for: error)
            if code == .success { exit(withError: error) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
        do {
            var runnable = command
            try runnable.run()
        } catch {
            exit(withError: error)
        }
    }
}
