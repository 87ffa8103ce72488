// Typed views: how a view type declares the keys templates may name, and what the compiler
// makes of a key (an ``Access``: closures that read it from the context stack).

/// A type whose values templates render. It declares every key a template may name, each with
/// how to read it, so a template is checked against its view when it is compiled:
///
/// ```swift
/// extension TOCEntryView: TemplateView {
///     static let templateKeys: TemplateKeys<Self> = [
///         "id": .text(\.id), "children": .list(\.children), "hasChildren": .flag(\.hasChildren),
///     ]
/// }
/// ```
public protocol TemplateView: SendableMetatype {
    /// The keys templates may name, by name.
    static var templateKeys: TemplateKeys<Self> { get }
}

/// A view type's keys, by the name templates use.
public typealias TemplateKeys<Root> = [String: TemplateKey<Root>]

/// One key of a view: what kind of value it is and how to read it from the view.
public struct TemplateKey<Root>: Sendable {
    /// Makes the key's ``Access``, given how to read the view from the context stack.
    let access: @Sendable (_ view: @escaping @Sendable (ContextFrame) -> Root) -> Access
}

extension TemplateKey {
    /// Text: `{{key}}` shows it (escaped), `{{{key}}}` as it is; `{{#key}}` renders when it is
    /// not empty, with the text as `{{.}}`.
    public static func text(_ read: @escaping @Sendable (Root) -> String) -> Self {
        Self { view in .text { read(view($0)) } }
    }

    /// A whole number: shown in decimal; `{{#key}}` renders when it is not zero.
    public static func number(_ read: @escaping @Sendable (Root) -> Int) -> Self {
        Self { view in .number { read(view($0)) } }
    }

    /// A flag for `{{#key}}…{{/key}}` and `{{^key}}…{{/key}}`.
    public static func flag(_ read: @escaping @Sendable (Root) -> Bool) -> Self {
        Self { view in .flag { read(view($0)) } }
    }

    /// A nested view: `{{key.name}}` reads its keys, and `{{#key}}` makes it the context.
    public static func view<Value: TemplateView>(_ read: @escaping @Sendable (Root) -> Value) -> Self {
        Self { view in .view(Value.self) { read(view($0)) } }
    }

    /// A view that may be absent: `{{#key}}` renders with it when it is there, `{{^key}}` when not.
    public static func optional<Value: TemplateView>(_ read: @escaping @Sendable (Root) -> Value?) -> Self {
        Self { view in .optional(Value.self) { read(view($0)) } }
    }

    /// A list: `{{#key}}…{{/key}}` renders once for each element (text elements are `{{.}}`),
    /// `{{^key}}` when it is empty.
    public static func list<Element: TemplateView>(_ read: @escaping @Sendable (Root) -> [Element]) -> Self {
        Self { view in .list(Element.self) { read(view($0)) } }
    }
}

/// Text in a list or a text section is the context: `{{.}}` shows it.
extension String: TemplateView {
    public static let templateKeys: TemplateKeys<String> = [".": .text(\.self)]
}

/// A number in a list or a number section is the context: `{{.}}` shows it.
extension Int: TemplateView {
    public static let templateKeys: TemplateKeys<Int> = [".": .number(\.self)]
}

// MARK: - The context stack while rendering

/// One value on the context stack while a template renders, with the frames below it.
class ContextFrame {
    let parent: ContextFrame?

    init(parent: ContextFrame?) { self.parent = parent }

    /// The value of the nearest frame that holds a `Value`. The compiler resolved the name
    /// being read to a `Value` on the stack, so there is one.
    final func nearest<Value>(_: Value.Type) -> Value {
        var frame = self
        while true {
            if let match = frame as? ValueFrame<Value> { return match.value }
            guard let parent = frame.parent else { preconditionFailure("no \(Value.self) on the context stack") }
            frame = parent
        }
    }
}

final class ValueFrame<Value>: ContextFrame {
    let value: Value

    init(_ value: Value, parent: ContextFrame?) {
        self.value = value
        super.init(parent: parent)
    }
}

// MARK: - What the compiler knows of a type and a key

