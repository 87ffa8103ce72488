import Foundation
import Testing
@testable import RoadmapKit
import RoadmapMarkdown

/// The shared tokenisation vectors, also run against search.js by Tests/Browser/test_search.py.
@Suite struct SearchTokenizerTests {
    struct Vector: Decodable, CustomTestStringConvertible, Sendable {
        var input: String
        var tokens: [String]
        var testDescription: String { input.debugDescription }
    }
    struct Vectors: Decodable { var cases: [Vector] }

    static let vectors: [Vector] = {
        let url = TestPaths.testsFolder.deletingLastPathComponent().appendingPathComponent("Fixtures/search-vectors.json")
        guard let data = try? Data(contentsOf: url), let decoded = try? JSONDecoder().decode(Vectors.self, from: data) else {
            return []
        }
        return decoded.cases
    }()

    @Test func vectorsAreThere() { #expect(Self.vectors.count >= 20) }

    @Test(arguments: vectors) func tokenises(_ vector: Vector) {
        #expect(SearchTokenizer().tokens(vector.input) == vector.tokens)
    }

    /// ASCII chunks (read on bytes) and an accented one (the full rules) in one text.
    @Test(arguments: [
        ("Kubernetes Fundamentals é", ["kubernetes", "fundamentals", "e"]),
        ("CI/CD: a (b) 4-5 é", ["ci", "cd", "a", "b", "4", "5", "e"]),
        ("plain ascii words 123 é", ["plain", "ascii", "words", "123", "e"]),
    ])
    func readsASCIIAndOtherChunksAlike(_ text: String, _ tokens: [String]) {
        #expect(SearchTokenizer().tokens(text) == tokens)
    }
}

@Suite struct SearchIndexTests {
    static let roadmap = """
    # Platform Engineer

    A roadmap for platform engineers.

    ## Learning Roadmap

    ### Phase 1: Containers (2 months)

    #### Orchestration (4 weeks)
    - **Kubernetes**
      - Course: [Kubernetes Basics](https://example.org/k8s) (Free)
      - Topics:
        - Pods
        - Services
      - Projects:
        - Deploy an app on a cluster

    ### Phase 2: Data (3 months)

    #### Feature Stores (4 weeks)
    - **Offline stores**
      - Mentions kubernetes in passing.

    ## Resources

    ### Essential Reading
    1. Technical Books
       - "Designing Machine Learning Systems" by Chip Huyen
    """

    static func batch(_ markdown: String = roadmap, slug: String = "platform") -> SearchDocumentBatch {
        let document = MarkdownParser().parse(markdown)
        let (model, _) = RoadmapBuilder().build(.init(
            source: slug + ".md", sourcePath: slug + ".md", frontMatter: FrontMatter(), document: document))
        return SearchIndexBuilder().documents(for: model)
    }

    static func write(_ batches: [SearchDocumentBatch], _ writer: SearchIndexWriter = SearchIndexWriter())
        throws -> (SearchIndexWriter.Summary, [String: String])
    {
        let sink = FileSink()
        let summary = try writer.write(batches) { contents, path in sink.store(String(decoding: contents, as: UTF8.self), at: path) }
        return (summary, sink.files)
    }

    /// The object of the shard `name` (`search/<name>.js`) as `search.js` is handed it, its
    /// `"shard"` key checked and left out; nil when `files` has no such shard.
    static func shard(_ name: String, in files: [String: String]) throws -> [String: Any]? {
        guard let script = files["search/" + name + ".js"] else { return nil }
        let (start, end) = ("window.__roadmapSearch.add(", ");\n")
        #expect(script.hasPrefix(start) && script.hasSuffix(end))
        let json = script.dropFirst(start.count).dropLast(end.count)
        var object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object.removeValue(forKey: "shard") as? String == name)
        return object
    }

    /// A document as `search.js` reads it back from the index.
    struct Read {
        var kind: String, title: String, breadcrumb: String, excerpt: String, url: String
    }

