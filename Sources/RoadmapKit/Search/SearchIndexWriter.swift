import Foundation

/// Writes the search index: `search-index.json` and its JavaScript twin `search-index.js`
/// (`window.__roadmapSearch.add({...})`, loadable by a `<script>` tag from `file://`).
///
/// Small sites get one file holding every document and every term. Past
/// ``shardThreshold`` bytes the index is sharded: `search-index.json` becomes a manifest,
/// terms go to `search/t<N>` shards by token prefix, documents to `search/d<N>` shards of
/// ``documentsPerShard`` numbers (document `n` in shard `n / documentsPerShard`), and long
/// posting lists continue in `search/p<N>` chunks. A shard is a `.js` file only (the browser
/// loads it with a `<script>` tag when a query needs it; a tool reads the JSON object inside
/// `window.__roadmapSearch.add(…)`): a JSON twin of each doubled the files of the site's index,
/// 7,031 more files at 10,000 roadmaps, and nothing read them.
///
/// Documents are grouped in parts, one per roadmap (split where a shard ends): `[first, page,
/// breadcrumbs, documents]`, so a page and its breadcrumb tree are written once per part.
/// Each term maps to `[postingCount, [gap, impact, gap, impact, …], chunks]`: the term's best
/// postings by impact, written in document order as gaps from the previous document (from 0 at
/// the start of each list and of each chunk). An impact ranks in tiers (``ImpactModel``): the
/// term in the title of a place (roadmap, phase, section, …), in the title of a resource or
/// skill, elsewhere; within a tier by a BM25F score (fields weighted title > breadcrumb >
/// excerpt, times a boost for the document's kind).
///
/// Everything is written as bytes, straight from the batches: terms are merged by their bytes,
/// each term keeps at most ``maximumPostings`` postings while they are read (a bounded heap), so
/// memory holds the kept postings, not every posting of the site.
struct SearchIndexWriter: Sendable {
    /// Estimated bytes above which the index is sharded.
    var shardThreshold = 1_500_000
    var documentsPerShard = 256
    /// Postings kept with the term in its shard; the rest go to continuation chunks.
    var headPostings = 120
    var chunkPostings = 2_000
    /// Postings kept per term at most: a word on most pages of a huge site keeps its best.
    var maximumPostings = 4_000
    /// A term shard larger than this is split by one more character of prefix.
    var termShardBytes = 40_000

    static let format = "roadmap-search"
    static let version = 3
    /// A document is `[kind, title, breadcrumb, excerpt, anchor]`: its kind a number into the
    /// index's `kinds`, its breadcrumb a number into its part's breadcrumbs, its anchor a string,
    /// or `1` when it is the title lower-cased, spaces as hyphens, other than `[a-z0-9_-]` dropped,
    /// or `[prefix, suffix]` around that (see ``SearchDocumentBatch/appendAnchor(_:title:to:)``).
    static let fields = ["kind", "title", "breadcrumb", "excerpt", "anchor"]

    // BM25F parameters.
    static let weights = (title: 4.0, breadcrumb: 1.2, body: 0.7)
    static let lengthNormalisation = (title: 0.6, breadcrumb: 0.3, body: 0.75)
    static let k1 = 1.2
    /// Words on almost every entry still rank entries that have them in their title first.
    static let minimumIDF = 0.25
    /// Query words `search.js` drops (unless one is the word being typed): written in the index.
    static let stopWords = ["a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does", "for", "from", "how", "i",
                            "in", "is", "it", "my", "of", "on", "or", "should", "the", "to", "what", "when", "where", "which",
                            "who", "why", "with", "long", "much", "many", "get", "about", "best"]
    /// Impact tiers: a term in the title of a place (roadmap, phase, module, topic, project,
    /// section) or of a listed entry (resource, skill); the BM25F score stays below 1,000.
    static let titleTier = 2_000
    static let entryTitleTier = 1_000
    /// The BM25F score that is half of the squeezed range (scores run from about 0.1 to 40).
    static let scoreScale = 8.0

