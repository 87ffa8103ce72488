import Foundation
import RoadmapMarkdown
import Yams

/// Authors' word on cross-links: `Content/glossary.yml` maps a term to its aliases (a list or one
/// string) or to `nolink`; a roadmap's front matter `aliases:` adds entries written `alias: term`.
public struct Glossary: Sendable, Hashable {
    /// Alias (lowercased) → the term it stands for (lowercased).
    public var aliases: [String: String] = [:]
    /// Terms never to link, lowercased.
    public var vetoed: Set<String> = []

    public init(aliases: [String: String] = [:], vetoed: Set<String> = []) {
        self.aliases = aliases
        self.vetoed = vetoed
    }

    static func parse(_ text: String, file: String) -> (Glossary, [Diagnostic]) {
        var glossary = Glossary()
        let loaded: Any?
        do {
            loaded = try YAMLLoader.load(text)
        } catch {
            return (glossary, [FrontMatterReader.diagnostic(for: error, file: file, lineOffset: 0)])
        }
        guard let map = loaded as? [String: Any] else {
            if loaded == nil { return (glossary, []) }
            return (glossary, [.warning("glossary.shape", "glossary is not a mapping of terms to aliases; ignoring it",
                                        file: file, at: SourceLocation(line: 1, column: 1))])
        }
        var diagnostics: [Diagnostic] = []
        for (term, value) in map.sorted(by: { $0.key < $1.key }) {
            let key = term.lowercased().trimmingSpaces()
            if let flag = value as? String, flag.lowercased() == "nolink" {
                glossary.vetoed.insert(key)
            } else if let flag = value as? Bool, flag == false {
                glossary.vetoed.insert(key)
            } else if let list = value as? [Any] {
                for alias in list { glossary.aliases["\(alias)".lowercased()] = key }
            } else if let single = value as? String {
                glossary.aliases[single.lowercased()] = key
            } else if !(value is NSNull) {
                diagnostics.append(.warning(
                    "glossary.shape", "glossary term '\(term)' should map to a list of aliases or to 'nolink'",
                    file: file, at: SourceLocation(line: 1, column: 1)))
            }
        }
        return (glossary, diagnostics)
    }

    /// This glossary with a roadmap's front matter `aliases:` entries (`"k8s: Kubernetes"`, `"Kubernetes: nolink"`).
    func adding(frontMatterAliases entries: [String]) -> Glossary {
        var copy = self
        for entry in entries {
            var separator: Range<String.Index>?
            for candidate in ["=>", "→", "=", ":"] where separator == nil { separator = entry.range(of: candidate) }
            guard let separator else { continue }
            let left = entry[..<separator.lowerBound].trimmingSpaces().lowercased()
            let right = entry[separator.upperBound...].trimmingSpaces().lowercased()
            guard !left.isEmpty, !right.isEmpty else { continue }
            if right == "nolink" { copy.vetoed.insert(left) } else { copy.aliases[left] = right }
        }
        return copy
    }
}