    /// The documents of a single-file index, decoded as `search.js`'s `data()` does.
    static func documents(in files: [String: String]) throws -> [Read] {
        let json = try #require(files["search-index.json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let kinds = try #require(object["kinds"] as? [String])
        let parts = try #require(object["parts"] as? [[Any]])
        var out: [Read] = []
        for part in parts {
            #expect(part[0] as? Int == out.count)
            let page = try #require(part[1] as? String)
            let crumbs = try #require(part[2] as? [[Any]])
            for document in try #require(part[3] as? [[Any]]) {
                var trail: [String] = []
                var crumb = document[2] as! Int
                while crumb >= 0 {
                    trail.insert(crumbs[crumb][1] as! String, at: 0)
                    crumb = crumbs[crumb][0] as! Int
                }
                let title = document[1] as! String
                let made = String(title.lowercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber || " _-".contains($0)) })
                    .replacingOccurrences(of: " ", with: "-")
                var anchor = document[4] as? String ?? ""
                if document[4] as? Int == 1 { anchor = made }
                if let around = document[4] as? [String] { anchor = around[0] + made + around[1] }
                out.append(Read(kind: kinds[document[0] as! Int], title: title,
                                breadcrumb: trail.joined(separator: SearchIndexBuilder.separator),
                                excerpt: document[3] as! String, url: page + (anchor.isEmpty ? "" : "#" + anchor)))
            }
        }
        return out
    }

    @Test func oneDocumentPerSectionTopicProjectAndResource() throws {
        let documents = try Self.documents(in: Self.write([Self.batch()]).1)
        func find(_ kind: SearchDocument.Kind, _ title: String) -> Read? {
            documents.first { $0.kind == kind.rawValue && $0.title == title }
        }
        #expect(find(.roadmap, "Platform Engineer")?.url == "platform/index.html")
        #expect(find(.phase, "Phase 1: Containers (2 months)")?.url == "platform/index.html#phase-1-containers-2-months")
        let module = try #require(find(.module, "Orchestration (4 weeks)"))
        #expect(module.breadcrumb == "Platform Engineer › Learning Roadmap › Phase 1: Containers (2 months)")
        let topic = try #require(find(.topic, "Kubernetes"))
        #expect(topic.url == "platform/index.html#kubernetes")
        #expect(topic.breadcrumb.hasSuffix("› Orchestration (4 weeks)"))
        #expect(find(.project, "Deploy an app on a cluster") != nil)
        let course = try #require(find(.resource, "Kubernetes Basics"))
        #expect(course.url == "platform/index.html#kubernetes")
        let book = try #require(find(.resource, "\"Designing Machine Learning Systems\" by Chip Huyen"))
        #expect(book.breadcrumb == "Platform Engineer › Resources › Essential Reading › Technical Books")
        #expect(book.url == "platform/index.html#essential-reading")
        #expect(documents.allSatisfy { $0.excerpt.count <= SearchIndexBuilder.excerptLength + 1 })
    }

    /// The postings of `term` in a single-file index, as (document title, impact).
    static func postings(_ term: String, in files: [String: String]) throws -> [(String, Int)] {
        let json = try #require(files["search-index.json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let documents = try Self.documents(in: files)
        let terms = try #require(object["terms"] as? [String: [Any]])
        let list = try #require(terms[term]?[1] as? [Int])
        // Gaps in document order; returned best first.
        var doc = 0
        return stride(from: 0, to: list.count, by: 2).map { index -> (String, Int) in
            doc += list[index]
            return (documents[doc].title, list[index + 1])
        }.sorted { $0.1 > $1.1 }
    }

    @Test func titleOutranksBreadcrumbOutranksExcerpt() throws {
        let (_, files) = try Self.write([Self.batch()])
        let ranked = try Self.postings("kubernetes", in: files)
        let titles = ranked.map(\.0)
        // The topic titled Kubernetes first; entries with it only in their breadcrumb next;
        // the passing mention in an excerpt last.
        #expect(titles.first == "Kubernetes")
        let crumbOnly = try #require(titles.firstIndex(of: "Deploy an app on a cluster"))
        let passing = try #require(titles.firstIndex(of: "Offline stores"))
        #expect(crumbOnly < passing)
        #expect(ranked.map(\.1) == ranked.map(\.1).sorted(by: >))
    }

    @Test func structureOutranksMentionsForTheSameWords() throws {
        let (_, files) = try Self.write([Self.batch()])
        let titles = try Self.postings("stores", in: files).map(\.0)
        #expect(titles.first == "Feature Stores (4 weeks)" || titles.first == "Offline stores")
        #expect(titles.firstIndex(of: "Feature Stores (4 weeks)")! < titles.firstIndex(of: "Phase 2: Data (3 months)")!)
    }

    @Test func smallSitesGetOneFilePairWithAScriptTwin() throws {
        let (summary, files) = try Self.write([Self.batch()])
        #expect(!summary.sharded)
        #expect(files.keys.sorted() == ["search-index.js", "search-index.json"])
        let json = files["search-index.json"]!, script = files["search-index.js"]!
        #expect(script.hasPrefix("window.__roadmapSearch.add({\"shard\":\"index\","))
        #expect(json.dropFirst().dropLast(2) == script.dropFirst("window.__roadmapSearch.add({\"shard\":\"index\",".count).dropLast(4))
    }

    @Test func largeIndexesAreShardedByPrefixWithEveryTermInItsShard() throws {
        let batches = (0..<40).map { Self.batch(Self.roadmap + "\n\n## Extra \($0)\nword\($0) alpha\($0 % 7)\n", slug: "r\($0)") }
        var writer = SearchIndexWriter()
        writer.shardThreshold = 10_000
        writer.documentsPerShard = 16
        writer.headPostings = 5
        writer.chunkPostings = 7
        writer.maximumPostings = 30
        writer.termShardBytes = 2_000
        let (summary, files) = try Self.write(batches, writer)
        #expect(summary.sharded)
        #expect(summary.documentShardCount >= (summary.documentCount + 15) / 16)
        #expect(summary.postingChunkCount > 0)
        // A list cut at `maximumPostings` still states the full document frequency.
        let termShards = files.keys.filter { $0.hasPrefix("search/t") }.map { String($0.dropFirst(7).dropLast(3)) }
        let cut = try termShards.flatMap { name -> [[Any]] in
            let shard = try #require(try Self.shard(name, in: files))
            return (shard["terms"] as? [String: [Any]] ?? [:]).values.filter { ($0[0] as! Int) > 30 }
        }
        #expect(!cut.isEmpty)
        for entry in cut { #expect((entry[2] as! [Int]).count == (30 - 5 + 6) / 7) }
        // The index is a JSON + JS pair; every shard a script only.
        #expect(files["search-index.json"] != nil && files["search-index.js"] != nil)
        #expect(files.keys.filter { $0.hasPrefix("search/") }.allSatisfy { $0.hasSuffix(".js") })
        #expect(files.keys.allSatisfy { $0.hasPrefix("search/") || $0.hasPrefix("search-index.") })
        // The manifest names each term shard by its prefix; every term is in the shard of its
        // longest listed prefix, as search.js looks it up.
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(files["search-index.json"]!.utf8)) as? [String: Any])
        let keys = try #require(manifest["termShards"] as? [String: Int])
        #expect(keys.count == summary.termShardCount)
        #expect(keys.count > 1)
        for (key, number) in keys {
            let shard = try #require(try Self.shard("t\(number)", in: files))
            let terms = try #require(shard["terms"] as? [String: [Any]])
            for term in terms.keys {
                let longest = (1...min(term.unicodeScalars.count, 8)).reversed()
                    .map { SearchIndexWriter.prefix(term, $0) }.first { keys[$0] != nil }
                #expect(longest == key, "\(term) in shard \(key)")
                let entry = terms[term]!
                let head = entry[1] as! [Int]
                #expect(head.count <= 2 * writer.headPostings)
                if (entry[0] as! Int) > writer.headPostings { #expect((entry[2] as! [Int]).count > 0) }
                #expect(entry[0] as! Int >= head.count / 2)
            }
        }
    }

    @Test func twoBuildsWriteIdenticalIndexes() throws {
        let batches = (0..<30).map { Self.batch(Self.roadmap + "\n## Extra\nitem \($0)\n", slug: "r\($0)") }
        var writer = SearchIndexWriter()
        writer.shardThreshold = 10_000
        let first = try Self.write(batches, writer).1
        let second = try Self.write((0..<30).map { Self.batch(Self.roadmap + "\n## Extra\nitem \($0)\n", slug: "r\($0)") }, writer).1
        #expect(first == second)
        #expect(try Self.write([Self.batch()]).1 == Self.write([Self.batch()]).1)
    }

    @Test func sitesWriteTheIndexAndTheSearchPage() throws {
        try withTemporaryFolder { folder in
            let content = folder.appendingPathComponent("Content")
            try writeFiles(["platform.md": Self.roadmap], in: content)
            let report = try buildSite(content: content, output: folder.appendingPathComponent("Site"))
            #expect(report.succeeded)
            let site = try filesUnder(folder.appendingPathComponent("Site"))
            #expect(site["search-index.json"] != nil && site["search-index.js"] != nil)
            let page = String(decoding: try #require(site["search.html"]), as: UTF8.self)
            #expect(page.contains("href=\"platform/index.html#orchestration-4-weeks\""))
            let home = String(decoding: try #require(site["index.html"]), as: UTF8.self)
            // Without JavaScript the box leads to the resource index; search.js points it at search.html.
            #expect(home.contains("<form class=\"site-search\" role=\"search\" action=\"resources.html\">"))
        }
    }
}

/// Collects written files; the index writer calls it from several threads.
final class FileSink: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String: String] = [:]

    func store(_ contents: String, at path: String) {
        lock.lock()
        defer { lock.unlock() }
        precondition(stored[path] == nil, "\(path) written twice")
        stored[path] = contents
    }

    var files: [String: String] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}
