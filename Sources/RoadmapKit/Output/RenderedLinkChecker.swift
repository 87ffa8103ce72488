import Foundation
import RoadmapMarkdown

/// What one rendered page links to, kept small so that thousands of pages can be checked
/// without holding their HTML: links within the page are checked while scanning, and only the
/// distinct other files and other pages' fragments it names are kept.
struct RenderedPageLinks: Sendable {
    /// The page's path relative to the site root, e.g. `mlops/index.html`.
    var page: String
    /// The template that rendered it, e.g. `roadmap`.
    var template: String
    /// Problems found in the page itself (links to its own missing fragments, folder links).
    var diagnostics: [Diagnostic]
    /// Other files the page names (site-relative) → where the first such link is in the page.
    var files: [String: SourceLocation]
    /// Fragments on other pages (`path#fragment`) → where the first such link is in the page.
    var fragments: [FragmentLink]
    /// The page's element ids, hashed: other pages' links to its fragments are checked against
    /// these instead of reading the page again (8 bytes an id).
    var idHashes = HashedIDs()

    /// Whether the page has an element with id `fragment`.
    func hasID(_ fragment: String) -> Bool { idHashes.contains(fragment) }
}

/// A link to an element of another page: `target` (site-relative, shared by every link to the
/// same page) and the fragment, at its first place in the linking page.
struct FragmentLink: Sendable, Hashable {
    var target: String
    var fragment: String
    var location: SourceLocation

    /// `target#fragment`, as the link names it.
    var key: String { target + "#" + fragment }
}

/// A set of ids kept as their sorted 64-bit hashes (``FNV1a`` of the UTF-8): thousands of pages'
/// anchors held for the link checks at 8 bytes an id, no strings.
struct HashedIDs: Sendable, Hashable {
    private(set) var hashes: [UInt64] = []

    init() {}

    init<S: Sequence>(_ ids: S) where S.Element == String {
        self.init(hashes: ids.map(Self.hash))
    }

    init(hashes: [UInt64]) { self.hashes = hashes.sorted() }

    func contains(_ id: String) -> Bool {
        let hash = Self.hash(id)
        var low = 0, high = hashes.count
        while low < high {
            let middle = (low + high) / 2
            if hashes[middle] < hash { low = middle + 1 } else { high = middle }
        }
        return low < hashes.count && hashes[low] == hash
    }

    /// ``FNV1a`` of the id's UTF-8.
    static func hash(_ id: String) -> UInt64 { FNV1a.hash(id) }
}

/// Checks, after rendering, that every internal `href` and `src` of every page names a file that
/// was written and every `#fragment` an element that exists. A miss is an error naming the page
/// (at the link's line and column in the HTML) and the template that rendered it.
struct RenderedLinkChecker: Sendable {
    /// The folder holding the written site (the staging folder during a build).
    var siteFolder: URL
    /// The folder named in diagnostics (the output folder the user asked for).
    var reportedFolder: String
    /// The files the build wrote, when it kept count: then the folder is neither walked nor
    /// asked about each link's file.
    var written: WrittenFiles?

    /// Scans one rendered page. `page` is its path relative to the site root.
    static func scan(_ html: String, page: String, template: String, reportedFolder: String) -> RenderedPageLinks {
        scan(parts: [(html, 1)], generatedIDHashes: [], page: page, template: template, reportedFolder: reportedFolder)
    }

