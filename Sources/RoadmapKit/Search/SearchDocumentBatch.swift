/// The search documents of one roadmap, made concurrently per roadmap and merged in site order
/// by ``SearchIndexWriter``. Kept compact, since a 10,000-roadmap site has a million documents:
/// each document's display fields are already the index's JSON, and its words are interned term
/// ids with their per-field counts packed into bytes. No `String` per word, no `String` per field.
struct SearchDocumentBatch: Sendable {
    /// The page every document is on, relative to the site root.
    let page: String
    /// What the results page's filter calls the batch: its roadmap's title, or the resource index's.
    let label: String
    /// Per document: its kind's number (``SearchDocument/Kind/number``).
    private(set) var kinds: [UInt8] = []
    var count: Int { kinds.count }
    /// Per document: the token counts of title, breadcrumb and excerpt, three numbers each.
    private(set) var lengths: [UInt16] = []
    /// The distinct terms of this batch.
    private(set) var vocabulary = SearchTermTable()
    /// Every document's distinct terms, one after another (document `i`'s end at
    /// `postingEnds[i]`): each a varint term id and a byte of field counts, two bits each for
    /// title, breadcrumb and excerpt, where 3 means the count follows as a varint.
    private(set) var postings: [UInt8] = []
    private(set) var postingEnds: [UInt32] = []
    /// Per term of ``vocabulary``: how many documents of the batch have it, and how many have it
    /// in their title or excerpt. Counted as documents are added (on the roadmap's own core),
    /// so that the site-wide writer sums these instead of reading every posting once more.
    private(set) var termPostings: [UInt32] = []
    private(set) var termFrequencies: [UInt32] = []
    /// The sums of ``lengths``: every document's title, breadcrumb and excerpt token counts.
    private(set) var lengthSums = (title: 0, breadcrumb: 0, excerpt: 0)
    /// The breadcrumb tree as JSON: `[[-1,"Roadmap"],[0,"Phase"],…]`, each entry `[parent, text]`.
    private(set) var crumbsJSON: [UInt8] = [0x5B]
    /// Each document as the index's JSON `[kind,"title",crumb,"excerpt",anchor]`, and `,uses`
    /// before the `]` for a resource used in more than one place, one after another (document
    /// `i`'s end at `documentEnds[i]`).
    private(set) var documentsJSON: [UInt8] = []
    private(set) var documentEnds: [UInt32] = []
    /// The roadmap, phase and module documents, for the no-script list of `search.html`.
    private(set) var outline: [SearchDocument] = []
    /// Where ``crumbsJSON`` and ``documentsJSON`` went when the batch was sealed with a spool
    /// (both arrays are then empty): the spool, their bytes one after the other, and the first's length.
    private var spooled: (spool: SearchSpool, range: Range<Int>, crumbs: Int)?
    /// Bytes of the breadcrumb and document JSON, spooled or not.
    private(set) var displayBytes = 0

    // While the batch is made.
    private var crumbNumbers: [CrumbKey: Int] = [:]
    private var lastTrail: [String]?
    private var lastTrailNumber = -1
    private var lastTrailTerms: [UInt32] = []
    private var recentTrails: [(trail: [String], number: Int, terms: [UInt32])] = []
    private var nextRecent = 0
    private var tally = Tally()
    /// Per breadcrumb entry: the terms of its text.
    private var crumbTerms: [[UInt32]] = []

    /// How many documents one roadmap adds to the index. Each costs about 130 bytes of index
    /// whatever its Markdown: 1 MB of one-word list items made 60,000 documents and a 7.7 MB
    /// index. 5,000 hold any roadmap a person writes (the seed has 120); the rest are left out.
    static let maximumDocuments = 5_000
    /// How many documents the batch takes: ``maximumDocuments`` for a roadmap's.
    let limit: Int
    /// How many documents were left out past ``limit``.
    private(set) var leftOut = 0

    init(page: String, label: String, limit: Int = maximumDocuments) {
        self.page = page
        self.label = label
        self.limit = limit
    }

