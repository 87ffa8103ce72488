import Foundation
import Testing
@testable import RoadmapKit

/// The data files are written member by member straight into bytes; what is written must be
/// the JSON of the schema values, byte-stable and safe inside an HTML `<script>` element.
@Suite struct JSONWriterTests {
    @Test(arguments: [0, 1, 2, 1_000])
    func streamedResourcesEqualTheSchemaValue(_ count: Int) throws {
        let resources = Array(try EnrichmentFixture.seed().resources.prefix(count))
        let value = RoadmapDataWriter.ResourcesData(
            schema: RoadmapDataWriter.schema, resources: resources.map { RoadmapDataWriter.resourceData($0, siteWide: true) })
        let text = RoadmapDataWriter().resourcesJSON(resources)
        #expect(text == value.jsonText)
        #expect(try JSONDecoder().decode(RoadmapDataWriter.ResourcesData.self, from: Data(text.utf8)) == value)
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
        ("4–5 months — ok … 🚀 中文", "\"4–5 months — ok … 🚀 中文\""),
    ])
    func quoting(_ text: String, _ expected: String) throws {
        var json = JSONWriter()
        json.string(text)
        #expect(json.text == expected)
        var viaSearchJSON: [UInt8] = []
        SearchJSON.string(text, into: &viaSearchJSON)
        let viaString = String(decoding: viaSearchJSON, as: UTF8.self)
        #expect(viaString == expected)
        let decoded = try JSONSerialization.jsonObject(with: Data(expected.utf8), options: [.fragmentsAllowed]) as? String
        #expect(decoded == text)
    }
}