    /// Scans a page written in pieces: the `parts` the template rendered, each with the line it
    /// starts on in the page, and the hashed ids of what was written between them (whose links
    /// are checked elsewhere).
    static func scan(
        parts: [(html: String, firstLine: Int)], generatedIDHashes: [UInt64],
        page: String, template: String, reportedFolder: String
    ) -> RenderedPageLinks {
        var result = RenderedPageLinks(page: page, template: template, diagnostics: [], files: [:], fragments: [])
        var links: [HTMLTagScanner.Link] = []
        var hashes = generatedIDHashes
        for part in parts {
            let scan = HTMLTagScanner.scan(part.html, firstLine: part.firstLine, hashingIDs: true)
            links += scan.links
            hashes += scan.idHashes
        }
        result.idHashes = HashedIDs(hashes: hashes)
        var ownFragments: [(String, String, SourceLocation)] = []
        // A page names the same few files many times (`index.html#…`): each is resolved once, and
        // its links to other pages keep that one string.
        var targets: [String: String] = [:]
        var seenFragments = Set<UInt64>()
        /// Keeps the first link to each other page's fragment.
        func record(_ link: FragmentLink) {
            if seenFragments.insert(HashedIDs.hash(link.fragment) &* 31 &+ HashedIDs.hash(link.target)).inserted {
                result.fragments.append(link)
            }
        }
        for link in links {
            let value = link.value
            if value.isEmpty || LinkResolver.scheme(of: value) != nil || value.hasPrefix("//") { continue }
            let (path, rawFragment) = LinkResolver.pathAndFragment(of: value)
            let fragment = rawFragment.map { $0.percentDecoded ?? $0 } ?? ""
            if path.isEmpty {
                if !fragment.isEmpty { ownFragments.append((value, fragment, link.location)) }
                continue
            }
            func problem(_ id: String, _ message: String) {
                result.diagnostics.append(diagnostic(id, message, link: value, page: page, template: template,
                                                     reportedFolder: reportedFolder, at: link.location))
            }
            if path.hasPrefix("/") {
                problem("output.root-relative-link", "links by absolute path, which breaks under a sub-path and from file://")
                continue
            }
            let decoded = path.percentDecoded ?? path
            let target: String
            if let known = targets[decoded] {
                target = known
            } else {
                target = LinkResolver.normalise(decoded, relativeTo: page)
                targets[decoded] = target
            }
            if target.hasPrefix("../") {
                problem("output.link-outside-site", "points outside the site")
                continue
            }
            if target.isEmpty || decoded.hasSuffix("/") || decoded == "." || decoded == ".." {
                problem("output.folder-link", "names a folder, not a file (write 'index.html' so it works from file://)")
                continue
            }
            if result.files[target] == nil { result.files[target] = link.location }
            if !fragment.isEmpty { record(FragmentLink(target: target, fragment: fragment, location: link.location)) }
        }
        for (value, fragment, location) in ownFragments where !result.hasID(fragment) {
            result.diagnostics.append(diagnostic(
                "output.missing-fragment", "no element with id '\(fragment)' on this page", link: value, page: page,
                template: template, reportedFolder: reportedFolder, at: location))
        }
        return result
    }

