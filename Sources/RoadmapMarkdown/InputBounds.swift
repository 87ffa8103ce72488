/// A bound the parser kept on its input, and what it did about it.
public struct MarkdownLimit: Hashable, Sendable {
    public enum Action: Hashable, Sendable {
        /// The document was not parsed: an empty document stands for it.
        case notParsed
        /// The document was parsed without the table extension: tables read as text.
        case tablesAsText
    }

    /// A stable identifier for the diagnostic, such as `markdown.too-large`.
    public var id: String
    public var message: String
    public var location: SourceLocation
    public var action: Action
}

/// Checks Markdown, before cmark-gfm sees it, for the inputs on which Debian's cmark-gfm
/// 0.29.0.gfm.6 takes time that grows faster than the input (upstream fixed them from gfm.7 to
/// gfm.12: GHSA-29g3-96g3-jg6c, GHSA-r572-jvj2-3m8p, GHSA-w4qg-3vf7-m9x5 and their kin).
/// Measured on that library, these grow faster than linearly:
///
/// - **Table rows** cost the product of cells and columns: a 2,000-column header over 2,000
///   one-character rows (11 kB) took 3.3 s, since every short row is filled with empty cells
///   one at a time; a row of 8,000 `|` took 1.5 s.
/// - **Image openers and links**: each link closed after unclosed `![` openers walks back over
///   all of them (`![[]()` 15,000 times, 93 kB: 1.8 s).
/// - **Nesting continued over many lines**: each line walks every open list and block quote, so
///   250 levels followed by a megabyte of lazy continuation lines took 9 s.
///
/// Each is estimated in one pass over the text's lines, never below what cmark-gfm will do (a
/// `|` or `![` in a code block counts too), and held to a budget linear in the text's size,
/// far above what real roadmaps use. The size itself is bounded too: some linear cases are
/// slow (an `a@a@…` run costs about 7 µs a byte in the autolink extension).
enum InputBounds {
    /// Larger files are not parsed (1 MiB: a hundred times a long roadmap).
    static let maximumSize = 1 << 20
    /// A line that could be a table row of more cells than this (more than 129 `|`, counting an
    /// opening and a closing one) turns tables off for the file.
    static let maximumCellsPerLine = 128

    /// Steps allowed to the nesting and image estimates: 16 a byte, and some room.
    static func workBudget(forSize size: Int) -> Int { 16 * size + 100_000 }

    /// Empty cells table rows may leave for cmark-gfm to fill (each is a node and about ten
    /// bytes of HTML): one for every two bytes of the file, and some room.
    static func emptyCellBudget(forSize size: Int) -> Int { size / 2 + 10_000 }

