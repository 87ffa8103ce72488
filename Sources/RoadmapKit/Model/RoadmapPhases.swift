import RoadmapMarkdown

/// Phases and modules: the shapes a reader takes as the steps of a roadmap.
///
/// Among sibling headings, first:
/// - a heading that says it is a phase ("Phase 1: …", "Foundation Phase", "第一阶段");
/// - tracks: two or more siblings that each group a numbered run of headings (the tracks are
///   the phases, their steps the modules);
/// - a run of two or more periods ("Month 1", "Week 2", "Day 5"), of numbered steps ("Step 1",
///   "Part 2") or of numbered headings ("1. GIT", "2. Learn one programming language").
///
/// Where no heading reads so: sibling headings that state a duration ("Python - 1 Month",
/// "Django (4 weeks)", "Learn SQL in 3 weeks"), two or more. Where none does either: sections
/// that hold a schedule, a table with a Duration, Length or Weeks column (a module a row) or a
/// dated list ("Day 12 > …", a module an item).
///
/// A phase's sub-sections are its modules; a phase without any takes its modules from its
/// schedule, if it has one. Never a phase or a module: licence, contributing, table of contents,
/// acknowledgements, support, star history, video links (``isNeverPhase(_:)``).
extension RoadmapBuilder {
    // MARK: - What headings say

    /// A heading names a phase when it says so ("Phase 1: …", "Foundation Phase", "Stage 2",
    /// "Fase 1", "第一阶段：基础", "1단계") or is a numbered period ("Month 1", "Week 3", "Day 5").
    static func namesPhase(_ title: String) -> Bool {
        saysPhase(title) || namesPeriod(title)
    }

    /// Whether the heading starts with a numbered period of a plan: "Month 1", "Week 3", "Days 1-5".
    static func namesPeriod(_ title: String) -> Bool { namesPeriod(lowercased: title.lowercased()) }

    private static func namesPeriod(lowercased lower: String) -> Bool {
        let trimmed = lower.drop { !$0.isLetter }
        // In ASCII text a prefix of Characters is a prefix of bytes.
        let isASCII = lower.isAllASCII
        for word in ["month", "week", "day", "year", "quarter", "semester", "term"]
            where isASCII ? trimmed.utf8.starts(with: word.utf8) : trimmed.hasPrefix(word)
        {
            let rest = trimmed.dropFirst(word.count).drop { $0 == "s" || $0 == " " }
            // "Year 2024 Review" names a calendar year, not a period of the plan.
            if word == "year", rest.prefix(while: \.isNumber).count >= 3 { continue }
            if let first = rest.first, first.isNumber { return true }
        }
        return false
    }

    /// Whether the heading holds a word for "phase" (not a period such as "Week 2").
    static func saysPhase(_ title: String) -> Bool { saysPhase(lowercased: title.lowercased()) }

    private static func saysPhase(lowercased lower: String) -> Bool {
        if phaseWords.contains(where: { lower.containsWord($0) }) { return true }
        // Scripts without spaces between words: the word anywhere in the heading (never in ASCII text).
        return !lower.isAllASCII && unspacedPhaseWords.contains { lower.contains($0) }
    }

    /// Words that name a phase: English, Spanish, Portuguese, Italian, French, German.
    static let phaseWords = ["phase", "stage", "milestone", "fase", "etapa", "étape", "stufe"]
    /// The same in Chinese (simplified, traditional), Japanese and Korean.
    static let unspacedPhaseWords = ["阶段", "階段", "段階", "フェーズ", "ステージ", "단계"]

    /// "Step 1", "Level 2", "Part 3", "Module 4", "Lesson 5": the word before the number, when the
    /// heading starts with one. Such a heading is a phase only among siblings numbered the same way.
    static func numberedStep(_ title: String) -> String? { numberedStep(lowercased: title.lowercased()) }

    private static func numberedStep(lowercased lower: String) -> String? {
        let trimmed = lower.drop { !$0.isLetter }
        let isASCII = lower.isAllASCII  // a prefix of bytes is then a prefix of Characters
        for word in stepWords where isASCII ? trimmed.utf8.starts(with: word.utf8) : trimmed.hasPrefix(word) {
            let rest = trimmed.dropFirst(word.count).drop { $0 == " " || $0 == "\u{00A0}" }
            if let first = rest.first, first.isNumber { return word }
        }
        return nil
    }

