import Foundation

/// Writes the search index: `search-index.json` and its JavaScript twin `search-index.js`
/// (`window.__roadmapSearch.add({...})`, loadable by a `<script>` tag from `file://`).
///
/// Small sites get one file holding every document and every term. Past
/// ``shardThreshold`` bytes the index is sharded: `search-index.json` becomes a manifest,
/// terms go to `search/t<N>` shards by token prefix, documents to `search/d<N>` shards of
/// ``documentsPerShard``, and long posting lists continue in `search/p<N>` chunks; every shard
/// is a `.json` + `.js` pair, loaded by the browser only when a query needs it.
///
/// Each term maps to `[documentFrequency, [doc, impact, doc, impact, …]]`, the postings ordered
/// by impact (descending, then document). An impact is a BM25F score ×100: fields weighted
/// title > breadcrumb > excerpt, times a boost for the document's kind.
struct SearchIndexWriter: Sendable {
    /// Estimated bytes above which the index is sharded.
    var shardThreshold = 1_500_000
    var documentsPerShard = 64
    /// Postings kept with the term in its shard; the rest go to continuation chunks.
    var headPostings = 120
    var chunkPostings = 2_000
    /// Postings kept per term at most: a word on most pages of a huge site keeps its best.
    var maximumPostings = 4_000
    /// A term shard larger than this is split by one more character of prefix.
    var termShardBytes = 40_000

    static let format = "roadmap-search"
    static let version = 1
    /// A document is `[kind, title, breadcrumb, excerpt, url]`: its breadcrumb a number into the
    /// file's `breadcrumbs`, its URL `[page, anchor]` with the page a number into the file's `pages`.
    static let fields = ["kind", "title", "breadcrumb", "excerpt", "url"]

    // BM25F parameters.
    static let weights = (title: 4.0, breadcrumb: 1.2, body: 0.7)
    static let lengthNormalisation = (title: 0.6, breadcrumb: 0.3, body: 0.75)
    static let k1 = 1.2
    /// Words on almost every entry still rank entries that have them in their title first.
    static let minimumIDF = 0.25

    /// What was written, for reports and tests.
    struct Summary: Sendable, Equatable {
        var documentCount: Int
        var termCount: Int
        var sharded: Bool
        var termShardCount: Int
        var documentShardCount: Int
        var postingChunkCount: Int
        /// Bytes of every index file, JSON and JavaScript together.
        var totalBytes: Int
        /// Bytes of `search-index.js` alone.
        var manifestBytes: Int
    }

    private struct Posting {
        var doc: UInt32
        var title: UInt16
        var breadcrumb: UInt16
        var body: UInt16
    }