    /// The bounds `source` passes over; empty for any ordinary document.
    static func review(_ source: String) -> [MarkdownLimit] {
        let size = source.utf8.count
        guard size <= maximumSize else {
            return [MarkdownLimit(
                id: "markdown.too-large",
                message: "the file has \(size) bytes; Markdown files over \(maximumSize) bytes (1 MiB) are not read",
                location: SourceLocation(line: 1, column: 1), action: .notParsed)]
        }
        var scan = Scan(size: size)
        let bytes = Array(source.utf8)
        var lineStart = 0
        var lineNumber = 1
        while lineStart <= bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
            let contentEnd = lineEnd > lineStart && bytes[lineEnd - 1] == 0x0D ? lineEnd - 1 : lineEnd
            scan.read(bytes[lineStart..<contentEnd], line: lineNumber)
            lineStart = lineEnd + 1
            lineNumber += 1
        }
        scan.finishBlock()
        return scan.limits
    }

    /// The estimates, line by line.
    private struct Scan {
        /// Steps allowed to the nesting estimate, and (separately) to the image estimate.
        let workBudget: Int
        let emptyCellBudget: Int
        private(set) var limits: [MarkdownLimit] = []

        /// Open levels a line without markers may continue (lazily), and the line that opened them.
        private var carriedDepth = 0
        private var carriedFrom = 1
        private var nestingWork = 0

        /// Image openers and closing brackets in the current block (blocks split at blank
        /// lines, list items and headings: a paragraph never spans those).
        private var blockOpeners = 0
        private var blockClosers = 0
        private var blockStart = 1
        private var imageWork = 0

        /// Columns of the table the current line may belong to (0: none).
        private var tableColumns = 0
        private var emptyCells = 0
        private var tablesOff = false

        init(size: Int) {
            workBudget = InputBounds.workBudget(forSize: size)
            emptyCellBudget = InputBounds.emptyCellBudget(forSize: size)
        }

        mutating func read(_ line: ArraySlice<UInt8>, line number: Int) {
            let prefix = Prefix(line)
            let content = line[prefix.end...]
            let blank = content.allSatisfy { $0 == 0x20 || $0 == 0x09 }

            // Nesting: the levels this line opens or continues.
            let depth = prefix.markers + prefix.columns / 2
            let cost: Int
            if blank {
                cost = 0
                carriedDepth = 0
            } else if prefix.markers > 0 {
                cost = depth
                carriedDepth = depth
                carriedFrom = number
            } else {
                cost = max(depth, carriedDepth)
            }
            nestingWork += cost
            if nestingWork > workBudget {
                let levels = carriedDepth
                notParsed("markdown.too-deep", at: carriedFrom,
                          "\(levels) levels of lists and block quotes opened here go on over so many lines "
                              + "that cmark-gfm would take too long (its work grows with levels × lines)")
            }

            // Images: a block ends before a blank line, a list item or a heading.
            if blank || prefix.listMarkers > 0 || content.first == UInt8(ascii: "#") {
                finishBlock()
                blockStart = blank ? number + 1 : number
            }
            var pipes = 0
            var escaped = false
            var previous: UInt8 = 0
            for byte in content {
                // Most bytes are none of the four looked for.
                if byte != UInt8(ascii: "\\"), byte != UInt8(ascii: "|"), byte != UInt8(ascii: "]"), byte != UInt8(ascii: "[") {
                    escaped = false
                    previous = byte
                    continue
                }
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "|") {
                    pipes += 1
                } else if byte == UInt8(ascii: "]") {
                    blockClosers += 1
                } else if byte == UInt8(ascii: "["), previous == UInt8(ascii: "!") {
                    blockOpeners += 1
                }
                previous = byte
            }

            // Tables: columns from a delimiter row, empty cells of the shorter rows under it.
            guard !tablesOff else { return }
            if pipes > InputBounds.maximumCellsPerLine + 1 {
                turnTablesOff(at: number, "a line with \(pipes) '|' (a row of more than \(InputBounds.maximumCellsPerLine) cells) "
                    + "costs cmark-gfm time that grows with the square of its cells")
            } else if blank {
                tableColumns = 0
            } else if Self.isDelimiterRow(content) {
                tableColumns = Self.cells(content, pipes: pipes)
            } else if tableColumns > 0 {
                emptyCells += max(0, tableColumns - max(1, pipes - 1))
                if emptyCells > emptyCellBudget {
                    turnTablesOff(at: number, "table rows shorter than their header leave more than \(emptyCellBudget) "
                        + "empty cells to fill")
                }
            }
        }

        mutating func finishBlock() {
            imageWork += blockOpeners * blockClosers
            blockOpeners = 0
            blockClosers = 0
            if imageWork > workBudget {
                notParsed("markdown.image-brackets", at: blockStart,
                          "image openers '![' and closing brackets ']' are so many here that cmark-gfm would take too "
                              + "long (each link walks back over the unclosed '![')")
            }
        }

        /// Records, once for each id, that the file is not parsed because of what starts at `line`.
        private mutating func notParsed(_ id: String, at line: Int, _ reason: @autoclosure () -> String) {
            guard !limits.contains(where: { $0.id == id }) else { return }
            limits.append(MarkdownLimit(
                id: id, message: reason() + "; the file is not read", location: SourceLocation(line: line, column: 1),
                action: .notParsed))
        }

        private mutating func turnTablesOff(at line: Int, _ reason: String) {
            tablesOff = true
            limits.append(MarkdownLimit(
                id: "markdown.table-size", message: reason + "; tables in this file are read as text",
                location: SourceLocation(line: line, column: 1), action: .tablesAsText))
        }

        /// `|---|:-:|`: spaces, tabs, `|`, `:` and `-` only, with a `-` and a `|`.
        static func isDelimiterRow(_ content: ArraySlice<UInt8>) -> Bool {
            var dash = false
            var pipe = false
            for byte in content {
                switch byte {
                case UInt8(ascii: "-"): dash = true
                case UInt8(ascii: "|"): pipe = true
                case UInt8(ascii: ":"), 0x20, 0x09: continue
                default: return false
                }
            }
            return dash && pipe
        }

        /// Cells of a delimiter row: one more than its pipes, less an opening and a closing one.
        static func cells(_ content: ArraySlice<UInt8>, pipes: Int) -> Int {
            var first = content.startIndex
            var last = content.endIndex
            while first < last, content[first] == 0x20 || content[first] == 0x09 { first += 1 }
            while last > first, content[last - 1] == 0x20 || content[last - 1] == 0x09 { last -= 1 }
            var cells = pipes + 1
            if first < last, content[first] == UInt8(ascii: "|") { cells -= 1 }
            if last - first > 1, content[last - 1] == UInt8(ascii: "|") { cells -= 1 }
            return max(cells, 1)
        }
    }

    /// A line's indentation and the block quote and list markers that open it (`> - 1. `).
    private struct Prefix {
        var columns = 0
        var markers = 0
        var listMarkers = 0
        var end: Int

        init(_ line: ArraySlice<UInt8>) {
            var index = line.startIndex
            func isSpace(_ at: Int) -> Bool { at == line.endIndex || line[at] == 0x20 || line[at] == 0x09 }
            while index < line.endIndex {
                let byte = line[index]
                if byte == 0x20 {
                    columns += 1
                } else if byte == 0x09 {
                    columns += 4 - columns % 4
                } else if byte == UInt8(ascii: ">") {
                    markers += 1
                } else if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "*"), isSpace(index + 1) {
                    markers += 1
                    listMarkers += 1
                } else if (0x30...0x39).contains(byte) {
                    var digitEnd = index
                    while digitEnd < line.endIndex, digitEnd - index < 9, (0x30...0x39).contains(line[digitEnd]) { digitEnd += 1 }
                    guard digitEnd < line.endIndex, line[digitEnd] == UInt8(ascii: ".") || line[digitEnd] == UInt8(ascii: ")"),
                          isSpace(digitEnd + 1)
                    else { break }
                    markers += 1
                    listMarkers += 1
                    index = digitEnd
                } else {
                    break
                }
                index += 1
            }
            end = index
        }
    }
}
