import Testing
@testable import RoadmapKit

/// The site's `resources.json` is written a resource at a time; the text is the value tree's.
@Suite struct ResourcesJSONStreamingTests {
    @Test(arguments: [0, 1, 2, 1_000])
    func streamedTextEqualsTheValueTree(_ count: Int) throws {
        let resources = Array(try EnrichmentFixture.seed().resources.prefix(count))
        let tree = RoadmapDataWriter.ResourcesData(
            schema: RoadmapDataWriter.schema, resources: resources.map { RoadmapDataWriter.resourceData($0, siteWide: true) })
        #expect(RoadmapDataWriter().resourcesJSON(resources) == tree.json.text)
    }
}
