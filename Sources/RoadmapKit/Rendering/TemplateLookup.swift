@_spi(Reflection) import Swift
import Foundation
import Mustache

/// Lets swift-mustache find template keys through getters built once per view type, instead of
/// building a `Mirror` for every `{{key}}` (which walks every stored property through the
/// runtime's type-name demangling: tens of thousands of instructions a look-up).
///
/// ``TemplateSet/render(_:template:)`` wraps the view it is given; values read from it are
/// wrapped in turn (structs, arrays of them, optionals unwrapped), so every view, including
/// views added later, is looked up this way. Strings, numbers, booleans and values that already
/// answer for themselves (`MustacheParent`, lambdas, custom renderables) are passed through.
struct TemplateLookup: MustacheParent, CustomStringConvertible {
    /// The view, held with its type known to the getters, so reading a key needs no dynamic cast.
    private let view: any LookupView

    fileprivate init(_ view: any LookupView) { self.view = view }

    /// The wrapped view.
    var value: Any { view.value }

    func child(named name: String) -> Any? { view.child(named: name) }

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
            func lookup<Root>(_ root: Root) -> TemplateLookup? {
                table(for: Root.self).map { TemplateLookup(TypedView(root: root, table: $0)) }
            }
            return _openExistential(value, do: lookup) ?? value
        }
    }

    // MARK: - Getter tables

    private static let lock = NSLock()
    /// Type → its ``FieldTable``, or ``NotAView``. Read and written under `lock` only.
    nonisolated(unsafe) private static var tables: [ObjectIdentifier: AnyObject] = [:]

    /// Types whose values go to the template as they are.
    private static let plainTypes: Set<ObjectIdentifier> = [
        ObjectIdentifier(String.self), ObjectIdentifier(Int.self), ObjectIdentifier(Bool.self),
        ObjectIdentifier(Double.self), ObjectIdentifier(Float.self), ObjectIdentifier(Substring.self),
        ObjectIdentifier(Character.self),
    ]

    /// The getters of a view type's stored properties by name; nil when values of the type are
    /// not looked up as views (not a struct, a collection, or a value that answers for itself).
    static func table<Root>(for root: Root.Type) -> FieldTable? {
        lock.withLock { lockedTable(for: root) }
    }

    private final class NotAView {}

    /// ``table(for:)`` with `lock` held. A table is recorded before its getters are made, so a
    /// view that contains itself (a table of contents entry's children) finds its own table.
    fileprivate static func lockedTable<Root>(for root: Root.Type) -> FieldTable? {
        let id = ObjectIdentifier(root)
        if let known = tables[id] { return known as? FieldTable }
        guard !plainTypes.contains(id), !(root is any Sequence.Type), !(root is any MustacheParent.Type),
              !(root is any MustacheCustomRenderable.Type), !(root is any OptionalType.Type),
              root != MustacheLambda.self, root != MustacheTemplate.self
        else {
            tables[id] = NotAView()
            return nil
        }
        var paths: [(String, PartialKeyPath<Root>)] = []
        let isStruct = _forEachFieldWithKeyPath(of: root) { name, path in
            paths.append((String(cString: name), path))
            return true
        }
        guard isStruct, !paths.isEmpty else {
            tables[id] = NotAView()
            return nil
        }
        let table = FieldTable()
        tables[id] = table
        for (name, path) in paths { (table.getters[name], table.readers[name]) = accessors(path) }
        return table
    }

    /// Reads one stored property: the getter for templates, classified once by its declared
    /// type (plain values as they are, views and arrays and optionals of them wrapped, anything
    /// else by ``wrap(_:)``), and the reader of its value as it is.
    private static func accessors<Root>(_ path: PartialKeyPath<Root>) -> (FieldTable.Getter, FieldTable.Reader) {
        func typed<Value>(_: Value.Type) -> (FieldTable.Getter, FieldTable.Reader) {
            let read = reader(path as! KeyPath<Root, Value>)
            return (getter(read), { read($0) })
        }
        return _openExistential(type(of: path).valueType, do: typed)
    }

    /// Reads a stored property from its view's address.
    private static func reader<Root, Value>(_ typedPath: KeyPath<Root, Value>) -> (UnsafeRawPointer) -> Value {
        // A stored property sits at a fixed offset in its view: reading it copies just its
        // value, with no key-path walk and no copy of the view.
        if let offset = MemoryLayout<Root>.offset(of: typedPath) {
            return { $0.load(fromByteOffset: offset, as: Value.self) }
        }
        return { $0.assumingMemoryBound(to: Root.self).pointee[keyPath: typedPath] }
    }

    private static func getter<Value>(_ read: @escaping (UnsafeRawPointer) -> Value) -> FieldTable.Getter {
        if plainTypes.contains(ObjectIdentifier(Value.self)) { return { read($0) } }
        if let table = lockedTable(for: Value.self) {
            return { TemplateLookup(TypedView(root: read($0), table: table)) }
        }
        if let array = Value.self as? any ViewArray.Type, let getter = array.getter(read) { return getter }
        if let optional = Value.self as? any OptionalType.Type, let getter = optional.getter(read) { return getter }
        return { wrap(read($0)) }
    }

    /// A view's stored property as it is (not wrapped for templates), as a `Mirror` gives it:
    /// nil when `value` is not looked up as a view, `.some(nil)` when it has no such property.
    static func storedProperty(_ name: String, of value: Any) -> Any?? {
        func read<Root>(_ root: Root) -> Any?? {
            guard let table = table(for: Root.self) else { return nil }
            guard let reader = table.readers[name] else { return .some(nil) }
            return withUnsafePointer(to: root) { .some(reader(UnsafeRawPointer($0))) }
        }
        return _openExistential(value, do: read)
    }

    /// Whether values of `type` are passed to the template as they are.
    fileprivate static func isPlain(_ type: Any.Type) -> Bool { plainTypes.contains(ObjectIdentifier(type)) }
}

