import Mustache
import Testing
@testable import RoadmapKit

/// Templates read view properties through TemplateLookup's cached key paths, not `Mirror`:
/// every stored property must read back as itself, and a missing key as nil.
@Suite struct ViewLookupTests {
    static let site = SiteView(title: "Site", description: "About", language: "en", root: "../", generator: "roadmap-site")
    static let page = PageMetaView(title: "Page", description: "Desc", canonical: "https://e.org/x/", hasCanonical: true,
                                   bodyClass: "roadmap-page")
    static let card = RoadmapCardView(title: "Card", summary: "Sum", href: "x/index.html", phaseCount: 2, moduleCount: 3,
                                      hasDuration: true, totalDuration: "4 weeks", facts: ["2 phases", "3 modules", "4 weeks"],
                                      hasFacts: true)
    static let toc = TOCEntryView(id: "a", title: "A", children: [TOCEntryView(id: "b", title: "B", children: [], hasChildren: false)],
                                  hasChildren: true)
    static let phase = PhaseOverviewView(id: "p", title: "P", number: 1, hasDuration: true, duration: "2 weeks", moduleCount: 4)

    static let views: [any Sendable] = [
        site, page, card, toc, phase,
        HomePageView(site: site, page: page, roadmaps: [card], hasRoadmaps: true),
        NotFoundPageView(site: site, page: page, roadmaps: [card], hasRoadmaps: true),
    ]

    @Test("every stored property reads back through its key path", arguments: 0..<views.count)
    func keyPathsMatchReflection(index: Int) throws {
        let view = Self.views[index]
        let lookup = try #require(TemplateLookup.wrap(view) as? MustacheParent)
        for child in Mirror(reflecting: view).children {
            guard let label = child.label else { continue }
            let value = try #require(lookup.child(named: label), "\(type(of: view)).\(label)")
            let unwrapped = (value as? TemplateLookup)?.value ?? value
            if let list = unwrapped as? [Any] {
                #expect(list.count == (child.value as? [Any])?.count, "\(type(of: view)).\(label)")
            } else {
                #expect(String(describing: unwrapped) == String(describing: child.value), "\(type(of: view)).\(label)")
            }
        }
    }

    @Test func unknownKeysAreNil() throws {
        let lookup = try #require(TemplateLookup.wrap(Self.site) as? MustacheParent)
        #expect(lookup.child(named: "root") as? String == "../")
        #expect(lookup.child(named: "noSuchKey") == nil)
    }

    @Test func rendersThroughMustache() throws {
        let template = try MustacheTemplate(string: "{{page.title}}|{{#toc}}{{id}}{{#children}}>{{title}}{{/children}}{{/toc}}|{{site.root}}")
        struct Page: Sendable { var page: PageMetaView; var toc: [TOCEntryView]; var site: SiteView }
        let view = try #require(TemplateLookup.wrap(Page(page: Self.page, toc: [Self.toc], site: Self.site)))
        #expect(template.render(view) == "Page|a>B|../")
    }
}

/// Arrays and optionals of views are classified once by their declared type and read back as
/// the same values the general path gives.
@Suite struct ViewCollectionLookupTests {
    struct Item { var name: String; var count: Int }
    struct Holder { var items: [Item]; var maybe: Item?; var nothing: Item?; var names: [String] }

    @Test func arraysAndOptionalsOfViewsReadBack() throws {
        let holder = Holder(items: [Item(name: "a", count: 1), Item(name: "b", count: 2)],
                            maybe: Item(name: "m", count: 3), nothing: nil, names: ["x", "y"])
        let lookup = try #require(TemplateLookup.wrap(holder) as? TemplateLookup)
        let items = try #require(lookup.child(named: "items") as? [Any])
        #expect(items.count == 2)
        let second = try #require(items[1] as? TemplateLookup)
        #expect(second.child(named: "name") as? String == "b")
        #expect(second.child(named: "count") as? Int == 2)
        let maybe = try #require(lookup.child(named: "maybe") as? TemplateLookup)
        #expect(maybe.child(named: "name") as? String == "m")
        #expect(lookup.child(named: "nothing") == nil)
        #expect((lookup.child(named: "names") as? [Any])?.compactMap { $0 as? String } == ["x", "y"])
    }
}
