import Foundation
import Testing
@testable import RoadmapKit
import RoadmapMarkdown

/// The compact pieces of the index format: anchors made from titles, postings as gaps, the
/// bounded heap that keeps a term's best postings, and the byte-keyed term table.
@Suite struct SearchIndexFormatTests {
    static func anchorJSON(_ anchor: String, _ title: String) -> String {
        var out: [UInt8] = []
        SearchDocumentBatch.appendAnchor(anchor, title: title, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    @Test(arguments: [
        ("kubernetes", "Kubernetes", "1"),
        ("role-definition--career-overview", "Role Definition & Career Overview", "1"),
        ("foundation-phase-7-8-weeks", "Foundation Phase (7-8 weeks)", "1"),
        ("skill-cluster-vector", "Cluster Vector", "[\"skill-\",\"\"]"),
        ("registry-testing-1", "Registry Testing", "[\"\",\"-1\"]"),
        ("u-vector-store-cluster-0baa", "Vector Store Cluster", "[\"u-\",\"-0baa\"]"),
        ("", "Platform Engineer", "\"\""),
        ("essential-reading", "\"Designing ML Systems\" by Chip Huyen", "\"essential-reading\""),
        ("café", "Café", "\"café\""),
        ("ab", "AB", "\"ab\""),
    ])
    func anchorsMadeFromTitlesAreWrittenShort(_ anchor: String, _ title: String, _ json: String) {
        #expect(Self.anchorJSON(anchor, title) == json)
    }

    /// Punctuation only separates words, whichever way a chunk is read (the ASCII words of a
    /// chunk whose other characters are `·` or General Punctuation are read on its bytes).
    @Test(arguments: [
        ("embedding…", ["embedding"]), ("Kubernetes · Helm · Argo CD", ["kubernetes", "helm", "argo", "cd"]),
        ("a·b", ["a", "b"]), ("“quoted” ‘words’ — dash – en", ["quoted", "words", "dash", "en"]),
        ("K8s‼ really⁇", ["k8s", "really"]), ("x\u{2000}y\u{205F}z", ["x", "y", "z"]),
        ("bidi\u{202A}text\u{202C}", ["bidi", "text"]), ("over‾line", ["over", "line"]),
        // Zero-width characters join what they sit between; other text takes the full rules.
        ("zero\u{200B}width join", ["zerowidth", "join"]), ("word\u{2060}joiner", ["wordjoiner"]),
        ("Crème brûlée · café", ["creme", "brulee", "cafe"]), ("ﬁne ligature…", ["fine", "ligature"]),
    ])
    func punctuationSeparatesWords(_ text: String, _ tokens: [String]) {
        #expect(SearchTokenizer().tokens(text) == tokens)
    }

    @Test func spooledBatchesWriteTheSameIndex() throws {
        let document = MarkdownParser().parse(SearchIndexTests.roadmap)
        let spool = try SearchSpool()
        func batches(_ spool: SearchSpool?) -> [SearchDocumentBatch] {
            (0..<12).map { number in
                let (model, _) = RoadmapBuilder().build(.init(
                    source: "r\(number).md", sourcePath: "r\(number).md", frontMatter: FrontMatter(), document: document))
                return SearchIndexBuilder(spool: spool).documents(for: RoadmapEnricher().enrich(model))
            }
        }
        var writer = SearchIndexWriter()
        writer.shardThreshold = 2_000
        writer.documentsPerShard = 40
        let inMemory = try SearchIndexTests.write(batches(nil), writer).1
        let spooled = try SearchIndexTests.write(batches(spool), writer).1
        #expect(inMemory.count > 4)
        #expect(inMemory == spooled)
    }

    @Test func plainTextOnBytesIsTheNodesPlainText() {
        let markdown = SearchIndexTests.roadmap + """

        ## Messy
        Text with `code`, *emphasis*, a [link](https://example.org) and<br>html, a line\u{20}\u{20}
        break, café, 日本語 and a footnote[^1].

        > Quoted **bold**
        > - in a list

        ```swift
        let x = 1
        ```

        | a | b |
        |---|---|
        | c | d |

        [^1]: The note.
        """
        var count = 0
        func check(_ node: MarkdownNode) {
            #expect(SearchPlainText.of(node) == node.plainText)
            count += 1
            node.children.forEach(check)
        }
        check(MarkdownParser().parse(markdown).root)
        #expect(count > 50)
    }

    @Test(arguments: [
        ("Technical Skills", .skill), ("Core COMPETENCIES", .skill), ("Essential Reading", .resource),
        ("Tools and Platforms", .resource), ("Podcasts", .resource), ("Career Progression", nil), ("", nil),
        ("Bücher und Kurse", nil), ("Online Resources", .resource), ("LINKS", .resource), ("Linked data", .resource),
    ] as [(String, SearchDocument.Kind?)])
    func sectionTitlesNameTheirItems(_ title: String, _ kind: SearchDocument.Kind?) {
        #expect(SearchIndexBuilder.itemKind(forSectionTitle: title) == kind)
    }

    @Test func theHeapKeepsWhatAFullSortKeeps() {
        var generator = SystemRandomNumberGenerator()
        for limit in [1, 3, 50] {
            let all = (0..<400).map { SearchIndexWriter.Scored(doc: UInt32($0), impact: UInt32.random(in: 1...30, using: &generator)) }
            var heap: [SearchIndexWriter.Scored] = []
            for posting in all { SearchIndexWriter.keep(posting, in: &heap, limit: limit) }
            let kept = SearchIndexWriter.ranked(heap).map { [$0.doc, $0.impact] }
            let expected = SearchIndexWriter.ranked(all).prefix(limit).map { [$0.doc, $0.impact] }
            #expect(kept == Array(expected))
        }
    }

    @Test func termsAreInternedByTheirBytes() {
        var table = SearchTermTable(capacity: 2)
        let words = (0..<500).map { "w\($0 % 250)é" }
        var ids: [UInt32] = []
        for word in words {
            var word = word
            ids.append(word.withUTF8 { table.intern($0) })
        }
        #expect(table.count == 250)
        #expect(ids[0] == ids[250] && ids[249] == ids[499] && ids[0] != ids[1])
        #expect(table.string(Int(ids[7])) == "w7é")
        #expect(table.precedes(Int(ids[10]), Int(ids[2])))  // "w10é" < "w2é"
        var missing = "nope"
        #expect(missing.withUTF8 { table.find($0) } == nil)
    }

    /// Documents of `files`' shards as (number, part page, breadcrumb tree size) by shard.
    static func shardParts(_ files: [String: String], _ shards: Int) throws -> [[(first: Int, page: String, count: Int)]] {
        try (0..<shards).map { shard in
            let object = try #require(try SearchIndexTests.shard("d\(shard)", in: files))
            return try #require(object["parts"] as? [[Any]]).map { part in
                let documents = part[3] as! [[Any]], crumbs = part[2] as! [[Any]]
                for document in documents { #expect((document[2] as! Int) < crumbs.count) }
                return (part[0] as! Int, part[1] as! String, documents.count)
            }
        }
    }

    @Test func shardsHoldWholeRoadmapsThatFitAndSplitOnlyLargerOnes() throws {
        let size = SearchIndexTests.batch(SearchIndexTests.roadmap, slug: "x").count
        let batches = (0..<5).map { SearchIndexTests.batch(SearchIndexTests.roadmap, slug: "r\($0)") }
        for perShard in [size * 2 + 1, size - 3] {
            var writer = SearchIndexWriter()
            writer.shardThreshold = 1_000
            writer.documentsPerShard = perShard
            let (summary, files) = try SearchIndexTests.write(batches, writer)
            #expect(summary.sharded)
            var pages: [String: Int] = [:]
            for (shard, parts) in try Self.shardParts(files, summary.documentShardCount).enumerated() {
                for part in parts {
                    #expect(part.first >= shard * perShard && part.first + part.count <= (shard + 1) * perShard)
                    pages[part.page, default: 0] += part.count
                }
                if perShard > size { #expect(Set(parts.map(\.page)).count == parts.count) }
            }
            // Every document is in a shard; a roadmap that fits in a shard is never split.
            #expect(pages.count == 5 && pages.values.allSatisfy { $0 == size })
            if perShard > size {
                let parts = try Self.shardParts(files, summary.documentShardCount).flatMap { $0 }
                #expect(parts.count == 5)
            }
        }
    }
}