    /// Checks every page's links against the written site. Pages written without being scanned
    /// (found among the site's HTML files) are read and scanned here.
    /// Checks every page's links; `pages` lists the site's HTML files (``htmlFiles()``).
    func check(_ scanned: [RenderedPageLinks], pages htmlPages: [String]? = nil) -> [Diagnostic] {
        let known = Set(scanned.map(\.page))
        let folder = siteFolder
        let reported = reportedFolder
        let unscanned = (htmlPages ?? htmlFiles()).filter { !known.contains($0) }
        let pages = scanned + ((try? ConcurrentMap.map(unscanned) { page -> RenderedPageLinks? in
            guard let html = try? String(contentsOf: folder.appendingPathComponent(page), encoding: .utf8) else { return nil }
            return Self.scan(html, page: page, template: Self.templateName(for: page), reportedFolder: reported)
        }) ?? []).compactMap { $0 }
        var diagnostics: [Diagnostic] = pages.flatMap(\.diagnostics)
        let scannedByPage = Dictionary(pages.map { ($0.page, $0) }, uniquingKeysWith: { a, _ in a })
        // Pages in order, a few hundred at a time on every core; a link to a page that was not
        // scanned (rare: a file copied from the content) is checked afterwards, reading it once.
        let ordered = pages.sorted { $0.page < $1.page }
        let chunks = stride(from: 0, to: ordered.count, by: 256).map { $0..<min($0 + 256, ordered.count) }
        // The written files, looked up without a lock; without that record, the file system (cached).
        let writtenPaths = written?.all
        let checked = (try? ConcurrentMap.map(chunks) { range -> ([Diagnostic], [(RenderedPageLinks, FragmentLink)]) in
            var found: [Diagnostic] = []
            var unscannedTargets: [(RenderedPageLinks, FragmentLink)] = []
            var exists: [String: Bool] = [:]
            func fileExists(_ target: String) -> Bool {
                if let writtenPaths { return writtenPaths.contains(target) }
                if let known = exists[target] { return known }
                let present = self.fileExists(target)
                exists[target] = present
                return present
            }
            for page in ordered[range] {
                // Links are checked in any order; the few that fail are sorted, so that the
                // diagnostics come in the order of their targets (and fragments).
                var missingFiles: [(target: String, location: SourceLocation)] = []
                for (target, location) in page.files where !fileExists(target) {
                    missingFiles.append((target, location))
                }
                for (target, location) in missingFiles.sorted(by: { $0.target < $1.target }) {
                    found.append(Self.diagnostic(
                        "output.broken-link", "no file '\(target)' in the site", link: target, page: page.page,
                        template: page.template, reportedFolder: reportedFolder, at: location))
                }
                var missingFragments: [FragmentLink] = []
                var unscanned: [FragmentLink] = []
                for link in page.fragments {
                    guard fileExists(link.target), link.target.hasSuffix(".html") else { continue }
                    guard let scanned = scannedByPage[link.target] else {
                        unscanned.append(link)
                        continue
                    }
                    // Scanned while it was rendered: its ids are known without reading it again.
                    if !scanned.hasID(link.fragment) { missingFragments.append(link) }
                }
                let byTarget = { (a: FragmentLink, b: FragmentLink) in (a.target, a.fragment) < (b.target, b.fragment) }
                for link in missingFragments.sorted(by: byTarget) { found.append(missingFragment(link, on: page)) }
                for link in unscanned.sorted(by: byTarget) { unscannedTargets.append((page, link)) }
            }
            return (found, unscannedTargets)
        }) ?? []
        var idsByPage: [String: Set<String>] = [:]
        for (found, unscannedTargets) in checked {
            diagnostics += found
            for (page, link) in unscannedTargets {
                let ids: Set<String>
                if let cached = idsByPage[link.target] {
                    ids = cached
                } else {
                    let html = (try? String(contentsOf: siteFolder.appendingPathComponent(link.target), encoding: .utf8)) ?? ""
                    ids = HTMLTagScanner.scan(html).ids
                    idsByPage[link.target] = ids
                }
                if !ids.contains(link.fragment) { diagnostics.append(missingFragment(link, on: page)) }
            }
        }
        return diagnostics
    }

    private func missingFragment(_ link: FragmentLink, on page: RenderedPageLinks) -> Diagnostic {
        Self.diagnostic(
            "output.missing-fragment", "no element with id '\(link.fragment)' in '\(link.target)'", link: link.key,
            page: page.page, template: page.template, reportedFolder: reportedFolder, at: link.location)
    }

    /// The template that renders a page of the given path, by the site's naming conventions.
    static func templateName(for page: String) -> String {
        if page == "index.html" { return "home" }
        let parts = page.split(separator: "/")
        if parts.count == 1 { return String(page.dropLast(".html".count)) }
        if parts.count == 2, parts[1] == "index.html", PublicationCheck.reservedSlugs.contains(String(parts[0])) {
            return String(parts[0])
        }
        // A roadmap's own pages beside its index, at any depth: `slug/timeline.html` comes from `timeline`.
        if let name = parts.last, name != "index.html" { return String(name.dropLast(".html".count)) }
        return "roadmap"
    }

