import Mustache

/// swift-mustache escapes `{{value}}` Character by Character through a dictionary look-up
/// (about a thousand instructions a character: a tenth of a build). Every template is
/// loaded with a first line that selects this content type instead, which escapes the same
/// five characters the same way (`&amp; &lt; &gt; &quot; &#39;`) with ``HTMLEscaping``,
/// byte-scanning first so text without them is copied whole. The pragma line is standalone,
/// so it renders nothing; parse errors are reported at the template's own line numbers.
struct MustacheEscaping: MustacheContentType {
    static let name = "ROADMAP_HTML"
    /// Prepended to every template's text.
    static let pragma = "{{% CONTENT_TYPE: \(name) }}\n"
    /// Lines the pragma adds before the template's first line.
    static let addedLines = 1

    static let registered: Void = {
        MustacheContentTypes.register(MustacheEscaping(), named: name)
    }()

    func escapeText(_ text: String) -> String {
        HTMLEscaping.escape(text)
    }
}
