/// Site-wide settings, from `Content/site.yml` (all optional).
public struct SiteConfig: Sendable, Hashable, Codable {
    public var title: String
    public var description: String
    /// BCP 47 language tag for `<html lang>`.
    public var language: String
    /// The absolute URL the site is published at, e.g. `https://example.org/roadmaps/`.
    public var baseURL: String?
    /// Render raw HTML from Markdown as written (after GFM's tag filter). Off by default.
    public var allowRawHTML: Bool
    /// Whether `title` and `description` are the defaults, which the site's language words
    /// (``withDefaults(in:)``) rather than the owner.
    var titleIsDefault = true
    var descriptionIsDefault = true

    public init(
        title: String = "Career Roadmaps", description: String = "Learning roadmaps, phase by phase.",
        language: String = "en", baseURL: String? = nil, allowRawHTML: Bool = false
    ) {
        self.title = title
        self.description = description
        self.language = language
        self.baseURL = baseURL
        self.allowRawHTML = allowRawHTML
    }

    enum CodingKeys: String, CodingKey {
        case title, description, language
        case baseURL = "base_url"
        case allowRawHTML = "allow_raw_html"
    }

    public init(from decoder: any Decoder) throws {
        let defaults = SiteConfig()
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let ownTitle = try container.decodeIfPresent(String.self, forKey: .title)
        let ownDescription = try container.decodeIfPresent(String.self, forKey: .description)
        title = ownTitle ?? defaults.title
        description = ownDescription ?? defaults.description
        titleIsDefault = ownTitle == nil
        descriptionIsDefault = ownDescription == nil
        language = try container.decodeIfPresent(String.self, forKey: .language) ?? defaults.language
        baseURL = try container.decodeIfPresent(String.self, forKey: .baseURL)
        allowRawHTML = try container.decodeIfPresent(Bool.self, forKey: .allowRawHTML) ?? false
    }
}

extension SiteConfig {
    /// The settings with the title and description the owner left out in the site's language
    /// (`site.title`, `site.description`).
    func withDefaults(in strings: InterfaceStrings) -> SiteConfig {
        var config = self
        if titleIsDefault { config.title = strings.text("site.title") }
        if descriptionIsDefault { config.description = strings.text("site.description") }
        return config
    }
}

/// The optional YAML block at the top of a roadmap.
public struct FrontMatter: Sendable, Hashable {
    public var title: String?
    public var slug: String?
    public var summary: String?
    public var order: Int?
    public var draft: Bool
    public var aliases: [String]
    /// How many lines the block spans, fence lines included; Markdown positions are offset by it.
    public var lineCount: Int

    public init(
        title: String? = nil, slug: String? = nil, summary: String? = nil, order: Int? = nil,
        draft: Bool = false, aliases: [String] = [], lineCount: Int = 0
    ) {
        self.title = title
        self.slug = slug
        self.summary = summary
        self.order = order
        self.draft = draft
        self.aliases = aliases
        self.lineCount = lineCount
    }
}
