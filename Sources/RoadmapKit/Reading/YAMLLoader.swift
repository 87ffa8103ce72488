import Foundation
import Yams

/// Loads the YAML of front matter, `site.yml` and `glossary.yml` with Yams, within bounds Yams
/// does not keep:
///
/// - **Aliases.** Yams puts an alias's node wherever the alias is used, so nine lines of nested
///   aliases stand for 10⁹ values: a 435-byte front matter took 2 GB and more than 20 s. Hashing
///   a mapping key that is an alias expands it too, while Yams is still reading. So the text may
///   use at most `maxAliases` aliases (counted before Yams sees it), and what Yams composes may
///   hold at most `valueBudget(for:)` values once its aliases are expanded (counted on the tree,
///   stopping at the bound).
/// - **Keys that are not text.** Yams stops the process when it makes a dictionary from a
///   mapping with a list or mapping as a key (`? [a, b]`).
///
/// Nesting is bounded by libyaml itself (1,000 levels, a YAML error).
enum YAMLLoader {
    static let maxAliases = 16

    /// Values an expanded tree may hold: as many as the text has bytes, and some room.
    static func valueBudget(for text: String) -> Int { 10_000 + text.utf8.count }

    /// Why YAML was not loaded, at its place in the text (line and column from 1, as Yams' marks).
    struct LimitExceeded: Error, Equatable {
        var id: String
        var message: String
        var line: Int
        var column: Int
    }

    /// The YAML as Swift values (`[String: Any]`, `[Any]`, `String`, `Int`…); nil for an empty document.
    static func load(_ text: String) throws -> Any? {
        try compose(text)?.any
    }

    /// The YAML's tree, checked against the bounds; nil for an empty document.
    static func compose(_ text: String) throws -> Node? {
        try checkAliasCount(text)
        // The resolver and constructor given: `.default` reads the environment on each call.
        guard let node = try Parser(yaml: text, resolver: .default, constructor: .default, encoding: .utf8).singleRoot() else {
            return nil
        }
        try checkExpandedTree(node, budget: valueBudget(for: text))
        return node
    }

    /// Counts the places where an alias may start: a `*` at the start of a line or after a space,
    /// a tab or one of `[{,:`, followed by a character of a name. This counts some `*` that YAML
    /// reads as text (`a *b` in quotes), never fewer than the aliases there are.
    static func checkAliasCount(_ text: String) throws {
        var count = 0
        var line = 1
        var column = 1
        var previous: UInt8 = 0x0A
        var iterator = text.utf8.makeIterator()
        var current = iterator.next()
        while let byte = current {
            let next = iterator.next()
            if byte == UInt8(ascii: "*"), Self.precedesNode(previous), let next, Self.isNameByte(next) {
                count += 1
                if count > maxAliases {
                    throw LimitExceeded(
                        id: "yaml.aliases",
                        message: "uses more than \(maxAliases) aliases ('*name'), which could stand for more values than memory holds",
                        line: line, column: column)
                }
            }
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1  // a character's first byte
            }
            previous = byte
            current = next
        }
    }

    private static func precedesNode(_ byte: UInt8) -> Bool {
        byte == 0x0A || byte == 0x0D || byte == 0x20 || byte == 0x09
            || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ":")
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        !(byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
            || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]")
            || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}"))
    }

    /// Walks the tree as Yams' values will be made from it (an alias's node once per use), and
    /// stops when it holds more than `budget` values or a mapping key is not a scalar.
    static func checkExpandedTree(_ root: Node, budget: Int) throws {
        var remaining = budget - 1
        var pending = [root]
        while let node = pending.popLast() {
            switch node {
            case .scalar, .alias:
                continue
            case .sequence(let sequence):
                remaining -= sequence.count
                try checkRemaining(remaining, budget: budget, at: node)
                pending.append(contentsOf: sequence)
            case .mapping(let mapping):
                remaining -= 2 * mapping.count
                try checkRemaining(remaining, budget: budget, at: node)
                for (key, value) in mapping {
                    guard case .scalar = key else {
                        throw LimitExceeded(id: "yaml.key", message: "has a key that is a list or a mapping; keys are text",
                                            line: key.mark?.line ?? 1, column: key.mark?.column ?? 1)
                    }
                    pending.append(value)
                }
            }
        }
    }

    private static func checkRemaining(_ remaining: Int, budget: Int, at node: Node) throws {
        guard remaining < 0 else { return }
        throw LimitExceeded(
            id: "yaml.expansion",
            message: "stands for more than \(budget) values once its aliases are expanded (an alias repeats what it names)",
            line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }
}