/// A type of value on the context stack, as the compiler sees it.
struct ContextType: Sendable {
    /// Identifies the type, for caching compiled partials.
    let id: ObjectIdentifier
    /// The type's name, for messages.
    let name: String
    /// The access of a key of this type (`.` is the value itself), read from the nearest frame
    /// holding this type; nil when the type has no such key.
    let key: @Sendable (String) -> Access?

    static func of<View: TemplateView>(_: View.Type) -> ContextType {
        ContextType(id: ObjectIdentifier(View.self), name: "\(View.self)") { name in
            View.templateKeys[name]?.access { $0.nearest(View.self) }
        }
    }
}

/// A name resolved at compile time: how to read its value from the context stack in each way a
/// tag can use it.
struct Access: Sendable {
    /// What the value is, for messages: "text", "a list of TOCEntryView".
    var kind: String
    /// For `{{name}}`: the value as text; nil when it has none (views, lists).
    var text: (@Sendable (ContextFrame) -> String)?
    /// For `{{^name}}`: whether the value is false, empty or absent.
    var isFalsey: @Sendable (ContextFrame) -> Bool
    /// For `{{#name}}`: the type the section makes the context (nil: the context stays).
    var pushes: ContextType?
    /// For `{{#name}}`: calls `body` with the context of each rendering of the section (none
    /// when the value is falsey, one for each element of a list).
    var each: @Sendable (_ frame: ContextFrame, _ body: (ContextFrame) -> Void) -> Void
    /// For `name.key`: the access of one of the value's keys; nil when it has no keys.
    var member: (@Sendable (String) -> Access?)? = nil
    /// For a string's plural forms: the value as a number; nil when it is not one.
    var number: (@Sendable (ContextFrame) -> Int)? = nil
}

extension Access {
    static func text(_ read: @escaping @Sendable (ContextFrame) -> String) -> Access {
        Access(
            kind: "text", text: read, isFalsey: { read($0).isEmpty }, pushes: .of(String.self),
            each: { frame, body in
                let text = read(frame)
                if !text.isEmpty { body(ValueFrame(text, parent: frame)) }
            })
    }

    static func number(_ read: @escaping @Sendable (ContextFrame) -> Int) -> Access {
        Access(
            kind: "a number", text: { String(read($0)) }, isFalsey: { read($0) == 0 }, pushes: .of(Int.self),
            each: { frame, body in
                let number = read(frame)
                if number != 0 { body(ValueFrame(number, parent: frame)) }
            },
            number: read)
    }

    static func flag(_ read: @escaping @Sendable (ContextFrame) -> Bool) -> Access {
        Access(
            kind: "a flag", text: { read($0) ? "true" : "false" }, isFalsey: { !read($0) }, pushes: nil,
            each: { frame, body in if read(frame) { body(frame) } })
    }

    static func view<View: TemplateView>(_: View.Type, _ read: @escaping @Sendable (ContextFrame) -> View) -> Access {
        Access(
            kind: "a \(View.self)", text: nil, isFalsey: { _ in false }, pushes: .of(View.self),
            each: { frame, body in body(ValueFrame(read(frame), parent: frame)) },
            member: { name in View.templateKeys[name]?.access(read) })
    }

    /// Its keys are not read through the dot (`key.name`): the view may be absent.
    static func optional<View: TemplateView>(_: View.Type, _ read: @escaping @Sendable (ContextFrame) -> View?) -> Access {
        Access(
            kind: "an optional \(View.self)", text: nil, isFalsey: { read($0) == nil }, pushes: .of(View.self),
            each: { frame, body in
                if let view = read(frame) { body(ValueFrame(view, parent: frame)) }
            })
    }

    static func list<Element: TemplateView>(_: Element.Type, _ read: @escaping @Sendable (ContextFrame) -> [Element]) -> Access {
        Access(
            kind: "a list of \(Element.self)", text: nil, isFalsey: { read($0).isEmpty }, pushes: .of(Element.self),
            each: { frame, body in
                for element in read(frame) { body(ValueFrame(element, parent: frame)) }
            })
    }
}
