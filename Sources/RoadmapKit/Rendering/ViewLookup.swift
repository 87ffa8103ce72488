import Mustache

// Template key look-up without reflection.
//
// swift-mustache finds a key with `Mirror` unless the value is a `MustacheParent`: every
// `{{key}}` then walks all stored properties through the runtime's reflection (about 65,000
// instructions per look-up on a roadmap page, a quarter of a build). These conformances answer
// with a `switch` instead; any key not listed falls back to TemplateLookup's cached key paths,
// so a property added to a view later still renders. ViewLookupTests checks that each
// listed key gives the stored property's value. (Measured: Benchmarks/README or the perf note.)

/// A view that answers template look-ups with a `switch`, falling back to reflection.
protocol TemplateView: MustacheParent {
    /// The value for `name`, or nil when the switch does not list it.
    func listedChild(named name: String) -> Any?
}

extension TemplateView {
    func child(named name: String) -> Any? {
        if let value = listedChild(named: name) { return TemplateLookup.wrap(value) }
        return TemplateLookup(value: self, fields: TemplateLookup.fields(of: Self.self) ?? [:]).child(named: name)
    }
}

extension SiteView: TemplateView {
    func listedChild(named name: String) -> Any? {
        switch name {
        case "title": title
        case "description": description
        case "language": language
        case "root": root
        case "generator": generator
        default: nil
        }
    }
}

extension PageMetaView: TemplateView {
    func listedChild(named name: String) -> Any? {
        switch name {
        case "title": title
        case "description": description
        case "canonical": canonical
        case "hasCanonical": hasCanonical
        case "bodyClass": bodyClass
        default: nil
        }
    }
}

extension RoadmapCardView: TemplateView {
    func listedChild(named name: String) -> Any? {
        switch name {
        case "title": title
        case "summary": summary
        case "href": href
        case "phaseCount": phaseCount
        case "moduleCount": moduleCount
        case "hasDuration": hasDuration
        case "totalDuration": totalDuration
        default: nil
        }
    }
}

extension HomePageView: TemplateView {
    func listedChild(named name: String) -> Any? {
        switch name {
        case "site": site
        case "page": page
        case "roadmaps": roadmaps
        case "hasRoadmaps": hasRoadmaps
        default: nil
        }
    }
}

extension TOCEntryView: TemplateView {
    func listedChild(named name: String) -> Any? {
        switch name {
        case "id": id
        case "title": title
        case "children": children
        case "hasChildren": hasChildren
        default: nil
        }
    }
}

extension PhaseOverviewView: TemplateView {
    func listedChild(named name: String) -> Any? {
        switch name {
        case "id": id
        case "title": title
        case "number": number
        case "hasDuration": hasDuration
        case "duration": duration
        case "moduleCount": moduleCount
        default: nil
        }
    }
}

extension RoadmapPageView: TemplateView {
    func listedChild(named name: String) -> Any? {
        switch name {
        case "site": site
        case "page": page
        case "title": title
        case "titleHTML": titleHTML
        case "summary": summary
        case "hasSummary": hasSummary
        case "slug": slug
        case "source": source
        case "hasDuration": hasDuration
        case "totalDuration": totalDuration
        case "phaseCount": phaseCount
        case "moduleCount": moduleCount
        case "phases": phases
        case "hasPhases": hasPhases
        case "toc": toc
        case "hasTOC": hasTOC
        case "content": content
        case "dataJSON": dataJSON
        case "enrichment": enrichment
        default: nil
        }
    }
}

extension NotFoundPageView: TemplateView {
    func listedChild(named name: String) -> Any? {
        switch name {
        case "site": site
        case "page": page
        case "roadmaps": roadmaps
        case "hasRoadmaps": hasRoadmaps
        default: nil
        }
    }
}
