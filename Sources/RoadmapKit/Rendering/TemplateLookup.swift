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
        /// Anything else (arrays, optionals, existentials): wrapped by looking at the value.
        case dynamic
    }

    func child(named name: String) -> Any? {
        guard let field = fields[name], let found = value[keyPath: field.path] else { return nil }
        switch field.kind {
        case .plain: return found
        case .view(let fields): return TemplateLookup(value: found, fields: fields)
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
            if !(valueType is any Sequence.Type), !(valueType is any MustacheParent.Type),
               !(valueType is any MustacheCustomRenderable.Type), valueType != MustacheLambda.self,
               let nested = Self.fields(of: valueType)
            {
                return Field(path: path, kind: .view(nested))
            }
            return Field(path: path, kind: .dynamic)
        }
        lock.withLock { cache[id] = .some(fields) }
        return fields
    }
}

/// Optionals, seen through `Any`.
protocol OptionalValue {
    var wrappedValue: Any? { get }
}

extension Optional: OptionalValue {
    var wrappedValue: Any? { map { $0 as Any } }
}