    /// What was written, for tests.
    struct Summary: Sendable, Equatable {
        var documentCount: Int
        var sharded: Bool
        var termShardCount: Int
        var documentShardCount: Int
        var postingChunkCount: Int
    }

    /// Receives each file's bytes and its path relative to the site root; called from several
    /// threads at once on big sites.
    typealias Sink = @Sendable ([UInt8], String) throws -> Void

    /// A kept posting: global document number and impact.
    struct Scored: Sendable {
        var doc: UInt32
        var impact: UInt32
    }

    /// Writes the index of `batches` (in site order) through `write`.
    func write(_ batches: [SearchDocumentBatch], to write: Sink) throws -> Summary {
        // Pass 1: the site's terms, each batch's term numbers in them, list sizes, document
        // frequencies and field lengths.
        var terms = SearchTermTable(capacity: 4096)
        var maps: [[UInt32]] = []
        maps.reserveCapacity(batches.count)
        var sizes: [Int] = [], frequencies: [Int] = []
        var sums = (0.0, 0.0, 0.0)
        var starts: [Int] = []
        var documentCount = 0
        var displayBytes = 0
        for batch in batches {
            var map: [UInt32] = []
            map.reserveCapacity(batch.vocabulary.count)
            // Each batch counted its terms' postings and frequencies as it was made (document
            // frequency counts the entries a term is in the title or excerpt of: every entry
            // under "Projects" has the word in its breadcrumb, which says little), so the postings
            // themselves are read once, in pass 2.
            for local in 0..<batch.vocabulary.count {
                let id = batch.vocabulary.withTerm(local) { terms.intern($0) }
                if Int(id) == sizes.count {
                    sizes.append(0)
                    frequencies.append(0)
                }
                map.append(id)
                sizes[Int(id)] += Int(batch.termPostings[local])
                frequencies[Int(id)] += Int(batch.termFrequencies[local])
            }
            // Whole numbers well below 2^53: the sums are exact, in any order.
            sums.0 += Double(batch.lengthSums.title)
            sums.1 += Double(batch.lengthSums.breadcrumb)
            sums.2 += Double(batch.lengthSums.excerpt)
            documentCount += batch.count
            displayBytes += batch.displayBytes + batch.count + batch.page.utf8.count + 16
            maps.append(map)
        }
        terms.seal()
        let estimate = displayBytes + 8 * sizes.reduce(0) { $0 + min($1, maximumPostings) }
        let sharded = estimate > shardThreshold
        // Document numbers: one after another; sharded, a roadmap that would straddle two shards
        // while it fits in one starts the next, so a shard holds whole roadmaps, each with its
        // breadcrumb tree once (the numbers it skips belong to no document).
        var next = 0
        for batch in batches {
            if sharded, batch.count <= documentsPerShard, next % documentsPerShard + batch.count > documentsPerShard {
                next += documentsPerShard - next % documentsPerShard
            }
            starts.append(next)
            next += batch.count
        }

        // Pass 2: impacts, each term keeping its best `maximumPostings`.
        let model = ImpactModel(documentCount: documentCount, sums: sums)
        let idf = frequencies.map(model.idf)
        let maximum = maximumPostings
        let kinds = SearchDocument.Kind.allCases
        var lists: [[Scored]] = sizes.map { size in
            var list: [Scored] = []
            list.reserveCapacity(min(size, maximum))
            return list
        }
        for (number, batch) in batches.enumerated() {
            let map = maps[number], base = starts[number]
            var current = -1
            var norms = (0.0, 0.0, 0.0), kind = SearchDocument.Kind.section
            batch.forEachPosting { local, term, title, crumb, excerpt in
                if local != current {
                    current = local
                    norms = model.norms(batch.lengths[3 * local], batch.lengths[3 * local + 1], batch.lengths[3 * local + 2])
                    kind = kinds[Int(batch.kinds[local])]
                }
                let id = Int(map[term])
                let impact = model.impact(idf: idf[id], title, crumb, excerpt, norms: norms, kind: kind)
                let posting = Scored(doc: UInt32(base + local), impact: UInt32(impact))
                if sizes[id] <= maximum {
                    lists[id].append(posting)
                } else {
                    Self.keep(posting, in: &lists[id], limit: maximum)
                }
            }
        }
        maps = []
        let order = (0..<terms.count).sorted { terms.precedes($0, $1) }

        var header: [UInt8] = []
        header.append("\"format\":")
        JSONWriter.string(Self.format, into: &header)
        header.append(",\"version\":")
        header.append(decimal: Self.version)
        header.append(",\"tokenizer\":\"nfkc-fold-cjk-bigrams\",\"fields\":")
        Self.stringArray(Self.fields, into: &header)
        header.append(",\"stopWords\":")
        Self.stringArray(Self.stopWords, into: &header)
        header.append(",\"kinds\":")
        Self.stringArray(SearchDocument.Kind.allCases.map(\.rawValue), into: &header)
        header.append(",\"documentCount\":")
        header.append(decimal: documentCount)
        header.append(",")

        if !sharded {
            var body = header
            body.append("\"sharded\":false,")
            Self.roadmapsJSON(batches, starts: starts, into: &body)
            body.append(",\"parts\":[")
            for (number, batch) in batches.enumerated() {
                if number > 0 { body.append(0x2C) }
                body.append(0x0A)
                try Self.part(batch, 0..<batch.count, first: starts[number], into: &body)
            }
            body.append("],\n\"terms\":{")
            for (position, id) in order.enumerated() {
                if position > 0 { body.append(",\n") }
                terms.withTerm(id) { JSONWriter.string($0, into: &body) }
                body.append(":[")
                body.append(decimal: sizes[id])
                body.append(0x2C)
                Self.postingsJSON(lists[id][...], into: &body)
                body.append(0x5D)
            }
            body.append(0x7D)
            try Self.emit("index", body, write)
            return Summary(documentCount: documentCount, sharded: false, termShardCount: 0, documentShardCount: 0,
                           postingChunkCount: 0)
        }

        // Documents, in shards of `documentsPerShard`, written concurrently.
        let perShard = documentsPerShard
        let shardCount = (next + perShard - 1) / perShard
        let batchStarts = starts, total = next
        _ = try ConcurrentMap.map(Array(0..<shardCount)) { shard in
            let from = shard * perShard, to = min(from + perShard, total)
            // The last batch starting at or before `from`, then every batch until `to`.
            var number = Self.batch(containing: from, starts: batchStarts)
            var body: [UInt8] = []
            body.reserveCapacity(perShard * 120)
            body.append("\"parts\":[")
            var first = true
            while number < batches.count, batchStarts[number] < to {
                let start = batchStarts[number], batch = batches[number]
                let range = max(from - start, 0)..<min(to - start, batch.count)
                if !range.isEmpty {
                    if !first { body.append(0x2C) }
                    first = false
                    body.append(0x0A)
                    try Self.part(batch, range, first: start + range.lowerBound, into: &body)
                }
                number += 1
            }
            body.append(0x5D)
            try Self.emit("d\(shard)", body, write)
        }

        // Terms: each entry with its best postings; the rest in continuation chunks, numbered in
        // term order before the terms are written concurrently.
        let head = headPostings, chunkSize = chunkPostings
        var firstChunk: [Int] = []
        firstChunk.reserveCapacity(order.count)
        var chunkCount = 0
        for id in order {
            firstChunk.append(chunkCount)
            let kept = lists[id].count
            if kept > head { chunkCount += (kept - head + chunkSize - 1) / chunkSize }
        }
        let chunkStarts = firstChunk, keptLists = lists, sortedTerms = terms, listSizes = sizes
        lists = []
        let made = try ConcurrentMap.map(Array(order.indices)) { position -> [UInt8] in
            let id = order[position]
            // Lists short enough to go whole came in document order and need no ranking.
            let list = keptLists[id].count <= head ? keptLists[id] : Self.ranked(keptLists[id])
            var entry: [UInt8] = []
            sortedTerms.withTerm(id) { JSONWriter.string($0, into: &entry) }
            // The posting count, which tells search.js whether a list was cut short.
            entry.append(":[")
            entry.append(decimal: listSizes[id])
            entry.append(0x2C)
            Self.postingsJSON(list.prefix(head), into: &entry)
            if list.count > head {
                entry.append(",[")
                var from = head, chunk = chunkStarts[position]
                while from < list.count {
                    let to = min(from + chunkSize, list.count)
                    var body: [UInt8] = []
                    body.append("\"postings\":")
                    Self.postingsJSON(list[from..<to], into: &body)
                    try Self.emit("p\(chunk)", body, write)
                    if from > head { entry.append(0x2C) }
                    entry.append(decimal: chunk)
                    chunk += 1
                    from = to
                }
                entry.append(0x5D)
            }
            entry.append(0x5D)
            return entry
        }

        // Group terms by prefix; split a group that is too large by one more character.
        var groups: [(String, [Int])] = []
        func group(_ members: [Int], depth: Int) {
            var byKey: [String: [Int]] = [:]
            for position in members {
                byKey[Self.prefix(sortedTerms.string(order[position]), depth), default: []].append(position)
            }
            for key in byKey.keys.sorted() {
                let positions = byKey[key]!
                let bytes = positions.reduce(0) { $0 + made[$1].count }
                let longer = positions.filter { sortedTerms.string(order[$0]).unicodeScalars.count > depth }
                if bytes > termShardBytes, !longer.isEmpty, depth < 8 {
                    let exact = positions.filter { sortedTerms.string(order[$0]).unicodeScalars.count <= depth }
                    if !exact.isEmpty { groups.append((key, exact)) }
                    group(longer, depth: depth + 1)
                } else {
                    groups.append((key, positions))
                }
            }
        }
        group(Array(order.indices), depth: 2)
        groups.sort { $0.0 < $1.0 }
        var manifestShards: [UInt8] = []
        for (number, (key, positions)) in groups.enumerated() {
            var body: [UInt8] = []
            body.append("\"key\":")
            JSONWriter.string(key, into: &body)
            body.append(",\"terms\":{")
            // Positions are in term order, and each group keeps them so.
            for (index, position) in positions.sorted().enumerated() {
                if index > 0 { body.append(",\n") }
                body.append(contentsOf: made[position])
            }
            body.append(0x7D)
            try Self.emit("t\(number)", body, write)
            if number > 0 { manifestShards.append(0x2C) }
            JSONWriter.string(key, into: &manifestShards)
            manifestShards.append(0x3A)
            manifestShards.append(decimal: number)
        }
        var manifest = header
        manifest.append("\"sharded\":true,\"documentsPerShard\":")
        manifest.append(decimal: perShard)
        manifest.append(",\"documentShards\":")
        manifest.append(decimal: shardCount)
        manifest.append(",\"termShards\":{")
        manifest.append(contentsOf: manifestShards)
        manifest.append(0x7D)
        try Self.emit("index", manifest, write)
        var roadmaps: [UInt8] = []
        Self.roadmapsJSON(batches, starts: starts, into: &roadmaps)
        try Self.emit("roadmaps", roadmaps, write)
        return Summary(documentCount: documentCount, sharded: true, termShardCount: groups.count,
                       documentShardCount: shardCount, postingChunkCount: chunkCount)
    }

