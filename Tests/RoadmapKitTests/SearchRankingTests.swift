import Foundation
import Testing
@testable import RoadmapKit

/// Search on sites with many pages: places (pages, sections) whose titles have the words rank
/// above resources with them in their titles, and both above mentions; a resource several
/// roadmaps use is one entry; the index names its roadmaps for the results page's filter.
@Suite struct SearchRankingTests {
    /// A built site's single-file index, read as `search.js` reads it.
    struct Index {
        struct Document {
            var kind: String, title: String, breadcrumb: String, url: String
            /// The number of places a resource is used in (the document's sixth element, else 1).
            var uses: Int
            var page: String { String(url.prefix { $0 != "#" }) }
        }

        var documents: [Int: Document] = [:]
        /// Term → document → impact.
        var postings: [String: [Int: Int]] = [:]
        var stopWords: Set<String> = []
        /// `[first document, label]` per roadmap.
        var roadmaps: [(first: Int, label: String)] = []

        init(_ files: [String: String]) throws {
            let json = try #require(files["search-index.json"])
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            #expect(object["sharded"] as? Bool == false)
            stopWords = Set(try #require(object["stopWords"] as? [String]))
            roadmaps = try #require(object["roadmaps"] as? [[Any]]).map { ($0[0] as! Int, $0[1] as! String) }
            let read = try SearchIndexTests.documents(in: files)
            var number = 0
            for part in try #require(object["parts"] as? [[Any]]) {
                number = part[0] as! Int
                for raw in part[3] as! [[Any]] {
                    let document = read[number]
                    documents[number] = Document(kind: document.kind, title: document.title, breadcrumb: document.breadcrumb,
                                                 url: document.url, uses: raw.count > 5 ? raw[5] as! Int : 1)
                    number += 1
                }
            }
            for (term, entry) in try #require(object["terms"] as? [String: [Any]]) {
                let list = entry[1] as! [Int]
                var doc = 0
                for index in stride(from: 0, to: list.count, by: 2) {
                    doc += list[index]
                    postings[term, default: [:]][doc] = list[index + 1]
                }
            }
        }

