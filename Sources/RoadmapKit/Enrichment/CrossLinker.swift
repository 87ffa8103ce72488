import RoadmapMarkdown

/// Links what belongs together on a roadmap page: each skill of a "Skills" / "Core
/// Competencies" list to the modules that teach it and the portfolio projects that practise
/// it; portfolio projects to the modules and module projects they grow from; tools and
/// certifications to the modules about them.
///
/// Matching is on normalised word stems (see ``TermNormaliser``) and prefers precision: a skill
/// links to a module only when one of the module's titles (its own, a topic's, a sub-topic's, a
/// project's or a course's) holds every word of the skill, or the module's words hold them all
/// and its headline holds at least half; only a skill that matches nothing so closely links by
/// its head word alone.
struct CrossLinker: Sendable {
    var normaliser = TermNormaliser()
    /// Normalised terms that are never linked (`nolink` in the glossary).
    var vetoed: Set<String> = []

    struct Output: Sendable {
        var crossLinks: CrossLinks
        /// Anchors given to skill list items.
        var skillAnchors: [SourceLocation: String]
        var diagnostics: [Diagnostic]
    }

    /// Words that say what kind of skill list it is, and groups not expected to be taught by modules.
    static let softGroupWords: Set<String> = ["soft", "interpersonal", "people", "behavioral", "behavioural", "personal", "non"]
    /// Head words too general to link a skill by on their own.
    static let genericHeads: Set<String> = [
        "system", "design", "develop", "manag", "engineer", "practice", "skill", "basic", "fundamental", "concept",
        "principl", "tool", "platform", "work", "process", "solv", "communicat", "data", "model", "servic", "test",
        "pipelin", "ml", "ai", "advanc", "introduct", "skill",
    ]
    /// Words that do not tell projects apart.
    static let projectVerbs: Set<String> = [
        "implement", "build", "creat", "set", "up", "develop", "make", "writ", "add", "design", "project", "simple",
    ]
    /// Words of a certification's name that are not its subject.
    static let certificationWords: Set<String> = [
        "certificat", "certify", "certified", "specialty", "specialist", "professional", "engineer", "administrator",
        "associate", "expert", "developer", "architect", "practitioner", "exam", "fundamental", "foundational",
    ]

    private struct Titled {
        var text: String
        var stems: StemSet
    }

    /// The stems of the texts of one roadmap, each text stemmed once, as numbered sets.
    private struct Stems {
        let normaliser: TermNormaliser
        var table = StemTable()
        /// The stems of each text stemmed so far, by the text's number.
        private var texts = TextNumbers()
        private var byText: [StemSet] = []
        let projectVerbs: StemSet
        let certificationWords: StemSet

        init(normaliser: TermNormaliser) {
            self.normaliser = normaliser
            projectVerbs = table.set(CrossLinker.projectVerbs)
            certificationWords = table.set(CrossLinker.certificationWords)
        }

        mutating func of(_ text: String) -> StemSet {
            let (number, isNew) = texts.number(text)
            guard isNew else { return byText[number] }
            let made = table.set(normaliser.stems(text))
            byText.append(made)
            return made
        }
    }

    private struct ModuleTerms {
        var id: String
        var title: String
        var phaseIndex: Int
        var headline: [Titled]
        var titles: [Titled]
        var union: StemSet
        /// The module's bullets (list items at any depth; see ``bodyLines(of:in:stemmer:)``), each
        /// with the title of the topic it is under (the module's own title outside topics) as its text.
        var body: [Titled]
        var bodyUnion: StemSet
    }

    private struct PhaseTerms {
        var id: String
        var title: String
        var stems: StemSet
    }

    private struct ProjectTerms {
        var id: String
        var title: String
        var stems: StemSet
        var details: [Titled]
        var union: StemSet
    }

