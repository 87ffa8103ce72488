import RoadmapMarkdown

/// Raw HTML of one page, kept as far as ``HTMLAllowlist`` allows: on a site that publishes raw
/// HTML (`allow_raw_html: true`), GitHub's README allowlist, each removal reported; otherwise
/// only what Markdown itself could say (``HTMLAllowlist/markdownElements``: text, lists,
/// tables, links, images), removals unreported since raw HTML is not published at all; a link
/// or image removed for its URL is reported either way.
///
/// Nothing is copied as written but text: every kept tag is written anew (its name in lowercase,
/// its allowed attributes only, each value checked, escaped and double-quoted) and a `<` in text
/// is escaped, so a browser reads the output as the ``HTMLTokenizer`` read the input, whatever
/// its tricks (case, character references, unquoted values, stray quotes, comments, CDATA).
/// An element that is not allowed loses its tags and keeps its text, unless it is one of
/// ``HTMLAllowlist/removedWithContent``; comments and declarations are dropped. What is removed
/// is reported once per kind and page, at its place in the Markdown file.
///
/// Markdown hands raw HTML over in pieces (a block, or one inline tag at a time), so the elements
/// left open by one piece stay open for the next (a `<details>` block, Markdown, then
/// `</details>`). A Markdown container is a scope: what raw HTML opened inside it is closed at its
/// end, and an end tag cannot close an element opened outside it, so raw HTML never closes the
/// page's own elements nor leaves them open. An element removed with its content ends with the
/// piece it started in (`text <script>x</script>` written inline shows `x` as text, as it does
/// without `allow_raw_html`).
struct HTMLSanitizer {
    /// The Markdown file, for diagnostics.
    var file: String
    /// Ids the page itself uses; raw HTML may not take them.
    var reservedIDs: Set<String>
    /// Whether the site publishes raw HTML (`allow_raw_html: true`).
    let publishesRawHTML: Bool
    /// What a remote image without alt text shows (its link's text), in the site's language.
    var imageText = "image"
    private let elements: [String: HTMLAllowlist.Element]
    private let globalAttributes: [String: HTMLAllowlist.Value]
    /// What was removed, once per kind; taken by ``takeDiagnostics()``.
    private var diagnostics: [Diagnostic] = []
    /// The kinds reported so far (see ``warn(_:_:_:at:)``).
    private var reportedKinds: Set<String> = []
    /// Kept elements still open, outermost first.
    private var open: [String] = []
    /// How many of `open` belong to the scopes outside the current one.
    private var scopeFloor = 0

    /// Kinds of removal reported for one page; past this many, one last warning says more went.
    static let maximumReportedKinds = 16

    init(file: String, reservedIDs: Set<String> = [], publishesRawHTML: Bool = true) {
        self.file = file
        self.reservedIDs = reservedIDs
        self.publishesRawHTML = publishesRawHTML
        elements = publishesRawHTML ? HTMLAllowlist.elements : HTMLAllowlist.markdownElements
        globalAttributes = publishesRawHTML ? HTMLAllowlist.globalAttributes : [:]
    }

    /// The scope a Markdown container's contents open; hand it back to ``leaveScope(_:into:)``.
    struct Scope {
        fileprivate var floor: Int
    }

    mutating func enterScope() -> Scope {
        defer { scopeFloor = open.count }
        return Scope(floor: scopeFloor)
    }

    /// Closes what raw HTML opened in the scope.
    mutating func leaveScope(_ scope: Scope, into out: inout [UInt8]) {
        close(downTo: scopeFloor, into: &out)
        scopeFloor = scope.floor
    }

    /// How many kept elements are open: a piece that leaves it as it found it closed all it opened.
    var openElementCount: Int { open.count }

    /// The diagnostics since the last call.
    mutating func takeDiagnostics() -> [Diagnostic] {
        defer { diagnostics = [] }
        return diagnostics
    }

