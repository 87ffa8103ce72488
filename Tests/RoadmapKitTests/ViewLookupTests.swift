import Mustache
import Testing
@testable import RoadmapKit

/// The `switch` look-ups of ViewLookup.swift must give what reflection gives.
@Suite struct ViewLookupTests {
    static let site = SiteView(title: "Site", description: "About", language: "en", root: "../", generator: "roadmap-site")
    static let page = PageMetaView(title: "Page", description: "Desc", canonical: "https://e.org/x/", hasCanonical: true,
                                   bodyClass: "roadmap-page")
    static let card = RoadmapCardView(title: "Card", summary: "Sum", href: "x/index.html", phaseCount: 2, moduleCount: 3,
                                      hasDuration: true, totalDuration: "4 weeks")
    static let toc = TOCEntryView(id: "a", title: "A", children: [TOCEntryView(id: "b", title: "B", children: [], hasChildren: false)],
                                  hasChildren: true)
    static let phase = PhaseOverviewView(id: "p", title: "P", number: 1, hasDuration: true, duration: "2 weeks", moduleCount: 4)

    static let views: [any TemplateView & Sendable] = [
        site, page, card, toc, phase,
        HomePageView(site: site, page: page, roadmaps: [card], hasRoadmaps: true),
        NotFoundPageView(site: site, page: page, roadmaps: [card], hasRoadmaps: true),
    ]

    @Test("listed keys give the stored property's value", arguments: 0..<views.count)
    func listedKeysMatchReflection(index: Int) {
        let view = Self.views[index]
        for child in Mirror(reflecting: view).children {
            guard let label = child.label, let listed = view.listedChild(named: label) else { continue }
            #expect(String(describing: listed) == String(describing: child.value), "\(type(of: view)).\(label)")
        }
    }

    @Test func unknownKeysFallBackToReflectionOrNil() {
        #expect(Self.site.child(named: "root") as? String == "../")
        #expect(Self.site.child(named: "noSuchKey") == nil)
    }

    @Test func rendersThroughMustache() throws {
        let template = try MustacheTemplate(string: "{{page.title}}|{{#toc}}{{id}}{{#children}}>{{title}}{{/children}}{{/toc}}|{{site.root}}")
        struct Page: Sendable { var page: PageMetaView; var toc: [TOCEntryView]; var site: SiteView }
        #expect(template.render(Page(page: Self.page, toc: [Self.toc], site: Self.site)) == "Page|a>B|../")
    }
}
