@_spi(Reflection) import Swift
import Foundation
import Mustache

/// Lets swift-mustache find template keys through key paths cached per view type, instead of
/// building a `Mirror` for every `{{key}}` (which walks every stored property through the
/// runtime's type-name demangling: tens of thousands of instructions a look-up).
///
/// ``TemplateSet/render(_:template:)`` wraps the view it is given; values read from it are
/// wrapped in turn (structs, arrays of them, optionals unwrapped), so every view, including
/// views added later, is looked up this way. Strings, numbers, booleans and values that already
/// answer for themselves (`MustacheParent`, lambdas, custom renderables) are passed through.
struct TemplateLookup: MustacheParent, CustomStringConvertible {
    let value: Any
    let fields: [String: Field]

    /// A stored property: its key path, and what its declared type says about wrapping its value.
    struct Field {
        var path: AnyKeyPath
        var kind: Kind
    }

    enum Kind {
        /// A string, number or boolean: passed to the template as it is.
        case plain
        /// A struct with stored properties: looked up through their key paths in turn.
        case view([String: Field])
        /// An array of such structs: each element wrapped with the fields read once.
        case views([String: Field])
        /// An optional such struct.
        case optionalView([String: Field])
        /// Anything else (arrays, optionals, existentials): wrapped by looking at the value.
        case dynamic
    }

    func child(named name: String) -> Any? {
        guard let field = fields[name], let found = value[keyPath: field.path] else { return nil }
        switch field.kind {
        case .plain: return found
        case .view(let fields): return TemplateLookup(value: found, fields: fields)
        case .views(let fields): return (found as? any ViewArray)?.wrappedElements(fields) ?? Self.wrap(found)
        case .optionalView(let fields):
            guard let optional = found as? any OptionalValue else { return Self.wrap(found) }
            return optional.wrappedValue.map { TemplateLookup(value: $0, fields: fields) }
        case .dynamic: return Self.wrap(found)
        }
    }

    var description: String { String(describing: value) }

    /// `value`, made fast to look keys up in when it is a struct (or holds structs).
    static func wrap(_ value: Any) -> Any? {
        switch value {
        case is String, is Substring, is Int, is Bool, is Double, is Float, is Character, is MustacheParent,
             is MustacheLambda, is MustacheCustomRenderable, is MustacheTemplate:
            return value
        case let optional as any OptionalValue:
            return optional.wrappedValue.flatMap(wrap)
        case let array as [Any]:
            return array.map { wrap($0) ?? Optional<Any>.none as Any }
        case is any Sequence:
            return value
        default:
            guard let fields = fields(of: type(of: value)) else { return value }
            return TemplateLookup(value: value, fields: fields)
        }
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var cache: [ObjectIdentifier: [String: Field]?] = [:]

    /// Types whose values go to the template as they are.
    private static let plainTypes: Set<ObjectIdentifier> = [
        ObjectIdentifier(String.self), ObjectIdentifier(Int.self), ObjectIdentifier(Bool.self),
        ObjectIdentifier(Double.self), ObjectIdentifier(Float.self), ObjectIdentifier(Substring.self),
        ObjectIdentifier(Character.self),
    ]

    /// The stored properties of a struct type by name; nil for other kinds of type. A property
    /// of a plain type or of a view struct is classified once here, so that reading it needs
    /// no dynamic cast.
    static func fields(of type: Any.Type) -> [String: Field]? {
        let id = ObjectIdentifier(type)
        if let cached = lock.withLock({ cache[id] }) { return cached }
        func read<Root>(_ root: Root.Type) -> [String: AnyKeyPath]? {
            var fields: [String: AnyKeyPath] = [:]
            let isStruct = _forEachFieldWithKeyPath(of: root) { name, keyPath in
                fields[String(cString: name)] = keyPath
                return true
            }
            return isStruct && !fields.isEmpty ? fields : nil
        }
        // Recorded as "not a view" first, so a type that contains itself is not read forever.
        lock.withLock { if cache[id] == nil { cache[id] = .some(nil) } }
        let fields = _openExistential(type, do: read)?.mapValues { path -> Field in
            let valueType = Swift.type(of: path).valueType
            if plainTypes.contains(ObjectIdentifier(valueType)) { return Field(path: path, kind: .plain) }
            // Collections are structs too, but are wrapped element by element (``wrap(_:)``).
            if let nested = viewFields(of: valueType) { return Field(path: path, kind: .view(nested)) }
            if let array = valueType as? any ViewArray.Type, let nested = viewFields(of: array.elementType) {
                return Field(path: path, kind: .views(nested))
            }
            if let optional = valueType as? any OptionalType.Type, let nested = viewFields(of: optional.wrappedType) {
                return Field(path: path, kind: .optionalView(nested))
            }
            return Field(path: path, kind: .dynamic)
        }
        lock.withLock { cache[id] = .some(fields) }
        return fields
    }

    /// The fields of `type` when its values are looked up as a view: a struct that is not a
    /// collection and does not answer for itself.
    private static func viewFields(of type: Any.Type) -> [String: Field]? {
        guard !plainTypes.contains(ObjectIdentifier(type)), !(type is any Sequence.Type),
              !(type is any MustacheParent.Type), !(type is any MustacheCustomRenderable.Type),
              !(type is any OptionalType.Type), type != MustacheLambda.self
        else { return nil }
        return fields(of: type)
    }
}

/// Optionals, seen through `Any`.
protocol OptionalValue {
    var wrappedValue: Any? { get }
}

extension Optional: OptionalValue {
    var wrappedValue: Any? { map { $0 as Any } }
}

/// Optional types, seen through their metatype: what they wrap.
protocol OptionalType {
    static var wrappedType: Any.Type { get }
}

extension Optional: OptionalType {
    static var wrappedType: Any.Type { Wrapped.self }
}

/// Arrays, seen through `Any`: their element type, and their elements wrapped as views.
protocol ViewArray {
    static var elementType: Any.Type { get }
    func wrappedElements(_ fields: [String: TemplateLookup.Field]) -> [Any]
}

extension Array: ViewArray {
    static var elementType: Any.Type { Element.self }
    func wrappedElements(_ fields: [String: TemplateLookup.Field]) -> [Any] {
        map { TemplateLookup(value: $0, fields: fields) }
    }
}
