import Foundation
import RoadmapMarkdown

/// Decides what a link or image destination written in Markdown becomes on the page. The page
/// renders what it decides; the link check of pass 1 (``MarkdownLinkCheck``) reports it.
///
/// External URLs pass through; `javascript:`, `vbscript:` and `data:` are dropped; a relative
/// link to another Markdown file becomes a relative link to its generated page and anchor
/// (`../other/index.html#heading`, through the site root at any depth); other relative paths
/// name files copied from `Content/`, checked to exist.
struct LinkResolver: Sendable {
    enum Resolution: Equatable, Sendable {
        case href(String)
        /// A link to a heading of another roadmap's page (content-relative `target`), whose
        /// anchors are checked once every roadmap is listed (``LinkTargetCheck``).
        case otherPage(href: String, target: String, fragment: String)
        /// Linked, but not as written; `id` and `message` describe the change (a note).
        case rewritten(href: String, id: String, message: String)
        /// Not linked; the text is kept. `id` and `message` describe why.
        case dropped(id: String, message: String)

        /// What the page links to; nil when it shows the text only.
        var href: String? {
            switch self {
            case .href(let href), .otherPage(let href, _, _), .rewritten(let href, _, _): href
            case .dropped: nil
            }
        }
    }

    /// Content-relative path of the page being rendered, e.g. `guides/mlops.md`.
    var sourcePath: String
    /// Anchors of the page being rendered.
    var ownAnchors: Set<String>
    /// The site's roadmaps: content-relative Markdown path → slug.
    var pages: [String: String]
    /// Content-relative paths of non-Markdown files that are copied to the site.
    var assets: Set<String>
    /// The folder the page is published in, relative to the site root (the roadmap's slug,
    /// `mlops-engineer` or `cohorts/2022/01-intro/homework`): links go back to the root from there.
    var pageFolder: String
    /// Where this page's links to other roadmaps' headings go when not as written
    /// (`target#fragment` → anchor, "" for the top of the page; ``OtherPageAnchors``). Known
    /// once every roadmap is listed: empty in pass 1.
    var otherPageAnchors: [String: String] = [:]

    static let unsafeSchemes: Set<String> = ["javascript", "vbscript", "data", "file"]
    /// The names of the file that stands for its folder, as people spell them, most common first.
    static let folderPageNames = [
        "README.md", "readme.md", "Readme.md", "ReadMe.md", "README.markdown", "index.md", "INDEX.md", "Index.md",
    ]