    static let stepWords = ["step", "level", "part", "round", "tier", "module", "lesson", "chapter", "unit"]

    /// The number a heading opens with, as in a numbered list of steps: "1. GIT", "2) Docker",
    /// "03 - Networking", "4: Kubernetes", "5、数据库" (emoji or marks before it skipped); nil for
    /// "2024 Review", "3D Modelling", "1.5 Things" and "100 Days of Code".
    static func headingNumber(_ title: String) -> Int? {
        let text = title.drop { !$0.isNumber && !$0.isLetter }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 3, let number = Int(digits) else { return nil }
        let rest = text.dropFirst(digits.count)
        guard let mark = rest.first else { return nil }
        switch mark {
        case ".", ")", "、", ":", "：":
            // "1.5 Things" is a number, not step 1.
            guard let next = rest.dropFirst().first else { return nil }
            return next.isNumber ? nil : number
        case " ", "\u{00A0}":
            // "03 - Networking": a dash after the number; "100 Days of Code" has none.
            let afterSpaces = rest.drop { $0 == " " || $0 == "\u{00A0}" }
            guard let dash = afterSpaces.first, "-–—:|".contains(dash) else { return nil }
            return number
        default:
            return nil
        }
    }

    /// Headings a reader never takes as a step of the roadmap, whatever their number or
    /// duration: licence, contributing, table of contents, acknowledgements, support, star
    /// history, and video links ("Part 1 – YouTube Tutorial").
    static func isNeverPhase(_ title: String) -> Bool { isNeverPhase(lowercased: title.lowercased()) }

    private static func isNeverPhase(lowercased lower: String) -> Bool {
        let phrase = letterWords(lower)
        if neverPhaseTitles.contains(phrase) { return true }
        if neverPhasePrefixes.contains(where: { phrase.hasPrefix($0) && (phrase.utf8.dropFirst($0.utf8.count).first ?? 0x20) == 0x20 }) {
            return true
        }
        // A video word anywhere, even inside another ("YouTubeTutorial"): no other word holds one.
        return videoWords.contains { phrase.literalRange(of: $0) != nil }
    }

    /// The words of a text, letters only, one space between them: "📚 Star History!" is "star history".
    static func letterWords(_ text: String) -> String {
        text.split { !$0.isLetter }.joined(separator: " ")
    }

    static let neverPhaseTitles: Set<String> = [
        "contributing", "contribute", "how to contribute", "contribution", "contributions", "contribution guidelines",
        "contributors", "contents", "toc", "index", "acknowledgements", "acknowledgments", "acknowledgement",
        "acknowledgment", "thanks", "special thanks", "credits", "sponsors", "sponsor", "donate", "donations",
        "support", "support me", "support us", "support the project", "support this project", "support the author",
        "show your support", "stargazers", "stargazers over time", "code of conduct", "changelog", "licensing",
    ]
    /// "License: MIT", "Table of Contents (click to expand)", "Star History Chart".
    static let neverPhasePrefixes = ["license", "licence", "table of contents", "star history"]
    /// Words of a heading that names a video rather than a step: "Part 1 – YouTube Tutorial".
    static let videoWords = ["youtube", "vimeo", "playlist", "livestream", "webinar"]

    /// What a section's heading says about its place among the steps, read once for each heading.
    struct HeadingShape {
        /// A heading never a phase (``isNeverPhase(_:)``): then every other field is false or nil.
        var isNever = false
        var saysPhase = false
        /// "Month 1", "Week 2", "Day 5".
        var isPeriod = false
        /// "step" for "Step 1: …".
        var stepWord: String?
        /// 1 for "1. GIT".
        var number: Int?

        init(_ section: Section) {
            let lower = section.title.lowercased()
            saysPhase = RoadmapBuilder.saysPhase(lowercased: lower)
            isPeriod = !saysPhase && RoadmapBuilder.namesPeriod(lowercased: lower)
            if !saysPhase, !isPeriod {
                stepWord = RoadmapBuilder.numberedStep(lowercased: lower)
                if stepWord == nil { number = RoadmapBuilder.headingNumber(section.title) }
            }
            // Only a heading that could be a step, or could hold steps, is asked whether it never is
            // one: most headings of a roadmap are neither, and the question costs a pass over the text.
            guard saysPhase || isPeriod || stepWord != nil || number != nil || !section.children.isEmpty,
                  RoadmapBuilder.isNeverPhase(lowercased: lower) else { return }
            self = HeadingShape()
            isNever = true
        }

