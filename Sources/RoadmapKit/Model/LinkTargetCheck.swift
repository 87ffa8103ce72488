import RoadmapMarkdown

/// A Markdown link to a heading of another roadmap's page (`other.md#setup`), where it is written.
struct OtherPageLink: Sendable, Hashable {
    /// The linking roadmap's file, as diagnostics name it.
    var file: String
    /// Content-relative path of the linking roadmap.
    var source: String
    var location: SourceLocation
    /// Content-relative path of the roadmap linked to.
    var target: String
    var fragment: String
}

/// Where a link's `#fragment` lands among a page's anchors, as GitHub finds it: at the anchor
/// as written, else at the fragment lowercased. GitHub's heading anchors are lowercase and its
/// pages take `#Setup` to `#setup`, so READMEs written there link that way.
enum AnchorMatch: Equatable, Sendable {
    case exact
    /// Only ignoring case: the anchor the link goes to.
    case ignoringCase(String)
    case missing

    /// `fragment` (percent-decoded) among the anchors `hasAnchor` knows.
    init(_ fragment: String, hasAnchor: (String) -> Bool) {
        if hasAnchor(fragment) {
            self = .exact
            return
        }
        let lowercased = fragment.lowercased()
        self = lowercased != fragment && hasAnchor(lowercased) ? .ignoringCase(lowercased) : .missing
    }
}

/// How each roadmap's links to other roadmaps' headings are written on its page where they do
/// not land as written: a link whose fragment matches a heading only ignoring case goes to that
/// heading, one to a heading that is not there goes to the top of the page.
struct OtherPageAnchors: Sendable {
    /// Linking roadmap (content-relative) → `target#fragment` → the anchor linked to ("" for none).
    private var byPage: [String: [String: String]] = [:]

    mutating func link(from source: String, to target: String, fragment: String, anchor: String) {
        byPage[source, default: [:]][Self.key(target, fragment)] = anchor
    }

    /// The anchors of `source`'s links, for its ``LinkResolver``.
    func anchors(from source: String) -> [String: String] { byPage[source] ?? [:] }

    /// What `source`'s page takes from the other pages' anchors, for the page cache: a page
    /// whose file did not change is rendered again when this did (`roadmap serve`).
    func fingerprint(from source: String) -> String {
        anchors(from: source).sorted { $0.key < $1.key }.map { $0.key + "\u{1F}" + $0.value }.joined(separator: "\u{1E}")
    }

    static func key(_ target: String, _ fragment: String) -> String { target + "#" + fragment }
}

/// Checks links to other roadmaps' headings against the anchors those pages will have, once
/// pass 1 has listed every roadmap. A fragment that matches a heading only ignoring case goes
/// to it, with a note; a heading that is not there is a warning (an error with `--strict`), and
/// the link goes to the top of the page: the reader still reaches the roadmap the author meant.
struct LinkTargetCheck: Sendable {
    var listings: [RoadmapListing]

    struct Output: Sendable {
        var diagnostics: [Diagnostic] = []
        /// Where the links that do not land as written go instead, for pass 2.
        var anchors = OtherPageAnchors()
    }

    func check(_ links: [OtherPageLink]) -> Output {
        let anchors = Dictionary(listings.map { ($0.source, $0.anchors) }, uniquingKeysWith: { a, _ in a })
        var output = Output()
        for link in links {
            guard let known = anchors[link.target] else { continue }
            switch AnchorMatch(link.fragment, hasAnchor: known.contains) {
            case .exact:
                break
            case .ignoringCase(let anchor):
                output.anchors.link(from: link.source, to: link.target, fragment: link.fragment, anchor: anchor)
                output.diagnostics.append(Diagnostic(
                    .note, id: "link.anchor-case",
                    "'#\(link.fragment)' matches the heading '#\(anchor)' in '\(link.target)' only ignoring case; the link goes to it",
                    file: link.file, at: link.location))
            case .missing:
                output.anchors.link(from: link.source, to: link.target, fragment: link.fragment, anchor: "")
                output.diagnostics.append(.warning(
                    "link.missing-anchor", "no heading '#\(link.fragment)' in '\(link.target)'; the link goes to the top of its page",
                    file: link.file, at: link.location))
            }
        }
        return output
    }
}
