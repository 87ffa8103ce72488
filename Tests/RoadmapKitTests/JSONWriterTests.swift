import Foundation
import Testing
@testable import RoadmapKit

/// The data files are written member by member straight into bytes: members in sorted key
/// order, compact, and strings safe inside an HTML `<script>` element.
@Suite struct JSONWriterTests {
    static let resource = RoadmapDataWriter.ResourceData(
        id: "u-docs-1a2b", title: "Docs </script>", url: "https://example.org/a?b=1&c", kind: "docs", provider: nil,
        cost: "free", author: "Ann", usedIn: [.init(roadmap: "ops", section: "tools", anchor: "docker", line: 12,
                                                     href: "ops/index.html#docker")])

    @Test func resourcesAreWrittenAsTheSchemaSays() {
        let text = RoadmapDataWriter.ResourcesData(schema: 1, resources: [Self.resource]).jsonText
        #expect(text == #"{"resources":[{"author":"Ann","cost":"free","id":"u-docs-1a2b","kind":"docs","title":"Docs \u003c/script>","#
            + #""url":"https://example.org/a?b=1&c","usedIn":[{"anchor":"docker","href":"ops/index.html#docker","line":12,"#
            + #""roadmap":"ops","section":"tools"}]}],"schema":1}"# + "\n")
    }

    @Test func phasesAreWrittenAsTheSchemaSays() {
        let span = RoadmapDataWriter.Span(minWeeks: 4, maxWeeks: 8.67)
        let module = RoadmapDataWriter.ModuleData(id: "m", title: "M", line: 3, duration: nil, start: span, end: span)
        let phase = RoadmapDataWriter.PhaseData(
            id: "p", title: "P", line: 1, duration: .init(text: "4-5 months", minWeeks: 17.33, maxWeeks: 21.67), start: span,
            end: span, modules: [module])
        #expect(phase.jsonText == #"{"duration":{"maxWeeks":21.67,"minWeeks":17.33,"text":"4-5 months"},"end":{"maxWeeks":8.67,"minWeeks":4},"#
            + #""id":"p","line":1,"modules":[{"end":{"maxWeeks":8.67,"minWeeks":4},"id":"m","line":3,"#
            + #""start":{"maxWeeks":8.67,"minWeeks":4},"title":"M"}],"start":{"maxWeeks":8.67,"minWeeks":4},"title":"P"}"# + "\n")
    }

    /// The site's resources.json is streamed in pieces; read back, it is the schema value.
    @Test(arguments: [0, 1, 2, 1_000])
    func streamedResourcesReadBackAsTheSchemaValue(_ count: Int) throws {
        let resources = Array(try EnrichmentFixture.seed().resources.prefix(count))
        let value = RoadmapDataWriter.ResourcesData(
            schema: RoadmapDataWriter.schema, resources: resources.map { RoadmapDataWriter.resourceData($0, siteWide: true) })
        var bytes: [UInt8] = []
        try RoadmapDataWriter().writeResourcesJSON(resources) { bytes += $0 }
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(try JSONDecoder().decode(RoadmapDataWriter.ResourcesData.self, from: Data(text.utf8)) == value)
        #expect(text.hasSuffix("],\"schema\":1}\n"))
    }

    @Test func roadmapDataRoundTrips() throws {
        let enriched = try EnrichmentFixture.seed()
        let value = RoadmapDataWriter().roadmapData(enriched)
        let decoded = try JSONDecoder().decode(RoadmapDataWriter.RoadmapData.self, from: Data(value.jsonText.utf8))
        #expect(decoded == value)
    }

    @Test func compactLayoutAndSortedMembers() {
        let link = RoadmapDataWriter.LinkData(from: "a", to: "b", kind: "teaches")
        #expect(link.jsonText == "{\"from\":\"a\",\"kind\":\"teaches\",\"to\":\"b\"}\n")
        var json = JSONWriter()
        json.object { json in
            json.member("empty", [String]())
            json.key("list"); json.array([1, 2]) { $0.number($1) }
            json.key("nested"); json.object { $0.member("x", 4.5); $0.member("y", 17.0) }
            json.key("none"); json.object { _ in }
        }
        #expect(json.text == "{\"empty\":[],\"list\":[1,2],\"nested\":{\"x\":4.5,\"y\":17},\"none\":{}}")
    }

    @Test(arguments: [
        ("plain", "\"plain\""),
        ("say \"hi\"\\", "\"say \\\"hi\\\"\\\\\""),
        ("</script><!--", "\"\\u003c/script>\\u003c!--\""),
        ("line\nbreak\ttab\r\u{01}\u{1F}", "\"line\\nbreak\\ttab\\r\\u0001\\u001f\""),
        ("sep\u{2028}para\u{2029}", "\"sep\\u2028para\\u2029\""),
        ("4–5 months — ok … 🚀 中文 a/b", "\"4–5 months — ok … 🚀 中文 a/b\""),
    ])
    func quoting(_ text: String, _ expected: String) throws {
        var json = JSONWriter()
        json.string(text)
        #expect(json.text == expected)
        var bytes: [UInt8] = Array("[".utf8)
        JSONWriter.string(text, into: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "[" + expected)
    }
}