    /// Writes `name` as a script (`window.__roadmapSearch.add({"shard":name,…})`) and, for the
    /// index itself, as a JSON file too, for tools and hosts; `body` is the inside of a JSON object.
    private static func emit(_ name: String, _ body: [UInt8], _ write: Sink) throws {
        var script: [UInt8] = []
        script.reserveCapacity(body.count + 60)
        script.append("window.__roadmapSearch.add({\"shard\":\"")
        script.append(contentsOf: name.utf8)
        script.append("\",")
        script.append(contentsOf: body)
        script.append("});\n")
        guard name == "index" else { return try write(script, "search/" + name + ".js") }
        var json: [UInt8] = []
        json.reserveCapacity(body.count + 2)
        json.append(0x7B)
        json.append(contentsOf: body)
        json.append("}\n")
        try write(json, "search-index.json")
        try write(script, "search-index.js")
    }

    /// `"roadmaps":[[first,"label"],…]`: each batch's first document number and label, in order,
    /// so that the results page can tell every result's roadmap (a batch's documents run up to
    /// the next batch's first) without loading the documents.
    private static func roadmapsJSON(_ batches: [SearchDocumentBatch], starts: [Int], into out: inout [UInt8]) {
        out.append("\"roadmaps\":[")
        for (number, batch) in batches.enumerated() {
            if number > 0 { out.append(0x2C) }
            out.append(0x5B)
            out.append(decimal: starts[number])
            out.append(0x2C)
            JSONWriter.string(batch.label, into: &out)
            out.append(0x5D)
        }
        out.append(0x5D)
    }

