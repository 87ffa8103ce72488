import RoadmapMarkdown

/// What kind of learning resource a link or list item names.
public enum ResourceKind: String, Sendable, Hashable, Codable, CaseIterable {
    case course, certification, book, paper, tool, repository, community, documentation, article, video, link

    /// Position on resource pages.
    public var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}

/// What a resource costs, as the roadmap's notes say.
public enum ResourceCost: String, Sendable, Hashable, Codable, CaseIterable {
    case free
    case freeToAudit = "free-to-audit"
    case paid
    case unknown
}

/// One place a roadmap uses a resource.
public struct ResourceUse: Sendable, Hashable {
    public var roadmapSlug: String
    public var roadmapTitle: String
    /// The anchor of the heading the use is under ("" before the first heading).
    public var sectionID: String
    public var sectionTitle: String
    /// The anchor of the use's own marker on the roadmap page.
    public var anchor: String
    public var location: SourceLocation
}

/// A course, book, tool, … that one or more roadmaps point learners to.
public struct Resource: Sendable, Hashable {
    /// Stable anchor on resource pages, derived from the title and URL.
    public var id: String
    public var title: String
    public var url: String?
    public var kind: ResourceKind
    /// "Coursera", "edX", or the site's domain.
    public var provider: String?
    public var cost: ResourceCost
    public var author: String?
    public var uses: [ResourceUse]

    /// What makes two mentions the same resource: the URL, or the kind and normalised title.
    public var identity: String {
        if let url { return "url:" + ResourceIdentity.normalisedURL(url) }
        return "\(kind.rawValue):" + ResourceIdentity.normalisedTitle(title)
    }
}

enum ResourceIdentity {
    static func normalisedURL(_ url: String) -> String {
        var text = url.trimmingSpaces()
        if let hash = text.utf8.firstIndex(of: UInt8(ascii: "#")) { text = String(text[..<hash]) }
        var lower = text.lowercased()
        for prefix in ["https://", "http://"] where lower.hasPrefix(prefix) { lower.removeFirst(prefix.count) }
        if lower.hasPrefix("www.") { lower.removeFirst(4) }
        while lower.hasSuffix("/") { lower.removeLast() }
        return lower
    }

    static func normalisedTitle(_ title: String) -> String {
        let lower = title.lowercased()
        if lower.isAllASCII {
            // The alphabetic and numeric ASCII scalars are the letters (lowercase here) and digits.
            return String(decoding: lower.utf8.filter { $0.isASCIILetter || $0.isASCIIDigit }, as: UTF8.self)
        }
        return String(lower.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }
            .map(Character.init))
    }

    /// A stable anchor: the title's slug, then a short hash of the identity so equal titles differ.
    static func anchor(title: String, identity: String) -> String {
        var slug = Slugger.slug(title)
        if slug.count > 48 { slug = String(slug.prefix(48)); while slug.hasSuffix("-") { slug.removeLast() } }
        var hash: UInt32 = 2_166_136_261
        for byte in identity.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        let suffix = String(hash & 0xFFFF, radix: 16)
        let padded = String(repeating: "0", count: 4 - suffix.count) + suffix
        return "r-" + (slug.isEmpty ? "" : slug + "-") + padded
    }
}