    func link(_ roadmap: Roadmap, resources: [ResourceExtractor.Mention], markers: [ResourceIndex.Marker]) -> Output {
        var stemmer = Stems(normaliser: normaliser)
        let modules = moduleTerms(roadmap, resources: resources, stemmer: &stemmer)
        let phases = roadmap.phases.map { phase in
            PhaseTerms(id: phase.id, title: phase.title, stems: stemmer.of(Self.withoutDuration(phase.title)))
        }
        let moduleIDs = Set(roadmap.modules.map(\.id))
        let portfolio = roadmap.projects.filter { !moduleIDs.contains($0.sectionID) }.map { project in
            let stems = stemmer.of(project.title)
            let details = project.details.map { Titled(text: $0, stems: stemmer.of($0)) }
            return ProjectTerms(id: project.id, title: project.title, stems: stems, details: details,
                                union: StemSet(unionOf: [stems] + details.map(\.stems)))
        }
        var links: [CrossLink] = []
        var diagnostics: [Diagnostic] = []

        // Skills.
        var skillAnchors: [SourceLocation: String] = [:]
        var skills: [Skill] = []
        let (found, skillSectionID) = skillEntries(roadmap)
        for (item, group, id) in found {
            skillAnchors[item.location] = id
            let groupWords = Set(normaliser.words(group))
            var skill = Skill(id: id, title: item.title, location: item.location, group: group, sectionID: item.sectionID,
                              isSoft: !groupWords.isDisjoint(with: Self.softGroupWords), taughtIn: [], practisedIn: [])
            let stems = normaliser.stems(item.title)
            if !stems.isEmpty, !isVetoed(stems) {
                let ordered = stems.map { stemmer.table.id($0) }
                let (taught, practised) = match(StemSet(unsorted: ordered), ordered: stems, ids: ordered,
                                                isSoft: skill.isSoft, modules: modules, phases: phases, portfolio: portfolio)
                skill.taughtIn = taught.map(\.0)
                skill.practisedIn = practised.map(\.0)
                links += taught.map { CrossLink(from: id, to: $0.0, kind: .taughtIn, evidence: $0.1) }
                links += practised.map { CrossLink(from: id, to: $0.0, kind: .practisedIn, evidence: $0.1) }
            }
            skills.append(skill)
        }
        // A skill taught nowhere is worth a warning only where the roadmap has modules and the
        // matching found its footing (some skill is linked): otherwise the document is not
        // shaped as skills + modules, and every skill would warn.
        if roadmap.modules.count >= 2, skills.contains(where: { !$0.taughtIn.isEmpty || !$0.practisedIn.isEmpty }) {
            for skill in skills where !skill.isSoft && skill.taughtIn.isEmpty && skill.practisedIn.isEmpty {
                diagnostics.append(.warning(
                    "skill.untaught", "no module teaches and no project practises the skill '\(skill.title)'",
                    file: roadmap.sourcePath, at: skill.location))
            }
        }

        // Portfolio projects → modules and module projects they grow from.
        let moduleProjects = roadmap.projects.filter { moduleIDs.contains($0.sectionID) }
        var frequency: [Int32: Int] = [:]
        var projectStems: [String: StemSet] = [:]
        for project in roadmap.projects {
            let stems = stemmer.of(project.title).subtracting(stemmer.projectVerbs)
            projectStems[project.id] = stems
            for stem in stems.members { frequency[stem, default: 0] += 1 }
        }
        let moduleStems = modules.map { stemmer.of(Self.withoutDuration($0.title)).subtracting(stemmer.projectVerbs) }
        let common = Double(max(3, Int((Double(roadmap.projects.count) * 0.15).rounded(.up))))
        func grows(_ portfolio: StemSet, _ target: StemSet) -> Bool {
            let overlap = portfolio.intersection(target)
            guard !overlap.isEmpty, overlap.count * 3 >= portfolio.count * 2 else { return false }
            guard overlap.count >= 2 || (portfolio.count == 1 && target.count == 1) else { return false }
            return overlap.contains { Double(frequency[$0] ?? 0) < common }
        }
        // Each module project's stems looked up once, not once per portfolio project.
        let candidates = moduleProjects.map { (id: $0.id, title: $0.title, stems: projectStems[$0.id] ?? .empty) }
        for project in portfolio {
            let own = project.stems.subtracting(stemmer.projectVerbs)
            guard !own.isEmpty, !isVetoed(project.title) else { continue }
            for index in modules.indices where grows(own, moduleStems[index]) {
                links.append(CrossLink(from: project.id, to: modules[index].id, kind: .growsFrom, evidence: modules[index].title))
            }
            for index in candidates.indices where grows(own, candidates[index].stems) {
                links.append(CrossLink(from: project.id, to: candidates[index].id, kind: .growsFrom,
                                       evidence: candidates[index].title))
            }
        }

        // Tools and certifications → the modules about them.
        var seenResources = Set<String>()
        for marker in markers where (marker.kind == .tool || marker.kind == .certification)
            && seenResources.insert(marker.resourceID).inserted
        {
            let (core, _) = ResourceExtractor.splitNotes(marker.title)
            let subject = stemmer.of(core).subtracting(stemmer.certificationWords)
            guard !subject.isEmpty, !isVetoed(core) else { continue }
            for module in modules where module.titles.contains(where: {
                $0.text != marker.title && subject.isSubset(of: $0.stems) && $0.stems.count <= subject.count + 2
            }) {
                links.append(CrossLink(from: marker.anchor, to: module.id, kind: .about, evidence: module.title))
            }
        }
        return Output(crossLinks: CrossLinks(skills: skills, links: links, skillSectionID: skillSectionID), skillAnchors: skillAnchors, diagnostics: diagnostics)
    }