        /// The documents `query` finds, best first, ranked as `search.js` ranks whole words (a
        /// query followed by a space): stop words dropped, each word matching its term and its
        /// plural or singular at 0.9, a word matching nothing dropped, every other word required,
        /// a document's score the sum of each word's best impact.
        func search(_ query: String) -> [Int] {
            var words = SearchTokenizer().tokens(query)
            let kept = words.filter { !stopWords.contains($0) }
            if !kept.isEmpty { words = kept }
            let perWord = words.map { word -> [Int: Double] in
                var variants = [(word, 1.0)]
                if word.count >= 3 {
                    variants += [(word + "s", 0.9), (word + "es", 0.9)]
                    if word.hasSuffix("s") { variants.append((String(word.dropLast()), 0.9)) }
                }
                var scores: [Int: Double] = [:]
                for (term, factor) in variants {
                    for (doc, impact) in postings[term] ?? [:] { scores[doc] = max(scores[doc] ?? 0, Double(impact) * factor) }
                }
                return scores
            }.filter { !$0.isEmpty }
            guard let first = perWord.first else { return [] }
            var totals: [Int: Double] = [:]
            for (doc, score) in first {
                let rest = perWord.dropFirst().map { $0[doc] }
                if rest.allSatisfy({ $0 != nil }) { totals[doc] = score + rest.reduce(0) { $0 + $1! } }
            }
            return totals.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
        }
    }

    static func build(_ files: [String: String]) throws -> [String: String] {
        try withTemporaryFolder { folder in
            let content = folder.appendingPathComponent("Content"), output = folder.appendingPathComponent("Site")
            try writeFiles(files, in: content)
            let report = try buildSite(content: content, output: output)
            #expect(report.succeeded, "\(report.diagnostics)")
            return try filesUnder(output).mapValues { String(decoding: $0, as: UTF8.self) }
        }
    }

    static func day(_ number: Int, _ title: String, resources: [String]) -> String {
        """
        # Day \(number) - \(title)

        Notes of the day on \(title.lowercased()).

        ## Practice

        Commands and exercises, with Terraform mentioned in passing.

        ## Resources

        \(resources.map { "- " + $0 }.joined(separator: "\n"))

        """
    }

    static let docs = "[Terraform documentation](https://developer.hashicorp.com/terraform/docs)"
    static let book = "[Terraform: Up & Running](https://www.terraformupandrunning.com/) by Yevgeniy Brikman"
    static let site = [
        "day1.md": day(1, "Getting started with Terraform", resources: [docs, book]),
        "day2.md": day(2, "Terraform state", resources: [docs, book, "[Terraform Cloud](https://app.terraform.io/)"]),
        "day3.md": day(3, "Ansible basics", resources: [docs, "[Ansible documentation](https://docs.ansible.com/)"]),
    ]

    @Test func aResourceSeveralRoadmapsUseIsOneEntryOnTheResourceIndex() throws {
        let files = try Self.build(Self.site)
        let index = try Index(files)
        let documentation = index.documents.values.filter { $0.title == "Terraform documentation" }
        #expect(documentation.count == 1)
        let entry = try #require(documentation.first)
        #expect(entry.uses == 3)
        #expect(entry.breadcrumb == "Resources › Documentation")
        let id = String(entry.url.dropFirst("resources.html#".count))
        #expect(entry.url.hasPrefix("resources.html#r-terraform-documentation-"))
        #expect(try #require(files["resources.html"]).contains("id=\"\(id)\""))
        let book = index.documents.values.filter { $0.title == "Terraform: Up & Running" }
        #expect(book.count == 1 && book.first?.uses == 2)
        // A resource one roadmap uses stays at its use, under the section that lists it.
        let cloud = index.documents.values.filter { $0.title == "Terraform Cloud" }
        #expect(cloud.count == 1)
        #expect(cloud.first?.url.hasPrefix("day2/index.html#u-terraform-cloud-") == true)
        #expect(cloud.first?.breadcrumb == "Day 2 - Terraform state › Resources")
        #expect(cloud.first?.uses == 1)
        // The filter's roadmaps: each day, then the resource index, with their first documents.
        #expect(index.roadmaps.map(\.label) == ["Day 1 - Getting started with Terraform", "Day 2 - Terraform state",
                                                "Day 3 - Ansible basics", "Resources"])
        for (number, roadmap) in index.roadmaps.enumerated() {
            let end = number + 1 < index.roadmaps.count ? index.roadmaps[number + 1].first : index.documents.count
            let pages = Set((roadmap.first..<end).compactMap { index.documents[$0]?.page })
            #expect(pages == [number < 3 ? "day\(number + 1)/index.html" : "resources.html"])
        }
    }

    @Test func placesTitledWithTheWordsRankFirstThenResourcesNamedByThem() throws {
        let index = try Index(Self.build(Self.site))
        func titles(_ query: String) -> [String] { index.search(query).map { index.documents[$0]!.title } }
        // Both pages titled Terraform, then the resources titled so, then the mentions.
        let terraform = titles("terraform")
        #expect(Set(terraform.prefix(2)) == ["Day 1 - Getting started with Terraform", "Day 2 - Terraform state"])
        #expect(Set(terraform[2..<5]) == ["Terraform documentation", "Terraform: Up & Running", "Terraform Cloud"])
        #expect(terraform.contains("Practice"))
        // The impacts say so on their own: every place titled with the word above every
        // resource titled with it, above every document that only mentions it.
        let impacts = try #require(index.postings["terraform"])
        func tier(_ doc: Int) -> Int {
            let document = index.documents[doc]!
            guard document.title.lowercased().contains("terraform") else { return 0 }
            return document.kind == "resource" ? 1 : 2
        }
        for (a, impactA) in impacts {
            for (b, impactB) in impacts where tier(a) > tier(b) { #expect(impactA > impactB) }
        }
        // A query naming a resource finds the resource first, its pages next.
        #expect(titles("terraform up and running").first == "Terraform: Up & Running")
        #expect(titles("terraform documentation").first == "Terraform documentation")
        #expect(titles("terraform state").first == "Day 2 - Terraform state")
    }

    /// The challenge fixture's queries (Fixtures/challenge/queries.json), each with the page
    /// or the resource a learner expects: the mean reciprocal rank over them, and the share
    /// answered first. Tests/Browser/test_search_ranking.py runs them through search.js itself.
    @Test func learnersFindThePageTheyAskForOnADayByDaySite() throws {
        struct Case: Decodable { var query: String; var page: String?; var resource: String? }
        struct Cases: Decodable { var queries: [Case] }
        let fixture = TestPaths.fixtures.appendingPathComponent("challenge")
        let cases = try JSONDecoder().decode(Cases.self, from: Data(contentsOf: fixture.appendingPathComponent("queries.json"))).queries
        #expect(cases.count >= 30)
        let files = try withTemporaryFolder { folder in
            let report = try buildSite(content: fixture.appendingPathComponent("Content"), output: folder)
            #expect(report.succeeded, "\(report.diagnostics)")
            return try filesUnder(folder).mapValues { String(decoding: $0, as: UTF8.self) }
        }
        let index = try Index(files)
        let pages = Dictionary(index.documents.values.filter { $0.kind == "roadmap" }.map { ($0.title, $0.page) },
                               uniquingKeysWith: { a, _ in a })
        #expect(pages.count == 35)
        var reciprocal = 0.0, first = 0, misses: [String] = []
        for item in cases {
            let ranked = index.search(item.query).map { index.documents[$0]! }
            let rank = ranked.firstIndex { document in
                if let resource = item.resource { return document.kind == "resource" && document.title == resource }
                return document.kind != "resource" && document.kind != "skill" && document.page == pages[item.page ?? ""]
            }.map { $0 + 1 }
            reciprocal += rank.map { 1 / Double($0) } ?? 0
            if rank == 1 { first += 1 } else { misses.append("\(item.query): \(rank.map(String.init) ?? "none"), top \(ranked.first?.title ?? "")") }
        }
        let mrr = reciprocal / Double(cases.count)
        #expect(mrr >= 0.9, "MRR \(mrr), misses: \(misses)")
        #expect(Double(first) >= 0.85 * Double(cases.count), "first for \(first) of \(cases.count), misses: \(misses)")
    }

    /// `roadmap serve` keeps an unchanged roadmap's search documents only while the resources it
    /// shares with other roadmaps are the same: once another roadmap uses its resource too, the
    /// resource's entry moves to the resource index.
    @Test func aKeptPageIsIndexedAgainWhenAnotherRoadmapStartsSharingItsResource() throws {
        try withTemporaryFolder { folder in
            let content = folder.appendingPathComponent("Content"), site = folder.appendingPathComponent("Site")
            let cloud = "[Terraform Cloud](https://app.terraform.io/)"
            try writeFiles(["day1.md": Self.day(1, "Terraform", resources: [cloud]),
                            "day2.md": Self.day(2, "Ansible", resources: [Self.docs])], in: content)
            let cache = PageCache()
            let options = cachedBuildOptions(content: content, output: site, cache: cache, linksUnchangedFiles: true)
            func cloudEntries() throws -> [Index.Document] {
                let files = try filesUnder(site).mapValues { String(decoding: $0, as: UTF8.self) }
                return try Index(files).documents.values.filter { $0.title == "Terraform Cloud" }
            }
            let first = try SiteBuilder().build(options)
            cache.buildFinished(succeeded: first.succeeded)
            #expect(try cloudEntries().map(\.page) == ["day1/index.html"])
            try writeFiles(["day2.md": Self.day(2, "Ansible", resources: [Self.docs, cloud])], in: content)
            let second = try SiteBuilder().build(options)
            cache.buildFinished(succeeded: second.succeeded)
            #expect(second.succeeded)
            let entries = try cloudEntries()
            #expect(entries.map(\.page) == ["resources.html"])
            #expect(entries.first?.uses == 2)
        }
    }

    /// Sharded, the roadmaps are a file of their own, loaded by the results page only; each
    /// roadmap's first document is where its part starts in the document shards.
    @Test func aShardedIndexListsItsRoadmapsInAFileOfTheirOwn() throws {
        let batches = (0..<6).map { SearchIndexTests.batch(SearchIndexTests.roadmap, slug: "r\($0)") }
        var writer = SearchIndexWriter()
        writer.shardThreshold = 1_000
        writer.documentsPerShard = batches[0].count + 3
        let (summary, files) = try SearchIndexTests.write(batches, writer)
        #expect(summary.sharded)
        #expect(files["search/roadmaps.js"]?.hasPrefix("window.__roadmapSearch.add({\"shard\":\"roadmaps\",") == true)
        let object = try #require(try SearchIndexTests.shard("roadmaps", in: files))
        let roadmaps = try #require(object["roadmaps"] as? [[Any]])
        #expect(roadmaps.map { $0[1] as? String } == Array(repeating: "Platform Engineer", count: 6))
        let parts = try SearchIndexFormatTests.shardParts(files, summary.documentShardCount).flatMap { $0 }
        #expect(roadmaps.map { $0[0] as? Int } == parts.map(\.first))
        #expect(parts.map(\.page) == (0..<6).map { "r\($0)/index.html" })
        #expect(!(files["search-index.json"] ?? "").contains("\"roadmaps\""))
    }
}