/// A view type's getters by property name, each reading its property from the view's address.
/// Filled once, under the lookup's lock, before any render can read it.
final class FieldTable: @unchecked Sendable {
    typealias Getter = (UnsafeRawPointer) -> Any?
    typealias Reader = (UnsafeRawPointer) -> Any
    // Written only while the table is made, under the lookup's lock: no access check on each read.
    @exclusivity(unchecked) fileprivate(set) var getters: [String: Getter] = [:]
    /// The properties' values as they are, for the template key check.
    fileprivate(set) var readers: [String: Reader] = [:]
}

/// A view with its type known. A class, so that ``TemplateLookup`` fits in an `Any` unboxed.
private protocol LookupView: AnyObject {
    var value: Any { get }
    func child(named name: String) -> Any?
}

private final class TypedView<Root>: LookupView {
    /// The view, at an address of its own that the getters read from.
    private let root: UnsafeMutablePointer<Root>
    let table: FieldTable

    init(root: Root, table: FieldTable) {
        self.root = .allocate(capacity: 1)
        self.root.initialize(to: root)
        self.table = table
    }

    deinit {
        root.deinitialize(count: 1)
        root.deallocate()
    }

    var value: Any { root.pointee }

    func child(named name: String) -> Any? {
        guard let getter = table.getters[name] else { return nil }
        return getter(UnsafeRawPointer(root))
    }
}

/// Optionals, seen through `Any`.
protocol OptionalValue {
    var wrappedValue: Any? { get }
}

extension Optional: OptionalValue {
    var wrappedValue: Any? { map { $0 as Any } }
}

/// Optional types, seen through their metatype.
protocol OptionalType {
    /// A getter of an optional view property (`read` reads it) that gives its wrapped view, or
    /// nil when absent; nil when the wrapped type is not a view.
    static func getter(_ read: Any) -> FieldTable.Getter?
}

extension Optional: OptionalType {
    static func getter(_ read: Any) -> FieldTable.Getter? {
        guard let table = TemplateLookup.lockedTable(for: Wrapped.self),
              let read = read as? (UnsafeRawPointer) -> Self
        else { return nil }
        return { read($0).map { TemplateLookup(TypedView(root: $0, table: table)) } }
    }
}

/// Array types, seen through their metatype.
protocol ViewArray {
    /// A getter of an array property (`read` reads it): views wrapped element by element,
    /// plain values as they are (in an `[Any]`); nil for other elements.
    static func getter(_ read: Any) -> FieldTable.Getter?
}

extension Array: ViewArray {
    static func getter(_ read: Any) -> FieldTable.Getter? {
        guard let read = read as? (UnsafeRawPointer) -> Self else { return nil }
        // Strings and numbers need no wrapping: the array is made an `[Any]` as ``wrap(_:)`` would
        // make it (a transform such as `reversed` shows its type), without looking at each element.
        if TemplateLookup.isPlain(Element.self) { return { read($0).map { $0 as Any } } }
        guard let table = TemplateLookup.lockedTable(for: Element.self) else { return nil }
        return { read($0).map { TemplateLookup(TypedView(root: $0, table: table)) as Any } }
    }
}

// swift-mustache renders a `{{value}}` that is not a custom renderable only after failing to
// cast it to a lambda and to an optional, and then through `String(describing:)`: a few thousand
// instructions a tag. Strings and numbers, most of what templates show, render the same text
// through these conformances (`isNull` stays false, so sections treat them as before).
extension String: @retroactive MustacheCustomRenderable {
    public var renderText: String { self }
    public var isNull: Bool { false }
}

extension Int: @retroactive MustacheCustomRenderable {
    public var renderText: String { String(self) }
    public var isNull: Bool { false }
}