        private init() {}
    }

    // MARK: - Marking phases

    /// Marks phase sections, and their sub-sections as modules (see the shapes above).
    func markPhases(in roots: inout [Section]) {
        if markByHeadings(&roots, shapes: roots.map(HeadingShape.init)) { return }
        if markByDuration(&roots) { return }
        _ = markBySchedule(&roots)
    }

    private func markPhase(_ section: inout Section) {
        section.role = .phase
        for child in section.children.indices
        where !Self.namesSupportSection(section.children[child].title) && !Self.isNeverPhase(section.children[child].title) {
            section.children[child].role = .module
        }
    }

    /// Phases named by headings: phase words, tracks of numbered steps, runs of periods, steps
    /// or numbered headings. `shapes` are the sections' own; each title is read once. Whether
    /// any phase was found.
    private func markByHeadings(_ sections: inout [Section], shapes: [HeadingShape]) -> Bool {
        let periodCount = shapes.filter(\.isPeriod).count
        let phaseHeadings = Set(sections.indices.filter { index in
            guard shapes[index].saysPhase || (shapes[index].isPeriod && periodCount >= 2) else { return false }
            // A heading over two or more phases ("学习阶段" over "第一阶段", "第二阶段") only groups them.
            return !sections[index].title.lowercased().hasSuffix("phases")
                && sections[index].children.filter({ Self.saysPhase($0.title) }).count < 2
        })
        // Shapes, not copies of the sections, are kept: a copy would share its children, and
        // marking them below would then copy them all. A phase's sub-sections are its modules
        // whatever they say, and a never-phase's are not read.
        let childShapes = sections.indices.map { index in
            phaseHeadings.contains(index) || shapes[index].isNever ? [] : sections[index].children.map(HeadingShape.init)
        }
        let tracks = Set(sections.indices.filter {
            !shapes[$0].isNever && !shapes[$0].saysPhase && !shapes[$0].isPeriod && Self.groupsNumberedSteps(childShapes[$0])
        })
        var found = false
        var steps: [String: [Int]] = [:]
        var numbered: [(index: Int, number: Int)] = []
        for index in sections.indices where !shapes[index].isNever {
            let shape = shapes[index]
            if phaseHeadings.contains(index) {
                markPhase(&sections[index])
                found = true
            } else if tracks.count >= 2, tracks.contains(index) {
                markPhase(&sections[index])
                found = true
            } else if markByHeadings(&sections[index].children, shapes: childShapes[index]) {
                found = true
            } else if let word = shape.stepWord {
                steps[word, default: []].append(index)
            } else if let number = shape.number {
                numbered.append((index, number))
            }
        }
        // "Step 1", "Step 2": a numbered run of siblings; a lone "Part 1" is not a phase.
        for indices in steps.values where indices.count >= 2 {
            for index in indices { markPhase(&sections[index]) }
            found = true
        }
        if Self.isRun(numbered.map(\.number)) {
            for (index, _) in numbered { markPhase(&sections[index]) }
            found = true
        }
        return found
    }

    /// Whether numbers of sibling headings read as one numbered run: two or more, each after the last.
    private static func isRun(_ numbers: [Int]) -> Bool {
        numbers.count >= 2 && zip(numbers, numbers.dropFirst()).allSatisfy { $0 < $1 }
    }

    /// Whether headings are a numbered run of steps ("Step 1", "Step 2" or "1. …", "2. …") and
    /// no phase of their own: what a track of steps holds.
    private static func groupsNumberedSteps(_ shapes: [HeadingShape]) -> Bool {
        let shapes = shapes.filter { !$0.isNever }
        guard !shapes.contains(where: { $0.saysPhase || $0.isPeriod }) else { return false }
        var steps: [String: Int] = [:]
        for shape in shapes { if let word = shape.stepWord { steps[word, default: 0] += 1 } }
        return steps.values.contains { $0 >= 2 } || isRun(shapes.compactMap(\.number))
    }

