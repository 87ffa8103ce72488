@testable import TemplateEngine

/// The Mustache spec's data: a value whose keys are only known when it is rendered (JSON).
///
/// A template compiled for `TemplateValue` goes through the same compiler and renderer as one
/// compiled for a ``TemplateView``; only its names are looked up as it renders, with Mustache's
/// rules: a name missing from every context shows as nothing.
enum TemplateValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([TemplateValue])
    case object([String: TemplateValue])

    /// The member named `key` of an object; nil for other values and missing keys.
    subscript(key: String) -> TemplateValue? {
        guard case .object(let members) = self else { return nil }
        return members[key]
    }

    /// How `{{value}}` shows it: whole numbers without a decimal point, null as nothing.
    var text: String {
        switch self {
        case .null: ""
        case .bool(let flag): flag ? "true" : "false"
        case .number(let number):
            number.rounded() == number && abs(number) < 1e15 ? String(Int(number)) : String(number)
        case .string(let text): text
        case .array(let items): items.map(\.text).joined(separator: ",")
        case .object: ""
        }
    }

    /// Whether sections skip it: null, false, zero, empty text and empty lists.
    var isFalsey: Bool {
        switch self {
        case .null: true
        case .bool(let flag): !flag
        case .number(let number): number == 0
        case .string(let text): text.isEmpty
        case .array(let items): items.isEmpty
        case .object: false
        }
    }
}

extension TemplateValue: Decodable {
    /// Reads any JSON value.
    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let items = try? container.decode([TemplateValue].self) {
            self = .array(items)
        } else {
            self = .object(try container.decode([String: TemplateValue].self))
        }
    }
}

extension ContextType {
    /// The context type of ``TemplateValue``: every name resolves, and is looked up as the
    /// template renders.
    static let dynamic = ContextType(id: ObjectIdentifier(TemplateValue.self), name: "TemplateValue") { name in
        if name == "." { return .dynamic { $0.nearest(TemplateValue.self) } }
        return .dynamic { $0.lookUp(name) }
    }
}

extension ContextFrame {
    /// The member `key` of the innermost value on the stack that has it.
    fileprivate func lookUp(_ key: String) -> TemplateValue? {
        var frame: ContextFrame? = self
        while let current = frame {
            if let found = (current as? ValueFrame<TemplateValue>)?.value[key] { return found }
            frame = current.parent
        }
        return nil
    }
}

extension Access {
    /// A value looked up as the template renders (`read` gives nil when nothing has the name).
    static func dynamic(_ read: @escaping @Sendable (ContextFrame) -> TemplateValue?) -> Access {
        Access(
            kind: "a value", text: { read($0)?.text ?? "" }, isFalsey: { read($0)?.isFalsey ?? true }, pushes: .dynamic,
            each: { frame, body in
                guard let value = read(frame), !value.isFalsey else { return }
                if case .array(let items) = value {
                    for item in items { body(ValueFrame(item, parent: frame)) }
                } else {
                    body(ValueFrame(value, parent: frame))
                }
            },
            member: { key in .dynamic { read($0)?[key] } })
    }
}

extension TemplateLibrary {
    /// The template `name`, compiled for values whose keys are looked up as it renders.
    func compile(_ name: String, for value: TemplateValue.Type) throws(TemplateErrors) -> Template<TemplateValue> {
        try compile(name, root: .dynamic)
    }
}