    /// Appends what is kept of one piece of raw HTML, found at `location` in the Markdown.
    /// `resolve` turns a link's or image's value into its `href`/`src`, or nil when it must not
    /// be linked (and says why itself). `insideLink`: the piece is inside a Markdown link.
    mutating func sanitize(
        _ html: String, at location: SourceLocation, insideLink: Bool, resolve: (String) -> String?,
        into out: inout [UInt8]
    ) -> Kept {
        var piece = Piece(tokenizer: HTMLTokenizer(html), location: location, insideLink: insideLink)
        while let token = piece.tokenizer.next() {
            switch token {
            case .text(let range):
                guard piece.droppedElement == nil else { continue }
                for byte in piece.tokenizer.bytes[range] {
                    if byte == UInt8(ascii: "<") { out.append("&lt;") } else { out.append(byte) }
                    if !piece.kept.hasText, byte > 0x20 { piece.kept.hasText = true }
                }
            case .rawText, .ignored:
                continue
            case .startTag(let tag):
                start(tag, in: &piece, resolve: resolve, into: &out)
            case .endTag(let name, _):
                end(name, in: &piece, into: &out)
            }
        }
        return piece.kept
    }

    /// What one piece kept.
    struct Kept {
        /// The ids of the kept elements.
        var ids: [String] = []
        /// Whether it kept text (an image's alt text or link counts).
        var hasText = false
        /// Whether it kept a block element (``HTMLAllowlist/blockElements``).
        var hasBlock = false
    }

    /// One piece of HTML being read.
    private struct Piece {
        var tokenizer: HTMLTokenizer
        var location: SourceLocation
        var insideLink: Bool
        /// The element whose content is being removed, and how many of its kind are open in it.
        var droppedElement: (name: String, depth: Int)?
        var kept = Kept()
    }

    // MARK: - Tags

    private mutating func start(
        _ tag: HTMLTokenizer.StartTag, in piece: inout Piece, resolve: (String) -> String?, into out: inout [UInt8]
    ) {
        let name = tag.name
        let isVoid = HTMLAllowlist.voidElements.contains(name)
        if let dropped = piece.droppedElement {
            if name == dropped.name, !isVoid { piece.droppedElement?.depth += 1 }
            return
        }
        if HTMLAllowlist.removedWithContent.contains(name) {
            warn("html.element-removed", "element:" + name, "raw HTML <\(name)> removed with its content",
                 at: tag.range.lowerBound, in: &piece)
            // `<svg/>` and `<math/>` close themselves (foreign elements); `<script/>` does not.
            if !(tag.isSelfClosing && (name == "svg" || name == "math")) { piece.droppedElement = (name, 1) }
            return
        }
        guard let element = elements[name] else {
            warn("html.element-removed", "element:" + name, "raw HTML <\(name)> removed" + (isVoid ? "" : "; its text is kept"),
                 at: tag.range.lowerBound, in: &piece)
            return
        }
        if !element.inside.isEmpty, !open.contains(where: element.inside.contains) {
            let parents = element.inside.sorted().map { "<\($0)>" }.joined(separator: " or ")
            warn("html.element-removed", "outside:" + name,
                 "raw HTML <\(name)> outside a raw \(parents) removed; its text is kept", at: tag.range.lowerBound, in: &piece)
            return
        }
        if name == "a", piece.insideLink || open.contains("a") {
            warn("html.element-removed", "nested-link", "raw HTML <a> inside a link removed; its text is kept",
                 at: tag.range.lowerBound, in: &piece)
            return
        }
        if !isVoid, open.count >= HTMLAllowlist.maximumDepth {
            warn("html.element-removed", "depth",
                 "raw HTML nested more than \(HTMLAllowlist.maximumDepth) elements deep: the deeper tags are removed",
                 at: tag.range.lowerBound, in: &piece)
            return
        }

        var kept: [(name: String, value: String?)] = []
        var image: ImageSource?
        for attribute in tag.attributes {
            guard let kind = element.attributes[attribute.name] ?? globalAttributes[attribute.name] else {
                removed(attribute, of: name, in: &piece)
                continue
            }
            let value = attribute.value ?? ""
            switch kind {
            case .text:
                kept.append((attribute.name, attribute.value))
            case .id:
                // An element's id is also a global name of the page's scripts (`window.__roadmapPlan`).
                if reservedIDs.contains(value) || value.hasPrefix("__") {
                    warn("html.attribute-removed", "reserved-id", "raw HTML id '\(value)' removed: the page or its script uses it",
                         at: attribute.offset, in: &piece)
                } else if !value.isEmpty {
                    kept.append((attribute.name, value))
                    piece.kept.ids.append(value)
                }
            case .link:
                if let href = link(value, at: attribute.offset, in: &piece, resolve: resolve) {
                    kept.append((attribute.name, href))
                }
            case .image:
                image = imageSource(value, at: attribute.offset, in: &piece, resolve: resolve)
                if case .local(let src) = image { kept.append((attribute.name, src)) }
            case .imageSet:
                if let set = imageSet(value, resolve: resolve) {
                    kept.append((attribute.name, set))
                } else {
                    warn("html.attribute-removed", "srcset",
                         "raw HTML attribute 'srcset' removed: every image it names must be a file of the site",
                         at: attribute.offset, in: &piece)
                }
            }
        }

        if name == "img" {
            let alt = tag.attributes.first { $0.name == "alt" }?.value ?? ""
            switch image {
            case .local: break
            case .remote(let url):
                // As a Markdown image.
                HTMLRenderer.appendRemoteImage(
                    url, alt: alt.isEmpty ? imageText : alt, insideLink: piece.insideLink || open.contains("a"), to: &out)
                piece.kept.hasText = true
                return
            case nil, .removed:
                out.append(escaping: alt)
                if !alt.isEmpty { piece.kept.hasText = true }
                return
            }
        }
        if name == "source", !kept.contains(where: { $0.name == "srcset" }) { return }
        // Where raw HTML is not published, an `<a>` is kept only as a link (`<a name>` anchors
        // are the renderer's empty `<a id>`); its end tag then finds nothing open and is dropped.
        if name == "a", !publishesRawHTML, kept.isEmpty { return }

        out.append("<")
        out.append(utf8: name)
        for attribute in kept {
            out.append(" ")
            out.append(utf8: attribute.name)
            if let value = attribute.value {
                out.append("=\"")
                out.append(escaping: value)
                out.append("\"")
            }
        }
        out.append(">")
        if !isVoid { open.append(name) }
        if HTMLAllowlist.blockElements.contains(name) { piece.kept.hasBlock = true }
    }

