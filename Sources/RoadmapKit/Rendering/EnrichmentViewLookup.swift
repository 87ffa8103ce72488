import Mustache

// Template look-ups without reflection for the enrichment views (see ViewLookup.swift).

extension RoadmapEnrichmentView: TemplateView {
    func listedChild(named name: String) -> Any? {
        switch name {
        case "hasTimeline": hasTimeline
        case "timelineSVG": timelineSVG
        case "timelineHref": timelineHref
        case "resourcesHref": resourcesHref
        case "resourceCount": resourceCount
        case "hasResources": hasResources
        default: nil
        }
    }
}

extension TimelinePageView: TemplateView {
    func listedChild(named name: String) -> Any? {
        switch name {
        case "site": site
        case "page": page
        case "roadmapTitle": roadmapTitle
        case "roadmapHref": roadmapHref
        case "resourcesHref": resourcesHref
        case "hasTotal": hasTotal
        case "total": total
        case "svg": svg
        case "rowsHTML": rowsHTML
        case "hasRows": hasRows
        default: nil
        }
    }
}

extension FilterOptionView: TemplateView {
    func listedChild(named name: String) -> Any? {
        switch name {
        case "value": value
        case "label": label
        case "count": count
        default: nil
        }
    }
}

extension ResourcePageView: TemplateView {
    func listedChild(named name: String) -> Any? {
        switch name {
        case "site": site
        case "page": page
        case "heading": heading
        case "lead": lead
        case "count": count
        case "hasBack": hasBack
        case "backHref": backHref
        case "backTitle": backTitle
        case "kinds": kinds
        case "costs": costs
        case "groupsHTML": groupsHTML
        case "hasGroups": hasGroups
        default: nil
        }
    }
}