    /// Whether the glossary says a phrase with these stems is never linked.
    private func isVetoed(_ stems: [String]) -> Bool {
        !vetoed.isEmpty && vetoed.contains(stems.joined(separator: " "))
    }

    /// Whether the glossary says `text` is never linked; its stems are made only when something is vetoed.
    private func isVetoed(_ text: String) -> Bool {
        !vetoed.isEmpty && vetoed.contains(normaliser.stems(text).joined(separator: " "))
    }

    // MARK: - Matching

    /// The most words a line of a module's text may have to say a skill by holding all its words.
    static let shortLine = 6

    /// `ordered` is the skill's stems in order, `ids` their numbers.
    private func match(
        _ skill: StemSet, ordered: [String], ids: [Int32], isSoft: Bool, modules: [ModuleTerms], phases: [PhaseTerms],
        portfolio: [ProjectTerms]
    ) -> ([(String, String)], [(String, String)]) {
        var taught: [(String, String)] = []
        var practised: [(String, String)] = []
        for module in modules {
            if let title = module.titles.first(where: { skill.isSubset(of: $0.stems) }) {
                taught.append((module.id, title.text))
            } else if skill.count >= 2, skill.isSubset(of: module.union),
                      let title = module.headline.first(where: { $0.stems.intersectionCount(skill) * 2 >= skill.count })
            {
                taught.append((module.id, title.text))
            } else if skill.count >= 2, let line = module.body.first(where: {
                $0.stems.count <= Self.shortLine && skill.isSubset(of: $0.stems)
            }) {
                // One short line of the module's text says the whole skill ("Set up container orchestration").
                taught.append((module.id, line.text))
            }
        }
        // No module says it, but a phase's title does ("Machine Learning" under "Phase 2: Machine
        // Learning (4 months)"): the phase teaches it.
        if taught.isEmpty {
            for phase in phases where skill.isSubset(of: phase.stems) { taught.append((phase.id, phase.title)) }
        }
        for project in portfolio {
            if skill.isSubset(of: project.stems) {
                practised.append((project.id, project.title))
            } else if let detail = project.details.first(where: { skill.isSubset(of: $0.stems) }) {
                practised.append((project.id, detail.text))
            } else if skill.count >= 2, skill.isSubset(of: project.union),
                      project.stems.intersectionCount(skill) * 2 >= skill.count
            {
                practised.append((project.id, project.title))
            }
        }
        // Last resort: the skill's head word ("Model Monitoring" → monitoring), or its first
        // specific word when the head is generic ("CI/CD Pipelines" → CI/CD), in a headline.
        let headIndex = ordered.last.flatMap { Self.genericHeads.contains($0) ? nil : ordered.count - 1 }
            ?? ordered.firstIndex { !Self.genericHeads.contains($0) }
        if taught.isEmpty, practised.isEmpty, ordered.count >= 2, let head = headIndex.map({ ids[$0] }) {
            for module in modules {
                if let title = module.headline.first(where: { $0.stems.contains(head) }) { taught.append((module.id, title.text)) }
            }
            for project in portfolio where project.stems.contains(head) { practised.append((project.id, project.title)) }
        }
        // Still taught nowhere: the skill's head word in the text of one topic ("Container
        // Orchestration" → "Kubernetes", whose bullets say "Pod orchestration") when no other
        // module's text uses the word and the phase says the skill's other words.
        if taught.isEmpty, !isSoft, ordered.count >= 2, let lastStem = ordered.last, !Self.genericHeads.contains(lastStem),
           lastStem.count >= 4, let last = ids.last
        {
            let holders = modules.filter { $0.bodyUnion.contains(last) }
            if holders.count == 1, let module = holders.first,
               let line = module.body.first(where: { $0.stems.contains(last) })
            {
                let phase = modules.filter { $0.phaseIndex == module.phaseIndex }
                    .reduce(into: StemSet.empty) { $0.formUnion($1.bodyUnion) }
                if skill.isSubset(of: phase) { taught.append((module.id, line.text)) }
            }
        }
        return (taught, practised)
    }

