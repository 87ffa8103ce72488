import Foundation
import Testing
@testable import RoadmapKit

/// Links to another page's fragments are checked against the ids kept from that page's scan.
@Suite struct ScannedPageIDTests {
    @Test func hashedIDsAnswerLikeTheSet() {
        let links = RenderedLinkChecker.scan(
            "<h2 id=\"a\">A</h2><p id=\"été\"></p><a name=\"old\"></a>", page: "p/index.html", template: "roadmap",
            reportedFolder: "Site")
        #expect(["a", "été", "old"].allSatisfy(links.hasID))
        #expect(!["b", "", "A", "ete"].contains(where: links.hasID))
    }

    @Test func scannedTargetsAreNotReadAgain() throws {
        try withTemporaryFolder { folder in
            // On disk the target has no ids: only the scan made while rendering knows them.
            try writeFiles(["index.html": "", "a/index.html": "<p>changed</p>"], in: folder)
            let home = RenderedLinkChecker.scan(
                "<a href=\"a/index.html#top\"></a><a href=\"a/index.html#nope\"></a>", page: "index.html", template: "home",
                reportedFolder: "Site")
            let target = RenderedLinkChecker.scan("<h1 id=\"top\">A</h1>", page: "a/index.html", template: "roadmap",
                                                  reportedFolder: "Site")
            let diagnostics = RenderedLinkChecker(siteFolder: folder, reportedFolder: "Site").check([home, target])
            #expect(diagnostics.map(\.id) == ["output.missing-fragment"])
            #expect(diagnostics.first?.message.contains("'nope'") == true)
        }
    }
}
