import CLibFuzzer
import Foundation
import RoadmapKit

/// The pipeline fuzz target (``PipelineFuzzTarget``) as a libFuzzer program, and without
/// libFuzzer a replayer of inputs.
///
/// `make fuzz` builds this with `-sanitize=fuzzer,address -D FUZZING`: `main` hands the command
/// line to libFuzzer's driver, which calls ``fuzzOneInput(_:_:)`` with each input. A plain
/// `swift build` builds the replayer instead: `roadmap-fuzz FILE…` runs each file through the
/// same target and prints what the oracles find (exit 1 when anything does).
///
/// The templates come from `$ROADMAP_FUZZ_TEMPLATES`, else `Templates` in the working folder;
/// the target's work folder is made in `$ROADMAP_FUZZ_WORK` when set (`make fuzz` removes it
/// afterwards: libFuzzer ends the process without releasing the target).
@main
enum FuzzEntry {
    static let target = makeTarget()

    static func makeTarget() -> PipelineFuzzTarget {
        let environment = ProcessInfo.processInfo.environment
        let templates = environment["ROADMAP_FUZZ_TEMPLATES"] ?? "Templates"
        do {
            return try PipelineFuzzTarget(templatesDirectory: templates, workBase: environment["ROADMAP_FUZZ_WORK"])
        } catch {
            print("roadmap-fuzz: cannot load the templates in '\(templates)' (set ROADMAP_FUZZ_TEMPLATES): \(error)")
            exit(2)
        }
    }

    static func main() throws {
        #if FUZZING
        _ = target
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOneInput))
        #else
        try replay(CommandLine.arguments.dropFirst())
        #endif
    }

    /// Runs each file through the target's oracles and prints what they find, with the time taken.
    static func replay(_ paths: ArraySlice<String>) throws {
        if paths.isEmpty {
            print("usage: roadmap-fuzz FILE…  (runs each file through the pipeline fuzz target's oracles)")
            exit(2)
        }
        if try !replay(paths, with: makeTarget()) { exit(1) }
    }

    /// Whether every file passed; the target (and its work folder) goes when this returns.
    static func replay(_ paths: ArraySlice<String>, with target: PipelineFuzzTarget) throws -> Bool {
        var failed = false
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("\(path): cannot read")
                failed = true
                continue
            }
            let start = DispatchTime.now().uptimeNanoseconds
            let found = try target.violations(FuzzInput([UInt8](data)))
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            print("\(path): \(found.isEmpty ? "ok" : "\(found.count) violations") (\(String(format: "%.3f", seconds)) s)")
            for line in found { print("  " + line) }
            failed = failed || !found.isEmpty
        }
        return !failed
    }
}

/// libFuzzer's callback: one input, as the C interface hands it over (a pointer and a size).
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzEntry.target.fuzz(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}