    /// Writes the index of `batches` (in site order) through `write(contents, relativePath)`,
    /// which is called from several threads at once on big sites.
    func write(_ batches: [SearchDocumentBatch], to write: @escaping @Sendable (String, String) throws -> Void) throws
        -> Summary
    {
        // Merge the batches: global document numbers and terms.
        var termIDs: [String: Int] = [:]
        var terms: [String] = []
        var postings: [[Posting]] = []
        var lengths: [(UInt16, UInt16, UInt16)] = []
        var documents: [DocumentRef] = []
        var estimate = 0
        // Each term's postings are counted first so every list is allocated once, at its size:
        // grown by appending, a million documents' lists would hold a third more than they use.
        var listSizes: [String: Int] = [:]
        for batch in batches {
            var perTerm = [Int](repeating: 0, count: batch.vocabulary.count)
            for count in batch.termCounts { perTerm[Int(count.term)] += 1 }
            for (term, size) in zip(batch.vocabulary, perTerm) { listSizes[term, default: 0] += size }
        }
        for (batchIndex, batch) in batches.enumerated() {
            var local: [Int] = []
            local.reserveCapacity(batch.vocabulary.count)
            for term in batch.vocabulary {
                if let id = termIDs[term] {
                    local.append(id)
                } else {
                    termIDs[term] = terms.count
                    local.append(terms.count)
                    terms.append(term)
                    var list: [Posting] = []
                    list.reserveCapacity(listSizes[term] ?? 0)
                    postings.append(list)
                }
            }
            for (index, document) in batch.documents.enumerated() {
                let doc = UInt32(documents.count)
                documents.append(DocumentRef(batch: batchIndex, index: index))
                lengths.append(batch.lengths[index])
                estimate += document.title.utf8.count + 20 + document.excerpt.utf8.count + document.url.utf8.count + 30
                for count in batch.terms(of: index) {
                    postings[local[Int(count.term)]].append(
                        Posting(doc: doc, title: count.title, breadcrumb: count.breadcrumb, body: count.body))
                    estimate += 12
                }
            }
        }
        termIDs = [:]
        listSizes = [:]

        let model = ImpactModel(lengths: lengths, boosts: documents.map { batches[$0.batch].documents[$0.index].kind.boost })
        lengths = []
        let store = DocumentStore(batches: batches, documents: documents)
        var header = "\"format\":\"\(Self.format)\",\"version\":\(Self.version),\"tokenizer\":\"nfkc-fold-cjk-bigrams\","
        header += "\"fields\":[" + Self.fields.map { "\"\($0)\"" }.joined(separator: ",") + "],"
        header += "\"documentCount\":\(documents.count),"
        let order = terms.indices.sorted { terms[$0] < terms[$1] }

        if estimate <= shardThreshold {
            var body = header + "\"sharded\":false,"
            store.json(documents.indices, into: &body)
            body += ",\"terms\":{"
            for (position, id) in order.enumerated() {
                if position > 0 { body += ",\n" }
                JSONWriter.quote(terms[id], into: &body)
                body += ":[\(postings[id].count),"
                Self.postingsJSON(model.ranked(postings[id])[...], into: &body)
                body += "]"
            }
            body += "}"
            let bytes = try Self.emit("index", body, write)
            return Summary(documentCount: documents.count, termCount: terms.count, sharded: false, termShardCount: 0,
                           documentShardCount: 0, postingChunkCount: 0, totalBytes: bytes,
                           manifestBytes: body.utf8.count + 40)
        }

        // Documents, in shards of `documentsPerShard`, written concurrently.
        let perShard = documentsPerShard
        let shardStarts = Array(stride(from: 0, to: documents.count, by: perShard))
        let documentCount = documents.count
        var totalBytes = try ConcurrentMap.map(Array(shardStarts.enumerated())) { number, start in
            var body = "\"first\":\(start),"
            store.json(start..<min(start + perShard, documentCount), into: &body)
            return try Self.emit("d\(number)", body, write)
        }.reduce(0, +)

        // Terms: each entry with its best postings; the rest in continuation chunks, numbered in
        // term order before the terms are ranked concurrently.
        let head = headPostings, chunkSize = chunkPostings, maximum = maximumPostings
        var firstChunk: [Int] = []
        var chunkCount = 0
        for id in order {
            firstChunk.append(chunkCount)
            let kept = min(postings[id].count, maximum)
            if kept > head { chunkCount += (kept - head + chunkSize - 1) / chunkSize }
        }
        let chunkStarts = firstChunk
        let lists = order.map { postings[$0] }
        postings = []
        let sortedTerms = order.map { terms[$0] }
        let made = try ConcurrentMap.map(Array(lists.indices)) { position -> (String, Int) in
            let df = lists[position].count
            let list = Array(model.ranked(lists[position]).prefix(maximum))
            var entry = ""
            JSONWriter.quote(sortedTerms[position], into: &entry)
            // The document frequency, which tells search.js whether a list was cut short.
            entry += ":[\(df),"
            Self.postingsJSON(list.prefix(head), into: &entry)
            var bytes = 0
            if list.count > head {
                var chunks: [Int] = []
                var from = head, chunk = chunkStarts[position]
                while from < list.count {
                    let to = min(from + chunkSize, list.count)
                    var body = "\"postings\":"
                    Self.postingsJSON(list[from..<to], into: &body)
                    bytes += try Self.emit("p\(chunk)", body, write)
                    chunks.append(chunk)
                    chunk += 1
                    from = to
                }
                entry += ",[" + chunks.map(String.init).joined(separator: ",") + "]"
            }
            entry += "]"
            return (entry, bytes)
        }
        totalBytes += made.reduce(0) { $0 + $1.1 }
        var entries: [String: String] = [:]
        for (position, term) in sortedTerms.enumerated() { entries[term] = made[position].0 }

        // Group terms by prefix; split a group that is too large by one more character.
        var groups: [(String, [String])] = []
        func group(_ members: [String], depth: Int) {
            var byKey: [String: [String]] = [:]
            for term in members { byKey[Self.prefix(term, depth), default: []].append(term) }
            for key in byKey.keys.sorted() {
                let terms = byKey[key]!
                let bytes = terms.reduce(0) { $0 + entries[$1]!.utf8.count }
                let longer = terms.filter { $0.unicodeScalars.count > depth }
                if bytes > termShardBytes, !longer.isEmpty, depth < 8 {
                    let exact = terms.filter { $0.unicodeScalars.count <= depth }
                    if !exact.isEmpty { groups.append((key, exact)) }
                    group(longer, depth: depth + 1)
                } else {
                    groups.append((key, terms))
                }
            }
        }
        group(sortedTerms, depth: 2)
        groups.sort { $0.0 < $1.0 }
        var manifestShards = ""
        for (number, (key, members)) in groups.enumerated() {
            var body = "\"key\":"
            JSONWriter.quote(key, into: &body)
            body += ",\"terms\":{"
            body += members.sorted().map { entries[$0]! }.joined(separator: ",\n")
            body += "}"
            totalBytes += try Self.emit("t\(number)", body, write)
            if number > 0 { manifestShards += "," }
            JSONWriter.quote(key, into: &manifestShards)
            manifestShards += ":\(number)"
        }
        let manifest = header + "\"sharded\":true,\"documentsPerShard\":\(documentsPerShard),"
            + "\"documentShards\":\(shardStarts.count),\"termShards\":{" + manifestShards + "}"
        totalBytes += try Self.emit("index", manifest, write)
        return Summary(documentCount: documents.count, termCount: terms.count, sharded: true,
                       termShardCount: groups.count, documentShardCount: shardStarts.count, postingChunkCount: chunkCount,
                       totalBytes: totalBytes, manifestBytes: manifest.utf8.count + 40)
    }