    /// Adds a document; `title` and `excerpt` already clipped, `anchor` empty for the page itself;
    /// `uses` the number of places a resource is used in.
    mutating func add(_ kind: SearchDocument.Kind, title: String, trail: [String], excerpt: String, anchor: String,
                      uses: Int = 1, tokenizer: SearchTokenizer)
    {
        guard count < limit else {
            leftOut += 1
            return
        }
        if lastTrail != trail {
            // Siblings share a trail, and a walk goes back and forth between a few: the recent
            // ones are kept with their number and terms (compared by identity first, so cheaply).
            if let cached = recentTrails.firstIndex(where: { $0.trail == trail }) {
                (lastTrail, lastTrailNumber, lastTrailTerms) = recentTrails[cached]
            } else if let last = trail.last,
                      let parent = recentTrails.first(where: { $0.trail.count == trail.count - 1 && $0.trail.elementsEqual(trail.dropLast()) })
            {
                // A new trail one entry below a recent one (a topic's, under its module's).
                lastTrail = trail
                lastTrailNumber = entry(last, parent: parent.number, tokenizer: tokenizer)
                lastTrailTerms = parent.terms + crumbTerms[lastTrailNumber]
                remember()
            } else {
                lastTrail = trail
                let (number, terms) = crumb(trail, tokenizer: tokenizer)
                lastTrailNumber = number
                lastTrailTerms = terms
                remember()
            }
        }
        var tally = self.tally
        self.tally = Tally()
        tally.start(Int32(count + 1))
        let titleLength = Self.count(title, field: 0, tokenizer: tokenizer, vocabulary: &vocabulary, into: &tally)
        tally.fit(vocabulary.count)
        for term in lastTrailTerms { tally.note(term, field: 1) }
        let bodyLength = Self.count(excerpt, field: 2, tokenizer: tokenizer, vocabulary: &vocabulary, into: &tally)
        tally.encode(into: &postings)
        fitTermCounts()
        tally.count(postings: &termPostings, frequencies: &termFrequencies)
        self.tally = tally
        postingEnds.append(UInt32(postings.count))
        let fieldLengths = (UInt16(clamping: titleLength), UInt16(clamping: lastTrailTerms.count), UInt16(clamping: bodyLength))
        lengths.append(fieldLengths.0)
        lengths.append(fieldLengths.1)
        lengths.append(fieldLengths.2)
        lengthSums.title += Int(fieldLengths.0)
        lengthSums.breadcrumb += Int(fieldLengths.1)
        lengthSums.excerpt += Int(fieldLengths.2)
        kinds.append(kind.number)

        // [kind,"title",crumb,"excerpt",anchor]
        documentsJSON.append(0x5B)
        documentsJSON.append(decimal: Int(kind.number))
        documentsJSON.append(0x2C)
        JSONWriter.string(title, into: &documentsJSON)
        documentsJSON.append(0x2C)
        documentsJSON.append(decimal: lastTrailNumber)
        documentsJSON.append(0x2C)
        JSONWriter.string(excerpt, into: &documentsJSON)
        documentsJSON.append(0x2C)
        Self.appendAnchor(anchor, title: title, to: &documentsJSON)
        if uses > 1 {
            documentsJSON.append(0x2C)
            documentsJSON.append(decimal: uses)
        }
        documentsJSON.append(0x5D)
        documentEnds.append(UInt32(documentsJSON.count))
        if kind == .roadmap || kind == .phase || kind == .module {
            outline.append(SearchDocument(kind: kind, title: title, trail: trail, excerpt: excerpt,
                                          url: anchor.isEmpty ? page : page + "#" + anchor))
        }
    }

    /// Gives each term of ``vocabulary`` that has none yet its place in ``termPostings`` and
    /// ``termFrequencies``, at zero.
    private mutating func fitTermCounts() {
        let missing = vocabulary.count - termPostings.count
        guard missing > 0 else { return }
        termPostings.append(contentsOf: repeatElement(0, count: missing))
        termFrequencies.append(contentsOf: repeatElement(0, count: missing))
    }

    /// Counts the tokens of `text` into the current document's `field`; returns how many there were.
    private static func count(_ text: String, field: Int, tokenizer: SearchTokenizer, vocabulary: inout SearchTermTable,
                              into tally: inout Tally) -> Int
    {
        var tokens = 0
        tokenizer.forEachToken(text) { token in
            let term = vocabulary.intern(token)
            tally.note(term, field: field)
            tokens += 1
        }
        return tokens
    }

