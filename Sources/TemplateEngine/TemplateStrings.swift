// Interface strings: `{{t.key}}` shows the string `key` of the site's language, its
// placeholders (`{count}`) filled from the view at that place when the template is compiled.

/// The interface strings templates show with `{{t.group.name}}`: text in the site's language,
/// looked up when a template is compiled. A string's `{name}` placeholders are read from the
/// context where the tag stands, as `{{name}}` would be; `{{t.…}}` escapes the string's text and
/// its values, `{{{t.…}}}` writes both as they are.
public struct TemplateStrings: Sendable {
    private let lookup: @Sendable (String) -> TemplateString?

    /// `lookup` gives the string of a key (`header.search` for `{{t.header.search}}`), nil when
    /// there is none.
    public init(_ lookup: @escaping @Sendable (String) -> TemplateString?) {
        self.lookup = lookup
    }

    /// No strings: every `{{t.…}}` is an unknown string.
    public static let none = TemplateStrings { _ in nil }

    func string(_ key: String) -> TemplateString? { lookup(key) }
}

/// One interface string: a single text, or one text for each plural form, chosen by the first
/// number among its placeholders.
public struct TemplateString: Sendable {
    /// A part of a string's text.
    public enum Piece: Sendable, Hashable {
        case text(String)
        /// `{name}`: the value of `name` (a dotted name reads into views, as in a tag).
        case placeholder(String)
    }

    /// The texts, one for each form.
    public var forms: [[Piece]]
    /// Which of `forms` a count takes (only read when there is more than one).
    public var form: @Sendable (Int) -> Int
    /// Where the string is defined, for messages: `strings/zh.yml:12:3`.
    public var source: String

    public init(forms: [[Piece]], form: @escaping @Sendable (Int) -> Int, source: String) {
        self.forms = forms
        self.form = form
        self.source = source
    }
}
