import Foundation
import Testing
@testable import RoadmapKit

/// Replacing the previous site: where the output may be, the swap, what killed builds leave.
@Suite struct SiteSwapTests {
    // MARK: where the output may be

    @Test(arguments: [
        ("Content/Site", "it is inside 'Content', which the build reads"),
        ("Content", "it is or contains 'Content'"),
        ("Templates/Site", "it is inside 'Templates', which the build reads"),
        ("Templates", "it is or contains 'Templates'"),
        (".", "it is or contains 'Content'"),
        ("Linked/Site", "it is inside 'Content', which the build reads"),
    ])
    func anOutputInsideOrAroundContentOrTemplatesIsRefused(output: String, why: String) throws {
        try withTemporaryFolder { folder in
            try writeFiles(["Content/a.md": "# A\n", "Templates/home.mustache": "x"], in: folder)
            try FileManager.default.createSymbolicLink(
                atPath: folder.appendingPathComponent("Linked").path, withDestinationPath: "Content")
            let before = try filesUnder(folder)
            let run = try CommandLineTests.run(
                ["build", "--content", "Content", "--templates", "Templates", "--output", output], in: folder)
            #expect(run.status == 1)
            #expect(run.stderr.hasPrefix(
                "\(output): error: refusing to write the site here: \(why) [output.refused]\n"), "\(run.stderr)")
            #expect(try filesUnder(folder) == before)
            #expect(try entriesBesideTheSite(folder).sorted() == ["Content", "Linked", "Templates"])
        }
    }

    // MARK: leftovers

    @Test func leftoversOfKilledBuildsAreRemovedButNotALiveBuildsFolder() throws {
        try withPreviousSite(["a.md": "# A\n"]) { folder, content, output, _ in
            let killed = [".Site.building-123", ".Site.building-4-ABCD1234", ".Site.previous-5-DEADBEEF", ".Site.previous-77"]
            let kept = [".Site.building-999-0000LIVE", ".Site.notes", ".Other.building-1", "Content", "Site"]
            for name in killed + kept where !["Content", "Site"].contains(name) {
                try writeFiles(["index.html": "x", "deep/er/page.html": "y", SiteWriter.markerName: ""],
                               in: folder.appendingPathComponent(name))
            }
            let live = try #require(FolderLock(folder.appendingPathComponent(".Site.building-999-0000LIVE").path))
            #expect(try buildSite(content: content, output: output).succeeded)
            #expect(try entriesBesideTheSite(folder).sorted() == kept.sorted())
            withExtendedLifetime(live) {}
        }
    }

    /// Where the site cannot be exchanged in one step it is renamed away, then the new one
    /// renamed in: a build killed between the two leaves the old site, whole, which the next
    /// build puts back even when it fails itself.
    @Test func aSiteRenamedAwayByAKilledBuildIsPutBack() throws {
        try withPreviousSite(["a.md": "# A\n"]) { folder, content, output, old in
            try FileManager.default.moveItem(at: output, to: folder.appendingPathComponent(".Site.previous-42-ABCDEF12"))
            try writeFiles(["x.html": "new"], in: folder.appendingPathComponent(".Site.building-42-ABCDEF12"))

            try writeFiles(["a.md": "# A\n\n[broken](b.md#nowhere)\n", "b.md": "# B\n"], in: content)
            let report = try buildSite(content: content, output: output, strict: true)
            #expect(!report.wroteSite)
            #expect(try filesUnder(output) == old)
            #expect(try entriesBesideTheSite(folder).sorted() == ["Content", "Site"])
        }
    }

    // MARK: the swap

    /// On Linux the staging folder and the site are exchanged in one step: the output folder
    /// is there at every instant of every build.
    @Test func theOutputIsThereThroughoutTheSwap() throws {
        try withPreviousSite(["a.md": "# A\n"]) { _, content, output, _ in
            let watcher = OutputWatcher(path: output.appendingPathComponent("index.html").path)
            let thread = Thread { watcher.watch() }
            thread.start()
            for build in 0..<20 {
                try writeFiles(["a.md": "# A \(build)\n"], in: content)
                #expect(try buildSite(content: content, output: output).succeeded)
            }
            let (checks, misses) = watcher.stop()
            #expect(checks > 1000)
            #expect(misses == 0)
        }
    }

    static let oldSite = ["index.html": "old", "old.html": "old", "deep/page.html": "old", SiteWriter.markerName: "old"]
    static let newSite = ["index.html": "new", "new.html": "new", "deep/page.html": "new", SiteWriter.markerName: "new"]

    static func tree(_ files: [String: String]) -> [String: Data] { files.mapValues { Data($0.utf8) } }

    /// On Linux the two folders are exchanged in one step: the previous site is left where the
    /// staging folder was (the fallback renames it to a `previous` folder first).
    @Test func besideTheOutputTheFoldersAreExchanged() throws {
        try withTemporaryFolder { folder in
            let output = folder.appendingPathComponent("Site")
            try writeFiles(Self.oldSite, in: output)
            let swap = SiteSwap(output: output.path, swapsContents: false)
            let staging = swap.path(.building)
            try writeFiles(Self.newSite, in: URL(fileURLWithPath: staging))
            let previous = try #require(try swap.swap(in: staging))
            #expect(try filesUnder(output) == Self.tree(Self.newSite))
            #if os(Linux)
            #expect(previous.path == staging)
            #endif
            #expect(try filesUnder(URL(fileURLWithPath: previous.path)) == Self.tree(Self.oldSite))
        }
    }

    /// A mount point cannot be renamed: its entries are moved out, and the new ones in.
    @Test func aMountPointsEntriesAreSwapped() throws {
        try withTemporaryFolder { folder in
            let output = folder.appendingPathComponent("Site")
            try writeFiles(Self.oldSite, in: output)
            let swap = SiteSwap(output: output.path, swapsContents: true)
            try writeFiles(Self.newSite, in: URL(fileURLWithPath: swap.path(.building)))
            let previous = try #require(try swap.swap(in: swap.path(.building)))
            #expect(previous.path.hasPrefix(output.path + "/.Site.previous-"))
            try FolderRemoval.remove(previous.path)
            #expect(try filesUnder(output) == Self.tree(Self.newSite))
        }
    }

    /// A swap of a mount point's entries killed midway: before the new entries move in (some
    /// old ones still there) or while they do. The next build finishes it: the new site, whole.
    @Test(arguments: ["ready", "moving"])
    func aMountPointSwapKilledMidwayIsFinished(stage: String) throws {
        try withTemporaryFolder { folder in
            let output = folder.appendingPathComponent("Site")
            let previous = output.appendingPathComponent(".Site.previous-7-KILLED00")
            let work = output.appendingPathComponent(".Site.\(stage)-7-KILLED00")
            if stage == "ready" {
                try writeFiles(["index.html": "old", SiteWriter.markerName: "old"], in: output)
                try writeFiles(["old.html": "old", "deep/page.html": "old"], in: previous)
                try writeFiles(Self.newSite, in: work)
            } else {
                try writeFiles(["index.html": "new", "new.html": "new"], in: output)
                try writeFiles(Self.oldSite, in: previous)
                try writeFiles(["deep/page.html": "new", SiteWriter.markerName: "new"], in: work)
            }
            try SiteSwap(output: output.path, swapsContents: true).cleanLeftovers()
            #expect(try filesUnder(output) == Self.tree(Self.newSite))
        }
    }

    /// Needs root, to mount a file system (`tmpfs`) on the output folder.
    @Test(.enabled(if: getuid() == 0)) func aMountPointOutputWorks() throws {
        try withTemporaryFolder { folder in
            let content = folder.appendingPathComponent("Content")
            let output = folder.appendingPathComponent("Site")
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
            guard mount("tmpfs", output.path, "tmpfs", 0, nil) == 0 else { return }  // no CAP_SYS_ADMIN here
            defer { umount2(output.path, Int32(MNT_DETACH)) }
            #expect(MountPoints.isMountPoint(output.path))
            try writeFiles(["a.md": "# A\n"], in: content)
            #expect(try buildSite(content: content, output: output).succeeded)
            try FileManager.default.removeItem(at: content.appendingPathComponent("a.md"))
            try writeFiles(["b.md": "# B\n"], in: content)
            #expect(try buildSite(content: content, output: output).succeeded)
            let site = try filesUnder(output)
            #expect(site["b/index.html"] != nil)
            #expect(site["a/index.html"] == nil)
            #expect(site.keys.allSatisfy { !$0.hasPrefix(".Site.") })
            #expect(try entriesBesideTheSite(folder).sorted() == ["Content", "Site"])
        }
    }

    @Test func mountPointsAreFound() throws {
        #expect(MountPoints.isMountPoint("/"))
        try withTemporaryFolder { folder in #expect(!MountPoints.isMountPoint(folder.path)) }
        let table = """
            22 27 0:21 / /proc rw,relatime - proc proc rw
            45 27 0:40 / /srv/my\\040site\\134x rw,relatime - tmpfs none rw
            """
        #expect(MountPoints.mountPoints(in: table) == ["/proc", "/srv/my site\\x"])
    }

    // MARK: killed builds

    /// The real `roadmap` binary, killed (SIGKILL) at random points of builds that replace one
    /// site with another: the output is always one of the two, whole, and the next build
    /// cleans up and writes the new one.
    @Test func aBuildKilledAnywhereLeavesTheOldOrTheNewSiteWhole() throws {
        try withTemporaryFolder { folder in
            let content = folder.appendingPathComponent("Content")
            let output = folder.appendingPathComponent("Site")
            let versions = [
                ["a.md": "# A\n\n## One\n", "b.md": "# B\n\nSee [A](a.md).\n", "img/p.png": "one"],
                ["a.md": "# A changed\n\n## Two\n", "c.md": "# C\n", "img/p.png": "two", "img/q.png": "two"],
            ]
            var trees: [[String: Data]] = []
            for version in versions {
                try? FileManager.default.removeItem(at: content)
                try writeFiles(version, in: content)
                let reference = folder.appendingPathComponent("Reference-\(trees.count)")
                #expect(try buildSite(content: content, output: reference).succeeded)
                trees.append(try filesUnder(reference))
                try FileManager.default.removeItem(at: reference)
            }
            let arguments = ["build", "--content", "Content", "--templates", TestPaths.templates.path, "--quiet"]
            func leftovers() throws -> [String] {
                try entriesBesideTheSite(folder).filter { $0.hasPrefix(".Site.") }
            }
            func launch() throws -> Process {
                let process = Process()
                process.executableURL = CommandLineTests.binary
                process.arguments = arguments
                process.currentDirectoryURL = folder
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                return process
            }
            /// Waits until the build has made its staging folder (or has ended).
            func waitForStaging(_ process: Process) throws {
                while process.isRunning, try leftovers().isEmpty { usleep(200) }
            }
            func seconds(since start: UInt64) -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
            /// One whole build: how long it takes, and how long it has a staging folder.
            func timedBuild() throws -> (whole: Double, staged: Double) {
                let start = DispatchTime.now().uptimeNanoseconds
                let process = try launch()
                try waitForStaging(process)
                let staged = DispatchTime.now().uptimeNanoseconds
                process.waitUntilExit()
                #expect(process.terminationStatus == 0)
                return (seconds(since: start), seconds(since: staged))
            }
            // The first build runs with cold caches and is slower than the ones killed below,
            // so the kill times come from the median of three warm builds.
            _ = try timedBuild()
            let timings = try (0..<3).map { _ in try timedBuild() }
            let duration = timings.map(\.whole).sorted()[1]
            let stagedDuration = timings.map(\.staged).sorted()[1]
            #expect(try filesUnder(output) == trees[1])

            var generator = SeededGenerator(seed: 13)
            var interrupted = 0
            var run = 0
            // At least 36 kills, and more (up to 200) until 12 have landed inside a build:
            // how many land there depends on the machine's speed, what they must leave does not.
            while run < 36 || (interrupted < 12 && run < 200) {
                defer { run += 1 }
                let version = run % 2
                try FileManager.default.removeItem(at: content)
                try writeFiles(versions[version], in: content)
                let process = try launch()
                // Every fourth kill anywhere in the build; the others while it writes and swaps.
                if run % 4 == 0 {
                    usleep(UInt32(Double.random(in: 0...(1.2 * duration), using: &generator) * 1e6))
                } else {
                    try waitForStaging(process)
                    usleep(UInt32(Double.random(in: 0...stagedDuration, using: &generator) * 1e6))
                }
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()

                let after = try filesUnder(output)
                #expect(after == trees[version] || after == trees[1 - version], "run \(run): neither site, whole")
                if try !leftovers().isEmpty { interrupted += 1 }
                #expect(try CommandLineTests.run(arguments, in: folder).status == 0)
                #expect(try filesUnder(output) == trees[version], "run \(run)")
                #expect(try leftovers() == [], "run \(run)")
            }
            #expect(interrupted >= 12, "few kills landed inside a build: \(interrupted) of \(run)")
        }
    }
}

/// Checks, on its own thread until stopped, that a file is always there.
private final class OutputWatcher: @unchecked Sendable {
    private let path: String
    private let lock = NSLock()
    private var stopped = false
    private var checks = 0
    private var misses = 0
    private let done = DispatchSemaphore(value: 0)

    init(path: String) { self.path = path }

    func watch() {
        var info = stat()
        while !lock.withLock({ stopped }) {
            let missing = stat(path, &info) != 0
            lock.withLock {
                checks += 1
                if missing { misses += 1 }
            }
        }
        done.signal()
    }

    func stop() -> (checks: Int, misses: Int) {
        lock.withLock { stopped = true }
        done.wait()
        return lock.withLock { (checks, misses) }
    }
}

/// The entries of the folder holding the site, but the render cache's folder (``RenderCache``),
/// which every build keeps there.
func entriesBesideTheSite(_ folder: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != ".Site.roadmap-cache" }
}