    /// The distinct terms of the document being added, with their counts per field.
    private struct Tally {
        /// Per term of the vocabulary: the document (+1) whose list holds it, and where.
        var stamps: [Int32] = []
        var slots: [Int32] = []
        var terms: [UInt32] = []
        /// Title, breadcrumb and excerpt counts of each of `terms`: one element (one append) a term.
        var counts: [FieldCounts] = []
        var stamp: Int32 = 0

        mutating func start(_ stamp: Int32) {
            self.stamp = stamp
            terms.removeAll(keepingCapacity: true)
            counts.removeAll(keepingCapacity: true)
        }

        /// Makes room for terms numbered below `count`.
        mutating func fit(_ count: Int) {
            if stamps.count < count {
                stamps.append(contentsOf: repeatElement(0, count: count - stamps.count))
                slots.append(contentsOf: repeatElement(0, count: count - slots.count))
            }
        }

        @inline(__always)
        mutating func note(_ term: UInt32, field: Int) {
            let id = Int(term)
            if id >= stamps.count { fit(max(id + 1, stamps.count * 2)) }
            if stamps[id] != stamp {
                stamps[id] = stamp
                slots[id] = Int32(terms.count)
                terms.append(term)
                counts.append(FieldCounts())
            }
            counts[Int(slots[id])].add(field)
        }

        /// Counts the document in each of its terms' posting count, and in their frequency when
        /// the term is in its title or excerpt (as ``SearchIndexWriter`` counts document frequency).
        func count(postings: inout [UInt32], frequencies: inout [UInt32]) {
            for (position, term) in terms.enumerated() {
                postings[Int(term)] += 1
                if counts[position].title > 0 || counts[position].excerpt > 0 { frequencies[Int(term)] += 1 }
            }
        }