    private mutating func end(_ name: String, in piece: inout Piece, into out: inout [UInt8]) {
        if var dropped = piece.droppedElement {
            if name == dropped.name {
                dropped.depth -= 1
                piece.droppedElement = dropped.depth == 0 ? nil : dropped
            }
            return
        }
        // An end tag closes its element and those opened inside it, within this scope; any other
        // is dropped (an element that was not kept, or one opened outside this scope).
        guard let index = open[scopeFloor...].lastIndex(of: name) else { return }
        close(downTo: index, into: &out)
    }

    private mutating func close(downTo depth: Int, into out: inout [UInt8]) {
        while open.count > depth {
            out.append("</")
            out.append(utf8: open.removeLast())
            out.append(">")
        }
    }

    // MARK: - Values

    private enum ImageSource {
        case local(String)
        case remote(String)
        case removed
    }

    /// A link's `href`, or nil when it is removed (reported here or by `resolve`).
    private mutating func link(
        _ value: String, at offset: Int, in piece: inout Piece, resolve: (String) -> String?
    ) -> String? {
        if let scheme = LinkResolver.scheme(of: value), !HTMLAllowlist.linkSchemes.contains(scheme) {
            warn("link.unsafe-scheme", "scheme:" + scheme, "raw HTML link to a '\(scheme):' URL removed", at: offset, in: &piece)
            return nil
        }
        return resolve(value)
    }

    private mutating func imageSource(
        _ value: String, at offset: Int, in piece: inout Piece, resolve: (String) -> String?
    ) -> ImageSource {
        if let scheme = LinkResolver.scheme(of: value), !HTMLAllowlist.remoteImageSchemes.contains(scheme) {
            warn("link.unsafe-scheme", "scheme:" + scheme, "raw HTML image from a '\(scheme):' URL removed", at: offset, in: &piece)
            return .removed
        }
        guard !value.trimmingWhitespace().isEmpty, let src = resolve(value) else { return .removed }
        // A protocol-relative `//host/x.png` resolves to `https:`.
        return LinkResolver.scheme(of: src) == nil ? .local(src) : .remote(src)
    }