    private func moduleTerms(_ roadmap: Roadmap, resources: [ResourceExtractor.Mention], stemmer: inout Stems) -> [ModuleTerms] {
        var projectsByModule: [String: [Project]] = [:]
        for project in roadmap.projects { projectsByModule[project.sectionID, default: []].append(project) }
        let goalsByModule = Self.checklistGoals(roadmap)
        var resourcesByModule: [String: [String]] = [:]
        for mention in resources { if let module = mention.moduleID { resourcesByModule[module, default: []].append(mention.title) } }
        // Topic, sub-topic and project titles come back as bullets of the body: each text is
        // stemmed once.
        func titled(_ text: String) -> Titled { Titled(text: text, stems: stemmer.of(text)) }
        var sections: [String: Section] = [:]
        roadmap.forEachSection { section in if section.role == .module { sections[section.id] = section } }
        var out: [ModuleTerms] = []
        for (phaseIndex, phase) in roadmap.phases.enumerated() {
            for module in phase.modules {
                let headline = [titled(Self.withoutDuration(module.title))] + module.topics.map { titled($0.title) }
                var titles = headline
                titles += module.topics.flatMap(\.subtopics).map(titled)
                titles += (goalsByModule[module.id] ?? []).map(titled)
                titles += (projectsByModule[module.id] ?? []).map { titled($0.title) }
                titles += (resourcesByModule[module.id] ?? []).map(titled)
                let union = StemSet(unionOf: titles.map(\.stems))
                let body = bodyLines(of: module, in: sections[module.id], stemmer: &stemmer)
                let bodyUnion = StemSet(unionOf: [union] + body.map(\.stems))
                out.append(ModuleTerms(id: module.id, title: module.title, phaseIndex: phaseIndex, headline: headline,
                                       titles: titles, union: union, body: body, bodyUnion: bodyUnion))
            }
        }
        return out
    }

    /// The bullets of a module's text: each list item's own paragraph, at any depth, with the
    /// title of the topic it is under. Prose paragraphs are left out: they say what a module
    /// uses as often as what it teaches ("Build a small app with React and CSS layout").
    private func bodyLines(of module: Module, in section: Section?, stemmer: inout Stems) -> [Titled] {
        guard let section else { return [] }
        let topicTitles = Dictionary(module.topics.map { ($0.location, $0.title) }, uniquingKeysWith: { a, _ in a })
        let moduleTitle = Self.withoutDuration(module.title)
        var out: [Titled] = []
        // Nodes are read in place through their arrays: a `for child in` loop copies each one.
        func walk(_ nodes: [MarkdownNode], topic: String) {
            for index in nodes.indices {
                switch nodes[index].kind {
                case .item:
                    let topic = topicTitles[nodes[index].range.start] ?? topic
                    let children = nodes[index].children
                    if let first = children.first, case .paragraph = first.kind {
                        let text = ResourceExtractor.squeeze(first.plainText)
                        if !text.isEmpty { out.append(Titled(text: topic, stems: stemmer.of(text))) }
                    }
                    walk(children, topic: topic)
                case .list, .blockQuote:
                    walk(nodes[index].children, topic: topic)
                default:
                    break
                }
            }
        }
        section.forEachSection { part in walk(part.blocks, topic: moduleTitle) }
        return out
    }

    /// The checklist items (`- [ ] Build a form`) of each module: learning goals it states.
    static func checklistGoals(_ roadmap: Roadmap) -> [String: [String]] {
        var out: [String: [String]] = [:]
        func walk(_ node: MarkdownNode, module: String) {
            if case .item(let task) = node.kind, task != nil, let first = node.children.first, case .paragraph = first.kind {
                out[module, default: []].append(ResourceExtractor.squeeze(first.plainText))
            }
            walkBlocks(node.children, module: module)
        }
        // The block children, read in place through the array: a `for child in` loop copies each node.
        func walkBlocks(_ nodes: [MarkdownNode], module: String) {
            for index in nodes.indices where nodes[index].kind.isBlock {
                if case .item(let task) = nodes[index].kind, task != nil, let first = nodes[index].children.first,
                   case .paragraph = first.kind
                {
                    out[module, default: []].append(ResourceExtractor.squeeze(first.plainText))
                }
                walkBlocks(nodes[index].children, module: module)
            }
        }
        func visit(_ section: Section, module: String?) {
            let module = section.role == .module ? section.id : module
            if let module { for block in section.blocks { walk(block, module: module) } }
            for child in section.children { visit(child, module: module) }
        }
        for section in roadmap.sections { visit(section, module: nil) }
        return out
    }