    private func fileExists(_ target: String) -> Bool {
        if let written { return written.contains(target) }
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: siteFolder.appendingPathComponent(target).path, isDirectory: &isDirectory)
            && !isDirectory.boolValue
    }

    /// Every HTML file of the written site, relative to its root.
    func htmlFiles() -> [String] {
        if let written { return written.htmlFiles }
        guard let enumerator = FileManager.default.enumerator(atPath: siteFolder.path) else { return [] }
        var out: [String] = []
        for case let relative as String in enumerator where relative.hasSuffix(".html") { out.append(relative) }
        return out.sorted()
    }

    private static func diagnostic(
        _ id: String, _ message: String, link: String, page: String, template: String, reportedFolder: String,
        at location: SourceLocation
    ) -> Diagnostic {
        let folder = reportedFolder.hasSuffix("/") ? reportedFolder : reportedFolder + "/"
        return .error(id, "link '\(link)' (rendered by template '\(template).mustache') \(message)",
                      file: folder + page, at: location)
    }
}

/// Finds the `href`/`src`/`action` values and the ids of an HTML page by reading its tags only; text,
/// comments and the contents of `<script>` and `<style>` are skipped.
enum HTMLTagScanner {
    struct Link: Sendable {
        var value: String
        var location: SourceLocation
    }

    struct Result: Sendable {
        var links: [Link] = []
        /// The ids, when scanned without `hashingIDs`.
        var ids: Set<String> = []
        /// The ids' ``HashedIDs/hash(_:)``s (an id may be there twice), when scanned with `hashingIDs`.
        var idHashes: [UInt64] = []
    }

    /// `hashingIDs`: the ids are wanted only as hashes, made from the page's bytes without a
    /// string for each.
    static func scan(_ html: String, firstLine: Int = 1, hashingIDs: Bool = false) -> Result {
        var html = html
        return html.withUTF8 { scan(bytes: $0, firstLine: firstLine, hashingIDs: hashingIDs) }
    }