    /// Sibling headings that state durations (two or more) are the phases.
    private func markByDuration(_ sections: inout [Section]) -> Bool {
        let timed = sections.indices.filter {
            !Self.isNeverPhase(sections[$0].title)
                && durationParser.durationAnywhere(sections[$0].title) != nil
        }
        if timed.count >= 2 {
            for index in timed { markPhase(&sections[index]) }
            return true
        }
        for index in sections.indices where markByDuration(&sections[index].children) { return true }
        return false
    }

    /// Sections holding a schedule (a table with a duration column, a dated list) are phases.
    private func markBySchedule(_ sections: inout [Section]) -> Bool {
        var found = false
        for index in sections.indices where !Self.isNeverPhase(sections[index].title) {
            if sections[index].blocks.contains(where: isSchedule) {
                sections[index].role = .phase
                found = true
            } else if markBySchedule(&sections[index].children) {
                found = true
            }
        }
        return found
    }

    // MARK: - Schedules

    /// A table with a duration column, or a dated list.
    private func isSchedule(_ node: MarkdownNode) -> Bool {
        switch node.kind {
        case .table: return Self.durationColumn(of: node) != nil
        case .list: return isDatedList(node)
        default: return false
        }
    }

    /// A list that opens with a dated item and most of whose items, two or more, are dated:
    /// "Day 12 > Containers". (Only a list whose first item is dated is read further: a long list
    /// of links is not parsed item by item.)
    private func isDatedList(_ list: MarkdownNode) -> Bool {
        guard list.children.count >= 2, let first = list.children.first,
              durationParser.leadingPeriod(Self.itemTitle(first)) != nil else { return false }
        let dated = list.children.filter { durationParser.leadingPeriod(Self.itemTitle($0)) != nil }.count
        return dated * 2 > list.children.count
    }

    /// The column of a table whose header says how long each row takes: "Duration", "Length",
    /// "Weeks", "Duration (weeks)", "Day".
    static func durationColumn(of table: MarkdownNode) -> Int? {
        guard let header = table.children.first, case .tableRow(isHeader: true) = header.kind else { return nil }
        return header.children.firstIndex { cell in
            let words = cell.plainText.lowercased().split { !$0.isLetter }
            return words.count <= 3 && words.contains { durationColumnWords.contains(String($0)) }
        }
    }

    static let durationColumnWords: Set<String> = [
        "duration", "length", "timeframe", "timeline", "week", "weeks", "day", "days", "month", "months",
    ]

    /// The modules a phase's schedule lists: each row of a duration table, each dated item of a
    /// list, with the anchor each gets.
    func scheduledModules(in blocks: [MarkdownNode], slugger: inout Slugger, anchors: inout [SourceLocation: String]) -> [Module] {
        var modules: [Module] = []
        func add(_ title: String, at location: SourceLocation, duration: DurationValue?) {
            guard !title.isEmpty else { return }
            let id = slugger.anchor(for: title)
            anchors[location] = id
            modules.append(Module(id: id, title: title, location: location, durationText: duration?.text,
                                  duration: duration, durationLocation: duration == nil ? nil : location, topics: []))
        }
        for block in blocks {
            switch block.kind {
            case .table:
                guard let column = Self.durationColumn(of: block) else { continue }
                let header = block.children[0].children[column].plainText.trimmingWhitespace()
                let rows = block.children.dropFirst()
                let cells = rows.map { $0.children.indices.contains(column) ? $0.children[column].plainText.trimmingWhitespace() : "" }
                let durations = rowDurations(cells, header: header)
                for (row, duration) in zip(rows, durations) {
                    let title = row.children.indices.lazy.filter { $0 != column }
                        .map { row.children[$0].plainText.trimmingWhitespace() }.first { !$0.isEmpty } ?? ""
                    add(title, at: row.range.start, duration: duration)
                }
            case .list where isDatedList(block):
                for item in block.children {
                    let title = String(Self.itemTitle(item).drop { !$0.isLetter && !$0.isNumber })
                    guard let duration = durationParser.leadingPeriod(title) else { continue }
                    add(title, at: item.range.start, duration: duration)
                }
            default:
                continue
            }
        }
        return modules
    }