    /// Writes `name` as a JSON file and its script twin; `body` is the inside of a JSON object.
    /// Returns the bytes written.
    private static func emit(_ name: String, _ body: String, _ write: (String, String) throws -> Void) throws -> Int {
        let json = "{" + body + "}\n"
        let script = "window.__roadmapSearch.add({\"shard\":\"" + name + "\"," + body + "});\n"
        let path = name == "index" ? "search-index" : "search/" + name
        try write(json, path + ".json")
        try write(script, path + ".js")
        return json.utf8.count + script.utf8.count
    }

    private static func postingsJSON(_ list: ArraySlice<(UInt32, Int)>, into out: inout String) {
        out += "["
        var first = true
        for (doc, impact) in list {
            if !first { out += "," }
            first = false
            out += String(doc); out += ","; out += String(impact)
        }
        out += "]"
    }

    private struct DocumentRef: Sendable {
        var batch: Int
        var index: Int
    }

    /// BM25F impacts of one term's postings.
    private struct ImpactModel: Sendable {
        let lengths: [(UInt16, UInt16, UInt16)]
        let boosts: [Double]
        let count: Double
        let averageTitle: Double, averageCrumb: Double, averageBody: Double

        init(lengths: [(UInt16, UInt16, UInt16)], boosts: [Double]) {
            self.lengths = lengths
            self.boosts = boosts
            count = Double(max(lengths.count, 1))
            let sum = lengths.reduce((0.0, 0.0, 0.0)) { ($0.0 + Double($1.0), $0.1 + Double($1.1), $0.2 + Double($1.2)) }
            averageTitle = max(sum.0 / count, 1)
            averageCrumb = max(sum.1 / count, 1)
            averageBody = max(sum.2 / count, 1)
        }

