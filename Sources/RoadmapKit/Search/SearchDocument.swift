/// One entry of the search index: a section of a roadmap a query can land on.
public struct SearchDocument: Sendable, Hashable {
    /// What the entry is, as the results list names it.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case roadmap, phase, module, topic, skill, project, resource, section

        /// Structural entries rank above passing mentions of the same words.
        var boost: Double {
            switch self {
            case .phase, .module: 1.3
            case .topic: 1.25
            case .skill, .resource: 1.15
            case .project: 1.1
            case .section: 1.0
            case .roadmap: 1.05
            }
        }
    }

    public var kind: Kind
    public var title: String
    /// Where the entry is, outermost first: roadmap, phase, module, …
    public var trail: [String]
    /// "Roadmap › Phase › Module".
    public var breadcrumb: String { trail.joined(separator: SearchIndexBuilder.separator) }
    /// Plain text shown under the title, at most ``SearchIndexBuilder/excerptLength`` characters.
    public var excerpt: String
    /// The page and anchor, relative to the site root: `mlops-engineer/index.html#kubernetes`.
    public var url: String
}

/// The searchable words of one document, counted per field.
struct SearchTermCount: Sendable, Hashable {
    /// Index into the batch's vocabulary.
    var term: UInt32
    var title: UInt16
    var breadcrumb: UInt16
    var body: UInt16
}

/// The search documents of one roadmap with their term counts, made concurrently per roadmap
/// and merged in site order by ``SearchIndexWriter``. Holds no page text beyond the excerpts.
struct SearchDocumentBatch: Sendable {
    var documents: [SearchDocument] = []
    /// The distinct terms of this batch.
    var vocabulary: [String] = []
    /// Every document's terms, one after another: document `i`'s are `termCounts[termEnds[i-1]..<termEnds[i]]`.
    /// One flat array instead of an array per document: a 10,000-roadmap site has a million documents.
    private(set) var termCounts: [SearchTermCount] = []
    private var termEnds: [UInt32] = []
    /// Per document: token counts of title, breadcrumb and body.
    var lengths: [(UInt16, UInt16, UInt16)] = []

    private var termIndex: [String: UInt32] = [:]
    /// Scratch: a term's slot among the current document's counts.
    private var slots: [UInt32: Int] = [:]
    /// The last breadcrumb trail tokenised: siblings share theirs.
    private var lastTrail: [String] = []
    private var lastTrailTokens: [String] = []

    /// Document `index`'s terms.
    func terms(of index: Int) -> ArraySlice<SearchTermCount> {
        termCounts[(index == 0 ? 0 : Int(termEnds[index - 1]))..<Int(termEnds[index])]
    }

    mutating func add(_ document: SearchDocument, tokenizer: SearchTokenizer) {
        if document.trail != lastTrail {
            lastTrail = document.trail
            lastTrailTokens = tokenizer.tokens(document.trail.joined(separator: " "))
        }
        let fields = [tokenizer.tokens(document.title), lastTrailTokens, tokenizer.tokens(document.excerpt)]
        slots.removeAll(keepingCapacity: true)
        for (field, tokens) in fields.enumerated() {
            for token in tokens {
                let id: UInt32
                if let known = termIndex[token] {
                    id = known
                } else {
                    id = UInt32(vocabulary.count)
                    vocabulary.append(token)
                    termIndex[token] = id
                }
                let slot: Int
                if let known = slots[id] {
                    slot = known
                } else {
                    slot = termCounts.count
                    slots[id] = slot
                    termCounts.append(SearchTermCount(term: id, title: 0, breadcrumb: 0, body: 0))
                }
                switch field {
                case 0: termCounts[slot].title = termCounts[slot].title &+ (termCounts[slot].title < .max ? 1 : 0)
                case 1: termCounts[slot].breadcrumb = termCounts[slot].breadcrumb &+ (termCounts[slot].breadcrumb < .max ? 1 : 0)
                default: termCounts[slot].body = termCounts[slot].body &+ (termCounts[slot].body < .max ? 1 : 0)
                }
            }
        }
        documents.append(document)
        termEnds.append(UInt32(termCounts.count))
        lengths.append((UInt16(clamping: fields[0].count), UInt16(clamping: fields[1].count), UInt16(clamping: fields[2].count)))
    }

    /// Drops the lookup tables once the batch is complete, and spare capacity, to keep memory down.
    mutating func seal() {
        termIndex = [:]
        slots = [:]
        lastTrail = []
        lastTrailTokens = []
        termCounts = Self.trimmed(termCounts)
        termEnds = Self.trimmed(termEnds)
        lengths = Self.trimmed(lengths)
        documents = Self.trimmed(documents)
    }

    /// A copy without spare capacity.
    private static func trimmed<T>(_ array: [T]) -> [T] {
        var copy: [T] = []
        copy.reserveCapacity(array.count)
        copy.append(contentsOf: array)
        return copy
    }
}