    /// "DevOps Essentials (8 weeks)" → "DevOps Essentials".
    static func withoutDuration(_ title: String) -> String {
        // On bytes for ASCII titles; in other text a bracket followed by a combining mark is
        // another Character, so those keep the Character search.
        let open = title.isAllASCII
            ? title.utf8.lastIndex { $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: "[") }
            : title.lastIndex { $0 == "(" || $0 == "[" }
        guard let open else { return title }
        return String(title[..<open]).trimmingSpaces()
    }

    // MARK: - Finding skills

    /// The skill list items with their groups and the anchors they get on the page; the same
    /// for the page and for its listing (``RoadmapEnricher/listing(_:)``), so links from other
    /// roadmaps land on these anchors.
    func skillEntries(_ roadmap: Roadmap) -> ([(SkillItem, String, String)], String?) {
        var slugger = Slugger(reserved: roadmap.anchors)
        let (found, sectionID) = skillItems(roadmap)
        return (found.map { ($0.0, $0.1, slugger.anchor(for: "skill " + $0.0.title)) }, sectionID)
    }

    /// Whether a heading's stems say it lists skills ("Technical Skills", "Core Competencies").
    static func namesSkills(_ stems: [String]) -> Bool {
        stems.contains { $0 == "skill" || $0.hasPrefix("competenc") }
    }

    struct SkillItem {
        var title: String
        var location: SourceLocation
        var sectionID: String
    }

    /// The items of skill lists, with the title of the heading or label each list is under. An
    /// item the model reads as a portfolio project ("Basic Projects" under "Core Competencies")
    /// is a project, not a skill: its list item carries the project's anchor.
    private func skillItems(_ roadmap: Roadmap) -> ([(SkillItem, String)], String?) {
        var out: [(SkillItem, String)] = []
        var sectionID: String?
        let projects = Set(roadmap.projects.map(\.location))
        func collect(_ section: Section) {
            var group = section.title
            for block in section.blocks {
                if case .paragraph = block.kind {
                    let text = ResourceExtractor.squeeze(block.plainText)
                    if text.hasSuffix(":"), text.count <= 40 { group = String(text.dropLast()) }
                    continue
                }
                items(in: block, group: group, sectionID: section.id, projects: projects, into: &out)
            }
            for child in section.children where child.role == .section { collect(child) }
        }
        func visit(_ sections: [Section]) {
            for section in sections {
                guard section.role == .section else { continue }
                if Self.namesSkills(normaliser.stems(section.title)) {
                    if sectionID == nil { sectionID = section.id }
                    collect(section)
                } else {
                    visit(section.children)
                }
            }
        }
        visit(roadmap.sections)
        return (out, sectionID)
    }

    private func items(
        in node: MarkdownNode, group: String, sectionID: String, projects: Set<SourceLocation>,
        into out: inout [(SkillItem, String)]
    ) {
        guard case .list = node.kind else { return }
        for item in node.children where !projects.contains(item.range.start) {
            guard let first = item.children.first, case .paragraph = first.kind else { continue }
            let text = ResourceExtractor.squeeze(first.plainText)
            let sublists = item.children.dropFirst().filter { if case .list = $0.kind { true } else { false } }
            if !sublists.isEmpty, text.count <= 40 {
                // "Technical:" with the skills below it.
                let label = text.hasSuffix(":") ? String(text.dropLast()) : text
                for list in sublists { items(in: list, group: label, sectionID: sectionID, projects: projects, into: &out) }
                continue
            }
            var (core, _) = ResourceExtractor.splitNotes(text)
            if let colon = core.utf8.firstIndex(of: UInt8(ascii: ":")) { core = String(core[..<colon]) }
            core = core.trimmingSpaces()
            guard !core.isEmpty, core.count <= 60, core.split(separator: " ").count <= 7 else { continue }
            out.append((SkillItem(title: core, location: item.range.start, sectionID: sectionID), group))
        }
    }
}