        /// The postings as (doc, impact), best first.
        func ranked(_ list: [Posting]) -> [(UInt32, Int)] {
            // Document frequency counts the entries a term is in the title or excerpt of: every
            // entry under "Projects" has the word in its breadcrumb, which says little about it.
            let df = Double(max(1, list.reduce(0) { $0 + ($1.title > 0 || $1.body > 0 ? 1 : 0) }))
            let idf = max(SearchIndexWriter.minimumIDF, log(1 + (count - df + 0.5) / (df + 0.5)))
            let w = SearchIndexWriter.weights, b = SearchIndexWriter.lengthNormalisation, k1 = SearchIndexWriter.k1
            var out = list.map { posting -> (UInt32, Int) in
                let length = lengths[Int(posting.doc)]
                let tf = w.title * Double(posting.title) / (1 - b.title + b.title * Double(length.0) / averageTitle)
                    + w.breadcrumb * Double(posting.breadcrumb) / (1 - b.breadcrumb + b.breadcrumb * Double(length.1) / averageCrumb)
                    + w.body * Double(posting.body) / (1 - b.body + b.body * Double(length.2) / averageBody)
                let score = idf * tf * (k1 + 1) / (tf + k1) * boosts[Int(posting.doc)]
                return (posting.doc, max(1, Int((score * 100).rounded())))
            }
            out.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            return out
        }
    }

    /// The documents' display fields, written in shards.
    private struct DocumentStore: Sendable {
        let batches: [SearchDocumentBatch]
        let documents: [DocumentRef]

        /// Documents `range` as `"pages":[…],"breadcrumbs":[…],"documents":[[kind, title, breadcrumb,
        /// excerpt, [page, anchor]], …]`. Pages and breadcrumbs repeat, so each file lists them once:
        /// a breadcrumb is a tree entry `[parent, text]` (parent -1 at the top) and a document names
        /// its innermost entry (or -1); its URL is `pages[page]`, plus `#anchor` unless empty.
        func json(_ range: Range<Int>, into out: inout String) {
            var pageNumbers: [Substring: Int] = [:]
            var pages = "\"pages\":["
            var crumbNumbers: [[String]: Int] = [:]
            var crumbs = "\"breadcrumbs\":["
            func crumbNumber(_ trail: ArraySlice<String>) -> Int {
                guard let last = trail.last else { return -1 }
                if let known = crumbNumbers[Array(trail)] { return known }
                let parent = crumbNumber(trail.dropLast())
                let assigned = crumbNumbers.count
                crumbNumbers[Array(trail)] = assigned
                if assigned > 0 { crumbs += "," }
                crumbs += "[\(parent),"
                JSONWriter.quote(last, into: &crumbs)
                crumbs += "]"
                return assigned
            }
            var list = "\"documents\":["
            for number in range {
                let ref = documents[number]
                let document = batches[ref.batch].documents[ref.index]
                let crumb = crumbNumber(document.trail[...])
                if number > range.lowerBound { list += ",\n" }
                list += "["
                JSONWriter.quote(document.kind.rawValue, into: &list); list += ","
                JSONWriter.quote(document.title, into: &list); list += ",\(crumb),"
                JSONWriter.quote(document.excerpt, into: &list); list += ","
                let url = document.url
                let hash = url.firstIndex(of: "#")
                let page = url[..<(hash ?? url.endIndex)]
                let pageNumber: Int
                if let known = pageNumbers[page] {
                    pageNumber = known
                } else {
                    pageNumber = pageNumbers.count
                    pageNumbers[page] = pageNumber
                    if pageNumber > 0 { pages += "," }
                    JSONWriter.quote(String(page), into: &pages)
                }
                list += "[\(pageNumber),"
                JSONWriter.quote(hash.map { String(url[url.index(after: $0)...]) } ?? "", into: &list)
                list += "]]"
            }
            out += pages + "],\n" + crumbs + "],\n" + list + "]"
        }
    }

    /// The first `length` Unicode scalars of `term`, as `search.js` cuts them.
    static func prefix(_ term: String, _ length: Int) -> String {
        var out = String.UnicodeScalarView()
        for scalar in term.unicodeScalars.prefix(length) { out.append(scalar) }
        return String(out)
    }
}