    private static func scan(bytes: UnsafeBufferPointer<UInt8>, firstLine: Int, hashingIDs: Bool) -> Result {
        var result = Result()
        var index = 0
        var line = firstLine
        var lineStart = 0
        let count = bytes.count

        /// Moves to `end`, counting the line feeds passed: byte by byte over a few bytes (the
        /// space between attributes), from line feed to line feed with `memchr` over more.
        func advanceCountingLines(to end: Int) {
            let end = min(end, count)
            guard index < end else { return }
            if end - index < 6 {
                while index < end {
                    if bytes[index] == UInt8(ascii: "\n") { line += 1; lineStart = index + 1 }
                    index += 1
                }
                return
            }
            let base = bytes.baseAddress!
            while index < end, let found = memchr(base + index, Int32(UInt8(ascii: "\n")), end - index) {
                line += 1
                index = UnsafeRawPointer(found) - UnsafeRawPointer(base) + 1
                lineStart = index
            }
            index = end
        }
        /// The offset of the next `byte` from `start`, or `count`: libc's `memchr` skips text
        /// many bytes at a time.
        func next(_ byte: UInt8, from start: Int) -> Int {
            guard start < count, let base = bytes.baseAddress,
                  let found = memchr(base + start, Int32(byte), count - start)
            else { return count }
            return UnsafeRawPointer(found) - UnsafeRawPointer(base)
        }
        func isNameByte(_ byte: UInt8) -> Bool {
            (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57) || byte == 45 || byte == 58 || byte == 95
        }
        /// `needle` (lowercase, starting with a byte that is not a letter), matched ignoring case.
        func find(_ needle: StaticString, from start: Int) -> Int? {
            let pattern = needle.utf8Start
            let length = needle.utf8CodeUnitCount
            var position = next(pattern[0], from: start)
            while position + length <= count {
                var matched = true
                for offset in 1..<length {
                    var byte = bytes[position + offset]
                    if byte >= 65 && byte <= 90 { byte += 32 }
                    if byte != pattern[offset] { matched = false; break }
                }
                if matched { return position }
                position = next(pattern[0], from: position + 1)
            }
            return nil
        }
        func addID(_ start: Int, _ end: Int) {
            if hashingIDs {
                result.idHashes.append(idHash(bytes, start, end))
            } else {
                result.ids.insert(text(bytes, start, end))
            }
        }

        while index < count {
            // Text up to the next tag, counting its lines.
            advanceCountingLines(to: next(UInt8(ascii: "<"), from: index))
            guard index < count else { break }
            if index + 3 < count, bytes[index + 1] == UInt8(ascii: "!"), bytes[index + 2] == UInt8(ascii: "-"),
               bytes[index + 3] == UInt8(ascii: "-")
            {
                advanceCountingLines(to: (find("-->", from: index + 4) ?? count) + 3)
                continue
            }
            var cursor = index + 1
            while cursor < count, isNameByte(bytes[cursor]) { cursor += 1 }
            let tagStart = index + 1
            if cursor == tagStart { advanceCountingLines(to: index + 1); continue }
            let tag: Name = name(bytes, tagStart, cursor)
            advanceCountingLines(to: cursor)
            // Attributes up to the end of the tag.
            while index < count, bytes[index] != UInt8(ascii: ">") {
                let byte = bytes[index]
                if !isNameByte(byte) { advanceCountingLines(to: index + 1); continue }
                let nameStart = index
                while index < count, isNameByte(bytes[index]) { index += 1 }
                let attribute = name(bytes, nameStart, index)
                guard index < count, bytes[index] == UInt8(ascii: "=") else { continue }
                index += 1
                guard index < count else { break }
                let quote = bytes[index]
                var valueStart = index
                var valueEnd = index
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    valueStart = index + 1
                    valueEnd = next(quote, from: valueStart)
                } else {
                    while valueEnd < count, bytes[valueEnd] != UInt8(ascii: " "), bytes[valueEnd] != UInt8(ascii: ">") { valueEnd += 1 }
                }
                switch attribute {
                case .href, .src, .action:
                    let value = text(bytes, valueStart, valueEnd)
                    result.links.append(Link(value: value, location: SourceLocation(line: line, column: nameStart - lineStart + 1)))
                case .id:
                    addID(valueStart, valueEnd)
                case .name where tag == .a:
                    addID(valueStart, valueEnd)
                default: break
                }
                let isQuoted = quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'")
                advanceCountingLines(to: min(count, isQuoted ? valueEnd + 1 : valueEnd))
            }
            advanceCountingLines(to: index + 1)
            if tag == .script || tag == .style {
                advanceCountingLines(to: (tag == .script ? find("</script", from: index) : find("</style", from: index)) ?? count)
            }
        }
        return result
    }

    /// ``HashedIDs/hash(_:)`` of an attribute value's text, hashed from its bytes when it has no
    /// character reference to decode.
    private static func idHash(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
        if slice.contains(UInt8(ascii: "&")) { return HashedIDs.hash(text(bytes, start, end)) }
        return FNV1a.hash(slice)
    }

    /// The tag and attribute names the scanner cares about, matched without making strings.
    enum Name: Equatable {
        case a, script, style, href, src, action, id, name, other
    }

    /// An attribute value's text, its character references decoded when it has any.
    private static func text(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
        let value = String(decoding: slice, as: UTF8.self)
        return slice.contains(UInt8(ascii: "&")) ? HTMLEscaping.unescape(value) : value
    }

    private static func name(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Name {
        func matches(_ word: StaticString) -> Bool {
            guard end - start == word.utf8CodeUnitCount else { return false }
            let pointer = word.utf8Start
            for offset in 0..<(end - start) {
                var byte = bytes[start + offset]
                if byte >= 65 && byte <= 90 { byte += 32 }
                if byte != pointer[offset] { return false }
            }
            return true
        }
        switch end - start {
        case 1: return matches("a") ? .a : .other
        case 2: return matches("id") ? .id : .other
        case 3: return matches("src") ? .src : .other
        case 4: return matches("href") ? .href : matches("name") ? .name : .other
        case 5: return matches("style") ? .style : .other
        case 6: return matches("script") ? .script : matches("action") ? .action : .other
        default: return .other
        }
    }
}