    /// Documents `range` of `batch` as a part: `[first,"page",breadcrumbs,[document,…]]`.
    private static func part(_ batch: SearchDocumentBatch, _ range: Range<Int>, first: Int, into out: inout [UInt8]) throws {
        let (crumbs, documents) = try batch.display()
        out.append(0x5B)
        out.append(decimal: first)
        out.append(0x2C)
        JSONWriter.string(batch.page, into: &out)
        out.append(0x2C)
        out.append(contentsOf: crumbs)
        out.append(",[")
        for index in range {
            if index > range.lowerBound { out.append(0x2C) }
            let bytes = batch.documentRange(index)
            out.append(contentsOf: documents[(documents.startIndex + bytes.lowerBound)..<(documents.startIndex + bytes.upperBound)])
        }
        out.append("]]")
    }

    /// The batch holding global document `document`.
    private static func batch(containing document: Int, starts: [Int]) -> Int {
        var low = 0, high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= document { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// `list` best first: impact descending, then document.
    static func ranked(_ list: [Scored]) -> [Scored] {
        // Sorted as integers: impact descending in the high half, document ascending in the low.
        var keys = list.map { UInt64(UInt32.max - $0.impact) << 32 | UInt64($0.doc) }
        keys.sort()
        return keys.map { Scored(doc: UInt32(truncatingIfNeeded: $0), impact: UInt32.max - UInt32($0 >> 32)) }
    }

    /// Keeps `posting` in `heap` if it is among the best `limit` seen: a min-heap whose top is the
    /// worst kept posting. Postings come in document order, so a tie with the worst never replaces
    /// it: the lower document stays, as ``ranked(_:)`` would keep it.
    static func keep(_ posting: Scored, in heap: inout [Scored], limit: Int) {
        @inline(__always) func worse(_ a: Scored, _ b: Scored) -> Bool {
            a.impact != b.impact ? a.impact < b.impact : a.doc > b.doc
        }
        if heap.count < limit {
            heap.append(posting)
            var child = heap.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard worse(heap[child], heap[parent]) else { break }
                heap.swapAt(child, parent)
                child = parent
            }
            return
        }
        guard posting.impact > heap[0].impact else { return }
        heap[0] = posting
        var parent = 0
        let count = heap.count
        while true {
            let left = 2 * parent + 1, right = left + 1
            var worst = parent
            if left < count, worse(heap[left], heap[worst]) { worst = left }
            if right < count, worse(heap[right], heap[worst]) { worst = right }
            if worst == parent { break }
            heap.swapAt(parent, worst)
            parent = worst
        }
    }

    /// A segment of postings in document order, as gaps: `[gap,impact,gap,impact,…]`.
    private static func postingsJSON(_ list: ArraySlice<Scored>, into out: inout [UInt8]) {
        var keys: [UInt64] = []
        keys.reserveCapacity(list.count)
        var ordered = true, last = -1
        for posting in list {
            if Int(posting.doc) <= last { ordered = false }
            last = Int(posting.doc)
            keys.append(UInt64(posting.doc) << 32 | UInt64(posting.impact))
        }
        if !ordered { keys.sort() }
        // Written into a buffer sized up front (at most 10 digits, a comma, 10 digits and a comma
        // a posting, and the brackets): appended a digit at a time, the postings of the
        // 100-roadmap build took 91 million instructions rather than 51 million (callgrind).
        let bytes = [UInt8](unsafeUninitializedCapacity: keys.count * 22 + 2) { buffer, count in
            let base = buffer.baseAddress!
            var at = 0
            base[at] = 0x5B
            at += 1
            var previous: UInt64 = 0
            for key in keys {
                let doc = key >> 32
                digits(UInt(doc - previous), into: base, at: &at)
                base[at] = 0x2C
                at += 1
                digits(UInt(key & 0xFFFF_FFFF), into: base, at: &at)
                base[at] = 0x2C
                at += 1
                previous = doc
            }
            if keys.isEmpty { at += 1 }
            base[at - 1] = 0x5D
            count = at
        }
        out.append(contentsOf: bytes)
    }

    /// Writes the decimal digits of `value` at `at`, which moves past them; the buffer has room
    /// for 20 more bytes.
    @inline(__always)
    private static func digits(_ value: UInt, into buffer: UnsafeMutablePointer<UInt8>, at: inout Int) {
        var length = 1, rest = value / 10
        while rest > 0 { length += 1; rest /= 10 }
        var position = at + length - 1, remaining = value
        repeat {
            buffer[position] = 0x30 + UInt8(remaining % 10)
            remaining /= 10
            position -= 1
        } while remaining > 0
        at += length
    }

    private static func stringArray(_ strings: [String], into out: inout [UInt8]) {
        out.append(0x5B)
        for (index, string) in strings.enumerated() {
            if index > 0 { out.append(0x2C) }
            JSONWriter.string(string, into: &out)
        }
        out.append(0x5D)
    }

    /// BM25F impacts.
    struct ImpactModel: Sendable {
        let count: Double
        let averageTitle: Double, averageCrumb: Double, averageBody: Double

        init(documentCount: Int, sums: (Double, Double, Double)) {
            count = Double(max(documentCount, 1))
            averageTitle = max(sums.0 / count, 1)
            averageCrumb = max(sums.1 / count, 1)
            averageBody = max(sums.2 / count, 1)
        }

        func idf(_ frequency: Int) -> Double {
            let df = Double(max(1, frequency))
            return max(SearchIndexWriter.minimumIDF, log(1 + (count - df + 0.5) / (df + 0.5)))
        }

        /// A document's length normalisation for each field.
        func norms(_ title: UInt16, _ crumb: UInt16, _ body: UInt16) -> (Double, Double, Double) {
            let b = SearchIndexWriter.lengthNormalisation
            return (1 - b.title + b.title * Double(title) / averageTitle,
                    1 - b.breadcrumb + b.breadcrumb * Double(crumb) / averageCrumb,
                    1 - b.body + b.body * Double(body) / averageBody)
        }

        /// A posting's impact: its tier (``titleTier`` for a term in the title of a place,
        /// ``entryTitleTier`` in the title of a resource or skill, 0 elsewhere) plus its BM25F
        /// score squeezed into 1…999, so that a query's words, summed, rank every document
        /// with them in its title above those that only mention them, and places above resources.
        func impact(idf: Double, _ title: Int, _ crumb: Int, _ body: Int, norms: (Double, Double, Double),
                    kind: SearchDocument.Kind) -> Int
        {
            let w = SearchIndexWriter.weights, k1 = SearchIndexWriter.k1
            let tf = w.title * Double(title) / norms.0 + w.breadcrumb * Double(crumb) / norms.1
                + w.body * Double(body) / norms.2
            let score = idf * tf * (k1 + 1) / (tf + k1) * kind.boost
            let squeezed = max(1, Int((999 * score / (score + SearchIndexWriter.scoreScale)).rounded()))
            guard title > 0 else { return squeezed }
            return (kind.isPlace ? SearchIndexWriter.titleTier : SearchIndexWriter.entryTitleTier) + squeezed
        }
    }

    /// The first `length` Unicode scalars of `term`, as `search.js` cuts them.
    static func prefix(_ term: String, _ length: Int) -> String {
        var out = String.UnicodeScalarView()
        for scalar in term.unicodeScalars.prefix(length) { out.append(scalar) }
        return String(out)
    }
}
