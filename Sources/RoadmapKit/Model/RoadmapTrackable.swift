import RoadmapMarkdown

/// What a learner can mark on a roadmap's page: modules, topics, projects, every task-list item
/// (`- [ ]`, `- [x]`), and phases without modules (a numbered step, a day of a challenge).
extension RoadmapBuilder {
    /// A task-list item that is not a topic, project or module already.
    struct TaskItem {
        var id: String
        var title: String
        var location: SourceLocation
        /// The section the item is in ("" before the first section).
        var sectionID: String
    }

    /// The task-list items of the document, each given an anchor (after every other anchor, so
    /// that adding a task never changes another item's).
    func collectTasks(preamble: [MarkdownNode], sections: [Section], slugger: inout Slugger,
                      anchors: inout [SourceLocation: String]) -> [TaskItem]
    {
        var tasks: [TaskItem] = []
        // Nodes are read in place through their arrays: a `for node in` loop would copy each.
        func walk(_ nodes: [MarkdownNode], sectionID: String) {
            for index in nodes.indices {
                switch nodes[index].kind {
                case .item(let task):
                    let start = nodes[index].range.start
                    if task != nil, anchors[start] == nil, case let title = Self.itemTitle(nodes[index]), !title.isEmpty {
                        let id = slugger.anchor(for: title)
                        anchors[start] = id
                        tasks.append(TaskItem(id: id, title: title, location: start, sectionID: sectionID))
                    }
                    walk(nodes[index].children, sectionID: sectionID)
                case .list, .blockQuote, .footnoteDefinition:
                    walk(nodes[index].children, sectionID: sectionID)
                default:
                    continue
                }
            }
        }
        walk(preamble, sectionID: "")
        for root in sections {
            root.forEachSection { walk($0.blocks, sectionID: $0.id) }
        }
        return tasks
    }

    /// Everything the page lets a learner mark, in document order, each with the phase it counts in.
    static func trackable(phases: [Phase], projects: [Project], tasks: [TaskItem], sections: [Section]) -> [TrackableItem] {
        var items: [TrackableItem] = []
        for phase in phases {
            if phase.modules.isEmpty {
                items.append(TrackableItem(id: phase.id, title: phase.title, location: phase.location, kind: .phase,
                                           phaseID: phase.id))
            }
            for module in phase.modules {
                items.append(TrackableItem(id: module.id, title: module.title, location: module.location, kind: .module,
                                           phaseID: phase.id))
                for topic in module.topics {
                    items.append(TrackableItem(id: topic.id, title: topic.title, location: topic.location, kind: .topic,
                                               phaseID: phase.id))
                }
            }
        }
        for project in projects {
            items.append(TrackableItem(id: project.id, title: project.title, location: project.location, kind: .project))
        }
        if !tasks.isEmpty {
            var phaseOfSection: [String: String] = [:]
            func note(_ section: Section, phase: String?) {
                let phase = section.role == .phase ? section.id : phase
                if let phase { phaseOfSection[section.id] = phase }
                for child in section.children { note(child, phase: phase) }
            }
            for root in sections { note(root, phase: nil) }
            for task in tasks {
                items.append(TrackableItem(id: task.id, title: task.title, location: task.location, kind: .task,
                                           phaseID: phaseOfSection[task.sectionID]))
            }
        }
        items.sort { $0.location < $1.location }
        return items
    }
}
