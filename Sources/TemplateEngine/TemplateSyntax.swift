// The parse tree of a template: what the parser gives and the compiler reads.

/// Where a tag starts in its template file: 1-based line and column (counted in characters).
struct TemplatePosition: Hashable, Sendable {
    var line: Int
    var column: Int
}

/// A name as a tag writes it: `title`, `site.title`, or `.` (the current value).
struct TemplateName: Sendable {
    /// The dotted parts; empty for `.`.
    var parts: [String]
    var position: TemplatePosition

    var text: String { parts.isEmpty ? "." : parts.joined(separator: ".") }
}

/// One piece of a parsed template.
indirect enum TemplateNode: Sendable {
    case text(String)
    /// A line of the template source starts here; an indented partial indents it.
    case lineStart
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}`.
    case variable(TemplateName, escaped: Bool)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted.
    case section(TemplateName, inverted: Bool, body: [TemplateNode])
    /// `{{>name}}`.
    case partial(Inclusion)
    /// `{{<name}}…{{/name}}`: the named template with some of its blocks replaced.
    case parent(Inclusion, blocks: [String: TemplateBlock])
    /// `{{$name}}…{{/name}}` outside a parent: a block, whose content a child template may replace.
    case block(TemplateBlock)
}

/// A partial or parent tag: the template it names and how its lines are indented.
struct Inclusion: Sendable {
    var name: String
    var position: TemplatePosition
    /// The whitespace before the tag when it stands alone on its line: every line of the
    /// included template is indented by it. Nil when the tag shares its line with other text.
    var indentation: String?
}

/// A `{{$name}}` block: its content, and how that content is indented where the block stands.
struct TemplateBlock: Sendable {
    var name: String
    var position: TemplatePosition
    /// The content, with the indentation it had in its file taken off its lines.
    var body: [TemplateNode]
    /// Added to every line of the content where the block stands.
    var indentation: String
    /// Whether the content starts a line of its own (the block tag stood alone on its line),
    /// so its first line is indented too.
    var startsLine: Bool
}