        /// Appends each term as a varint id and a byte of counts (3 meaning a varint follows).
        /// The document's bytes are written to a buffer and appended at once, not byte by byte.
        func encode(into postings: inout [UInt8]) {
            guard !terms.isEmpty else { return }
            // At most 15 bytes a term: its id (a varint of up to five bytes), the byte of counts,
            // and three counts (varints of up to three bytes).
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 15 * terms.count) { buffer in
                var at = 0
                @inline(__always) func varint(_ value: Int) {
                    var rest = value
                    while rest >= 0x80 {
                        buffer[at] = UInt8(rest & 0x7F) | 0x80
                        at += 1
                        rest >>= 7
                    }
                    buffer[at] = UInt8(rest)
                    at += 1
                }
                for (position, term) in terms.enumerated() {
                    varint(Int(term))
                    let title = counts[position].title, crumb = counts[position].crumb, body = counts[position].excerpt
                    buffer[at] = UInt8(min(title, 3)) | UInt8(min(crumb, 3)) << 2 | UInt8(min(body, 3)) << 4
                    at += 1
                    if title >= 3 { varint(Int(title)) }
                    if crumb >= 3 { varint(Int(crumb)) }
                    if body >= 3 { varint(Int(body)) }
                }
                postings.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[0..<at]))
            }
        }
    }

    /// A term's counts in one document's title, breadcrumb and excerpt (fields 0, 1 and 2),
    /// each stopping at `UInt16.max`.
    private struct FieldCounts {
        var title: UInt16 = 0
        var crumb: UInt16 = 0
        var excerpt: UInt16 = 0

        @inline(__always)
        mutating func add(_ field: Int) {
            switch field {
            case 0: if title < .max { title += 1 }
            case 1: if crumb < .max { crumb += 1 }
            default: if excerpt < .max { excerpt += 1 }
            }
        }
    }

    /// Keeps the current trail among the recent ones.
    private mutating func remember() {
        let recent = (trail: lastTrail ?? [], number: lastTrailNumber, terms: lastTrailTerms)
        if recentTrails.count < 8 {
            recentTrails.append(recent)
        } else {
            recentTrails[nextRecent] = recent
            nextRecent = (nextRecent + 1) % 8
        }
    }

    /// The number of the breadcrumb entry `text` under entry `parent`, added (and its text
    /// tokenised) when new.
    private mutating func entry(_ text: String, parent: Int, tokenizer: SearchTokenizer) -> Int {
        let key = CrumbKey(parent: parent, text: text)
        if let known = crumbNumbers[key] { return known }
        let assigned = crumbNumbers.count
        crumbNumbers[key] = assigned
        if assigned > 0 { crumbsJSON.append(0x2C) }
        crumbsJSON.append(0x5B)
        crumbsJSON.append(decimal: parent)
        crumbsJSON.append(0x2C)
        JSONWriter.string(text, into: &crumbsJSON)
        crumbsJSON.append(0x5D)
        var entryTerms: [UInt32] = []
        tokenizer.forEachToken(text) { token in
            let term = vocabulary.intern(token)
            entryTerms.append(term)
        }
        crumbTerms.append(entryTerms)
        return assigned
    }

    /// The number of `trail`'s innermost breadcrumb entry (-1 for none) and the terms of the whole
    /// trail, adding the entries it lacks; each entry's text is tokenised once.
    private mutating func crumb(_ trail: [String], tokenizer: SearchTokenizer) -> (Int, [UInt32]) {
        var number = -1
        var terms: [UInt32] = []
        for text in trail {
            number = entry(text, parent: number, tokenizer: tokenizer)
            terms += crumbTerms[number]
        }
        return (number, terms)
    }

    /// A breadcrumb entry: its text under its parent entry.
    private struct CrumbKey: Hashable {
        var parent: Int
        var text: String
    }

    /// Ends the batch: closes the breadcrumb JSON and drops what only making it needed. With a
    /// spool, the breadcrumb and document JSON go to it (and stay here if it cannot take them).
    mutating func seal(spool: SearchSpool? = nil) {
        crumbsJSON.append(0x5D)
        displayBytes = crumbsJSON.count + documentsJSON.count
        if let spool, let range = try? spool.store(crumbsJSON + documentsJSON) {
            spooled = (spool, range, crumbsJSON.count)
            crumbsJSON = []
            documentsJSON = []
        }
        vocabulary.seal()
        // A term every document was added before is counted; any later one has no posting.
        fitTermCounts()
        crumbNumbers = [:]
        lastTrail = nil
        lastTrailTerms = []
        recentTrails = []
        tally = Tally()
        crumbTerms = []
    }

    /// The breadcrumb JSON and the documents' JSON, read back from the spool if they went there.
    func display() throws -> (crumbs: ArraySlice<UInt8>, documents: ArraySlice<UInt8>) {
        guard let spooled else { return (crumbsJSON[...], documentsJSON[...]) }
        let bytes = try spooled.spool.read(spooled.range)
        return (bytes[..<spooled.crumbs], bytes[spooled.crumbs...])
    }

    /// Where document `index`'s JSON is in ``display()``'s documents, counted from their start.
    func documentRange(_ index: Int) -> Range<Int> {
        (index == 0 ? 0 : Int(documentEnds[index - 1]))..<Int(documentEnds[index])
    }

    /// Calls `body(document, term, title, breadcrumb, excerpt)` for every term of every document, in order.
    func forEachPosting(_ body: (Int, Int, Int, Int, Int) -> Void) {
        postings.withUnsafeBufferPointer { bytes in
            var at = 0
            for document in 0..<count {
                let end = Int(postingEnds[document])
                while at < end {
                    let term = Self.readVarint(bytes, &at)
                    let packed = bytes[at]
                    at += 1
                    var title = Int(packed & 3), crumb = Int(packed >> 2 & 3), excerpt = Int(packed >> 4 & 3)
                    if title == 3 { title = Self.readVarint(bytes, &at) }
                    if crumb == 3 { crumb = Self.readVarint(bytes, &at) }
                    if excerpt == 3 { excerpt = Self.readVarint(bytes, &at) }
                    body(document, term, title, crumb, excerpt)
                }
            }
        }
    }

    static func readVarint(_ bytes: UnsafeBufferPointer<UInt8>, _ at: inout Int) -> Int {
        var value = 0, shift = 0
        while true {
            let byte = bytes[at]
            at += 1
            value |= Int(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }
}

extension SearchDocumentBatch {
    /// Appends a document's anchor. Most anchors are made from the title: for an ASCII title
    /// (where JavaScript's `toLowerCase()` lower-cases alike) `search.js` makes the same anchor
    /// GitHub's slug is, lower-cased, spaces as hyphens, everything but letters, digits, `-` and
    /// `_` dropped. Such an anchor is written as `1`, and one that only adds to it (`skill-…`,
    /// `…-1`, `u-…-17ce`) as `["prefix","suffix"]`; any other as a string.
    static func appendAnchor(_ anchor: String, title: String, to out: inout [UInt8]) {
        let made = title.isAllASCII ? Slugger.githubSlug(title) : ""
        guard made.utf8.count >= 3, let start = anchor.utf8Offset(of: made, fromOffset: 0) else {
            return JSONWriter.string(anchor, into: &out)
        }
        if anchor == made { return out.append(UInt8(ascii: "1")) }
        let utf8 = anchor.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: start), upper = utf8.index(lower, offsetBy: made.utf8.count)
        out.append(UInt8(ascii: "["))
        JSONWriter.string(String(anchor[..<lower]), into: &out)
        out.append(UInt8(ascii: ","))
        JSONWriter.string(String(anchor[upper...]), into: &out)
        out.append(UInt8(ascii: "]"))
    }
}