    /// The durations of a duration column's cells. A cell that states one says it ("14 weeks");
    /// bare numbers take their unit from the header ("Weeks", "Duration (days)") and are periods
    /// of a schedule when the header is one unit ("Week": 1, 2, 3) or they follow on from 1
    /// ("1-2", "3-4", "5"), lengths otherwise ("3", "2", "4" weeks).
    func rowDurations(_ cells: [String], header: String) -> [DurationValue?] {
        let headerWords = header.lowercased().split { !$0.isLetter }.map(String.init)
        let unit = headerWords.lazy.compactMap { word in Self.unitNames.first { word == $0 || word == $0 + "s" } }.first
        let bare = cells.map(Self.bareNumbers)
        var next = 1.0
        let followsOn = bare.allSatisfy { numbers in
            guard let (first, last) = numbers, first == next else { return numbers == nil }
            next = last + 1
            return true
        } && bare.contains { $0 != nil }
        let periods = followsOn || (unit.map { headerWords.contains($0) } ?? false)
        return zip(cells, bare).map { cell, numbers in
            if let stated = durationParser.durationAnywhere(cell) { return stated }
            guard numbers != nil, let unit else { return nil }
            return periods ? durationParser.periodDuration("\(unit.capitalized) \(cell)")
                : durationParser.headingDuration("\(cell) \(unit)s")
        }
    }

    static let unitNames = ["hour", "day", "week", "month", "year"]

    /// "3" or "1-2" (any dash, or "to"): the numbers of a cell that holds nothing else.
    static func bareNumbers(_ cell: String) -> (Double, Double)? {
        let parts = cell.replacingOccurrences(of: " to ", with: "-").split { "-–—".contains($0) }
            .map { $0.trimmingSpaces() }
        guard (1...2).contains(parts.count), let first = Double(parts[0]), let last = Double(parts[parts.count - 1]),
              first >= 1, first.rounded() == first, last >= first, last.rounded() == last else { return nil }
        return (first, last)
    }

    // MARK: - Collecting phases

    /// The phases of the marked tree, with their modules: sub-sections marked as modules, else
    /// the rows and items of the phase's schedule (which get anchors here).
    func collectPhases(_ sections: [Section], slugger: inout Slugger, anchors: inout [SourceLocation: String],
                       into phases: inout [Phase])
    {
        for section in sections {
            if section.role == .phase {
                let (text, value, location) = stated(section)
                var phase = Phase(
                    id: section.id, title: section.title, location: section.heading.location,
                    durationText: text, duration: value, durationLocation: location, modules: [])
                for child in section.children where child.role == .module {
                    let (text, value, location) = stated(child)
                    phase.modules.append(Module(
                        id: child.id, title: child.title, location: child.heading.location,
                        durationText: text, duration: value, durationLocation: location, topics: []))
                }
                if phase.modules.isEmpty {
                    phase.modules = scheduledModules(in: section.blocks, slugger: &slugger, anchors: &anchors)
                }
                phases.append(phase)
            } else {
                collectPhases(section.children, slugger: &slugger, anchors: &anchors, into: &phases)
            }
        }
    }

    /// The duration a section states: in its heading (bracketed, trailing, as a period, or
    /// anywhere), or on a `Duration:` line among its own blocks.
    private func stated(_ section: Section) -> (String?, DurationValue?, SourceLocation?) {
        if let value = durationParser.headingDuration(section.title) ?? durationParser.periodDuration(section.title)
            ?? durationParser.durationAnywhere(section.title)
        {
            return (value.text, value, section.heading.location)
        }
        for block in section.blocks {
            if let (value, location) = labelledDuration(in: block) { return (value.text, value, location) }
        }
        return (nil, nil, nil)
    }

    private func labelledDuration(in node: MarkdownNode) -> (DurationValue, SourceLocation)? {
        switch node.kind {
        case .paragraph:
            for line in node.plainText.split(separator: "\n") {
                if let value = durationParser.labelledDuration(String(line)) { return (value, node.range.start) }
            }
            return nil
        case .list:
            for item in node.children {
                if let first = item.children.first, case .paragraph = first.kind,
                   let value = durationParser.labelledDuration(first.plainText)
                {
                    return (value, first.range.start)
                }
            }
            return nil
        default:
            return nil
        }
    }
}
