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
    let fields: [String: AnyKeyPath]

    func child(named name: String) -> Any? {
        guard let path = fields[name], let field = value[keyPath: path] else { return nil }
        return Self.wrap(field)
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
    nonisolated(unsafe) private static var cache: [ObjectIdentifier: [String: AnyKeyPath]?] = [:]

    /// The stored properties of a struct type by name; nil for other kinds of type.
    static func fields(of type: Any.Type) -> [String: AnyKeyPath]? {
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
        let fields = _openExistential(type, do: read)
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
