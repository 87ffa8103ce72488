import ArgumentParser
import Foundation
import RoadmapKit

@main
struct RoadmapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roadmap",
        abstract: "Turns career-roadmap Markdown into a static website.",
        subcommands: [BuildCommand.self],
        defaultSubcommand: BuildCommand.self)
}