    func resolve(_ destination: String) -> Resolution {
        let trimmed = destination.trimmingWhitespace()
        if trimmed.isEmpty { return .href("") }
        if let scheme = Self.scheme(of: trimmed) {
            if Self.unsafeSchemes.contains(scheme) {
                return .dropped(id: "link.unsafe-scheme", message: "link to a '\(scheme):' URL was removed")
            }
            return .href(trimmed)
        }
        if trimmed.hasPrefix("//") { return .href("https:" + trimmed) }
        // On bytes: "#" followed by U+FE0F (a GitHub anchor of "⚙️ Setup") is one Character.
        if trimmed.utf8.first == 0x23 {
            let fragment = String(decoding: trimmed.utf8.dropFirst(), as: UTF8.self)
            let decoded = fragment.percentDecoded ?? fragment
            if decoded.isEmpty { return .href(trimmed) }
            // "#top" is the top of the page in every browser (and the page's title has that id).
            switch AnchorMatch(decoded, hasAnchor: { $0 == "top" || ownAnchors.contains($0) }) {
            case .exact:
                return .href(trimmed)
            case .ignoringCase(let anchor):
                return .rewritten(href: "#" + anchor, id: "link.anchor-case",
                                  message: "'#\(decoded)' matches the heading '#\(anchor)' only ignoring case; the link goes to it")
            case .missing:
                // A stale table of contents is common in a README and harmless on GitHub: a
                // warning, and the link's text without a link that would go nowhere.
                return .dropped(id: "link.missing-anchor", message: "no heading '#\(decoded)' on this page; the link is kept as text")
            }
        }
        // A relative path, perhaps with a fragment or query.
        let (path, fragment) = Self.pathAndFragment(of: trimmed)
        let decodedPath = path.percentDecoded ?? path
        var target = Self.normalise(decodedPath, relativeTo: sourcePath)
        // A link to a folder ("ml/", "../ml") means its README (or index), as on GitHub.
        if !pages.isEmpty, !(target.split(separator: "/").last?.contains(".") ?? false), !assets.contains(target),
           let readme = Self.folderPageNames.lazy
               .map({ target.isEmpty ? $0 : target + "/" + $0 }).first(where: { pages[$0] != nil })
        {
            target = readme
        }
        let up = SitePath.root(from: pageFolder)
        let lower = target.lowercased()
        if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") {
            guard let slug = pages[target] else {
                return .dropped(id: "link.missing-file", message: "no roadmap '\(decodedPath)' in the content folder; the link is kept as text")
            }
            let href = up + slug + "/index.html"
            guard let fragment, !fragment.isEmpty else { return .href(href) }
            let decoded = fragment.percentDecoded ?? fragment
            let written = href + "#" + fragment
            switch otherPageAnchors[OtherPageAnchors.key(target, decoded)] {
            case nil: return .otherPage(href: written, target: target, fragment: decoded)
            case ""?: return .otherPage(href: href, target: target, fragment: decoded)
            case let anchor?: return .otherPage(href: href + "#" + anchor, target: target, fragment: decoded)
            }
        }
        if target.hasPrefix("../") || target.isEmpty {
            return .dropped(id: "link.outside-content", message: "link '\(decodedPath)' points outside the content folder; the link is kept as text")
        }
        guard assets.contains(target) else {
            return .dropped(id: "link.missing-file", message: "no file '\(decodedPath)' in the content folder; the link is kept as text")
        }
        var href = up + target.split(separator: "/").map { Self.percentEncode(String($0)) }.joined(separator: "/")
        if let fragment { href += "#" + fragment }
        return .href(href)
    }

    /// A relative link's path, its `?query` left out, and its fragment (after the first `#`).
    /// Split on bytes: "#" followed by U+FE0F (GitHub's anchor of "⚙️ Setup") is one Character.
    static func pathAndFragment(of link: String) -> (path: String, fragment: String?) {
        var link = link
        return link.withUTF8 { bytes in
            let hash = bytes.firstIndex(of: 0x23)
            let beforeHash = bytes[..<(hash ?? bytes.count)]
            let path = beforeHash[..<(beforeHash.firstIndex(of: UInt8(ascii: "?")) ?? beforeHash.endIndex)]
            return (String(decoding: path, as: UTF8.self),
                    hash.map { String(decoding: bytes[($0 + 1)...], as: UTF8.self) })
        }
    }

    /// The URL scheme, lowercased, ignoring the control characters and spaces browsers ignore.
    static func scheme(of url: String) -> String? {
        // A scheme ends at a colon: a value without one has none (no scalar-by-scalar look).
        guard url.containsASCII(UInt8(ascii: ":")) else { return nil }
        var scheme = ""
        for scalar in url.unicodeScalars {
            if scalar.value < 0x21 { continue }
            if scalar == ":" { return scheme.isEmpty ? nil : scheme.lowercased() }
            // The only alphabetic ASCII characters are the letters: no Unicode property look-up for them.
            let isAlphabetic = scalar.isASCII ? (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A
                : scalar.properties.isAlphabetic
            guard isAlphabetic || scalar == "+" || scalar == "-" || scalar == "." ||
                (!scheme.isEmpty && ("0"..."9").contains(scalar)) else { return nil }
            scheme.unicodeScalars.append(scalar)
        }
        return nil
    }

    /// Resolves `path` against the folder of `source`, both content-relative, removing `.` and `..`.
    static func normalise(_ path: String, relativeTo source: String) -> String {
        if path.isAllASCII, source.isAllASCII {
            return normaliseASCII(path, relativeTo: source)
        }
        var parts: [Substring] = path.hasPrefix("/") ? [] : source.split(separator: "/").dropLast()
        var escaped = 0
        for part in path.split(separator: "/") {
            if part == "." || part.isEmpty { continue }
            if part == ".." {
                if parts.isEmpty { escaped += 1 } else { parts.removeLast() }
            } else {
                parts.append(part)
            }
        }
        return String(repeating: "../", count: escaped) + parts.joined(separator: "/")
    }

    /// `normalise` for ASCII paths, on their bytes: the folders are written into one buffer as
    /// they are read (a `..` takes the last one off again), with no array of parts.
    private static func normaliseASCII(_ path: String, relativeTo source: String) -> String {
        var path = path
        var source = source
        return path.withUTF8 { path in
            source.withUTF8 { source in
                var out: [UInt8] = []
                out.reserveCapacity(path.count + source.count)
                var escaped = 0
                func removeLastPart() {
                    if let slash = out.lastIndex(of: 0x2F) { out.removeSubrange(slash...) } else { out.removeAll(keepingCapacity: true) }
                }
                func append(_ part: Slice<UnsafeBufferPointer<UInt8>>) {
                    if !out.isEmpty { out.append(0x2F) }
                    out += part
                }
                // The source's folders: every part but the last.
                if path.first != 0x2F {
                    var hasPart = false
                    forEachPart(of: source) { part in
                        append(part)
                        hasPart = true
                    }
                    if hasPart { removeLastPart() }
                }
                forEachPart(of: path) { part in
                    if part.count == 1, part.first == 0x2E { return }
                    if part.count == 2, part.first == 0x2E, part.last == 0x2E {
                        if out.isEmpty { escaped += 1 } else { removeLastPart() }
                    } else {
                        append(part)
                    }
                }
                let normalised = String(decoding: out, as: UTF8.self)
                return escaped == 0 ? normalised : String(repeating: "../", count: escaped) + normalised
            }
        }
    }

    /// Calls `body` with each non-empty part of `bytes` between slashes.
    private static func forEachPart(
        of bytes: UnsafeBufferPointer<UInt8>, _ body: (Slice<UnsafeBufferPointer<UInt8>>) -> Void
    ) {
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x2F { end += 1 }
            if start < end { body(bytes[start..<end]) }
            start = end + 1
        }
    }

    static func percentEncode(_ segment: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/?#")
        return segment.addingPercentEncoding(withAllowedCharacters: allowed) ?? segment
    }
}