extension SearchDocumentBatch {
    /// Writes a sealed batch for the render cache (``RenderCache``), its breadcrumb and document
    /// JSON included (read back from the spool if they went there).
    func encode(to encoder: inout CacheEncoder) throws {
        encoder.encode(page)
        encoder.encode(label)
        encoder.encode(limit)
        encoder.encode(leftOut)
        encoder.encode(bytes: kinds)
        encoder.encode(numbers: lengths)
        encoder.encode(bytes: vocabulary.bytes)
        encoder.encode(numbers: vocabulary.ends)
        encoder.encode(bytes: postings)
        encoder.encode(numbers: postingEnds)
        encoder.encode(numbers: termPostings)
        encoder.encode(numbers: termFrequencies)
        encoder.encode(lengthSums.title)
        encoder.encode(lengthSums.breadcrumb)
        encoder.encode(lengthSums.excerpt)
        encoder.encode(numbers: documentEnds)
        encoder.encode(outline)
        let (crumbs, documents) = try display()
        encoder.encode(crumbs.count)
        encoder.encode(bytes: crumbs + documents)
    }

    /// A sealed batch read back from the render cache. Its breadcrumb and document JSON stay in
    /// the cache file, read when the index is written, as from a spool: `file` reads that file,
    /// and the decoder's bytes start at `offset` in it.
    init(from decoder: inout CacheDecoder, file: SearchSpool?, offset: Int) throws {
        self.init(page: try decoder.decode(), label: try decoder.decode(), limit: try decoder.decode())
        leftOut = try decoder.decode()
        kinds = try decoder.decodeBytes()
        lengths = try decoder.decodeNumbers()
        vocabulary = SearchTermTable(sealedBytes: try decoder.decodeBytes(), ends: try decoder.decodeNumbers())
        postings = try decoder.decodeBytes()
        postingEnds = try decoder.decodeNumbers()
        termPostings = try decoder.decodeNumbers()
        termFrequencies = try decoder.decodeNumbers()
        lengthSums = (try decoder.decode(), try decoder.decode(), try decoder.decode())
        documentEnds = try decoder.decodeNumbers()
        outline = try decoder.decode()
        let crumbs: Int = try decoder.decode()
        let range = try decoder.decodeByteRange()
        guard [vocabulary.ends, postingEnds, documentEnds].allSatisfy({ zip($0, $0.dropFirst()).allSatisfy { $0 <= $1 } }),
              kinds.count == postingEnds.count, kinds.count == documentEnds.count, lengths.count == 3 * kinds.count,
              termPostings.count == vocabulary.count, termFrequencies.count == vocabulary.count,
              crumbs >= 0, crumbs <= range.count, vocabulary.ends.last.map({ Int($0) == vocabulary.bytes.count }) ?? true,
              postingEnds.last.map({ Int($0) == postings.count }) ?? true,
              documentEnds.last.map({ Int($0) == range.count - crumbs }) ?? (range.count == crumbs)
        else { throw CacheDecoder.Corrupt() }
        displayBytes = range.count
        if let file {
            spooled = (file, (offset + range.lowerBound)..<(offset + range.upperBound), crumbs)
        } else {
            crumbsJSON = Array(decoder.bytes[range.lowerBound..<(range.lowerBound + crumbs)])
            documentsJSON = Array(decoder.bytes[(range.lowerBound + crumbs)..<range.upperBound])
        }
    }
}