    /// A `srcset` whose every image is a file of the site, each resolved; nil otherwise. (Each
    /// distinct image is resolved once: only the site's files resolve, so a long list of them
    /// costs a look-up each.)
    private func imageSet(_ value: String, resolve: (String) -> String?) -> String? {
        var candidates: [String] = []
        var resolved: [String: String] = [:]
        for (url, descriptor) in Self.imageCandidates(value) {
            let src: String
            if let known = resolved[url] {
                src = known
            } else {
                guard LinkResolver.scheme(of: url) == nil, !url.hasPrefix("//"), let found = resolve(url),
                      LinkResolver.scheme(of: found) == nil
                else { return nil }
                resolved[url] = found
                src = found
            }
            candidates.append(descriptor.isEmpty ? src : src + " " + descriptor)
        }
        return candidates.isEmpty ? nil : candidates.joined(separator: ", ")
    }

    /// The URLs of a `srcset` and their descriptors (`1x`, `640w`), read as browsers read them:
    /// a URL runs to a space (commas at its end are separators), its descriptor to a comma.
    static func imageCandidates(_ value: String) -> [(url: String, descriptor: String)] {
        let bytes = Array(value.utf8)
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D }
        var candidates: [(String, String)] = []
        var index = 0
        while index < bytes.count {
            while index < bytes.count, isSpace(bytes[index]) || bytes[index] == UInt8(ascii: ",") { index += 1 }
            guard index < bytes.count else { break }
            let urlStart = index
            while index < bytes.count, !isSpace(bytes[index]) { index += 1 }
            var urlEnd = index
            var endsWithComma = false
            while urlEnd > urlStart, bytes[urlEnd - 1] == UInt8(ascii: ",") {
                urlEnd -= 1
                endsWithComma = true
            }
            var descriptor = ""
            if !endsWithComma {
                let descriptorStart = index
                while index < bytes.count, bytes[index] != UInt8(ascii: ",") { index += 1 }
                descriptor = String(decoding: bytes[descriptorStart..<index], as: UTF8.self)
                    .split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" })
                    .joined(separator: " ")
            }
            if urlEnd > urlStart { candidates.append((String(decoding: bytes[urlStart..<urlEnd], as: UTF8.self), descriptor)) }
        }
        return candidates
    }

    // MARK: - Diagnostics

    private mutating func removed(_ attribute: HTMLTokenizer.Attribute, of element: String, in piece: inout Piece) {
        let name = attribute.name
        let reason: String
        if name.hasPrefix("on") {
            reason = "event handlers never run on the site"
        } else if name == "style" {
            reason = "inline styles are not kept"
        } else if name == "class" || name.hasPrefix("data-") {
            reason = "the site's own stylesheet and script read these"
        } else {
            reason = "not an attribute of <\(element)> that raw HTML keeps"
        }
        warn("html.attribute-removed", "attribute:" + name, "raw HTML attribute '\(name)' removed: \(reason)",
             at: attribute.offset, in: &piece)
    }

    /// A warning for the first removal of its `kind` in the page, at `offset` in the piece.
    /// Where raw HTML is not published, only links and images removed for their URLs are reported.
    private mutating func warn(_ id: String, _ kind: String, _ message: String, at offset: Int, in piece: inout Piece) {
        guard publishesRawHTML || id.hasPrefix("link.") else { return }
        guard reportedKinds.count <= Self.maximumReportedKinds, reportedKinds.insert(kind).inserted else { return }
        let message = reportedKinds.count <= Self.maximumReportedKinds ? message
            : "more raw HTML is removed from this file than is listed"
        let (line, column) = piece.tokenizer.lineAndColumn(of: offset)
        let place = SourceLocation(line: piece.location.line + line - 1, column: piece.location.column + column - 1)
        diagnostics.append(.warning(id, message, file: file, at: place))
    }
}
