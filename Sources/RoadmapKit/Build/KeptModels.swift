import Foundation

/// What pass 1 keeps of each roadmap for pass 2, so that pass 2 need not read it all again: its
/// whole model while a memory budget allows, else its resource uses (a few kilobytes), with
/// which pass 2 builds the model again (the same parser and builder over the same document).
/// Each is taken once, so it is freed as soon as its page is rendered.
///
/// A model takes some 15 to 20 times the bytes of its Markdown (a 7 KB roadmap is 110 to 135 KB
/// of nodes, sections and resources), so the default budget of 24 MB of Markdown keeps about
/// 450 MB of models: every roadmap of a site of 3,000 like that, the first 3,000 of a larger
/// one. Measured on 10,000 generated roadmaps (70 MB of Markdown), the build's peak memory is
/// 860 MB with this budget, 748 MB keeping no model, 996 MB with 32 MB of Markdown, and 1.6 GB
/// keeping every model (before the two passes: 777 MB). Building a model again costs about
/// 4.5 million instructions (parse and build); reading its resources again, which kept uses
/// spare, 2.3 million more.
final class KeptModels: @unchecked Sendable {
    static let markdownBudget = 24 << 20

    /// What is kept of one roadmap.
    enum Kept: Sendable {
        case model(AnchoredRoadmap)
        case resourceUses(ResourceUses)

        var model: AnchoredRoadmap? {
            if case .model(let model) = self { model } else { nil }
        }

        var resourceUses: ResourceUses {
            switch self {
            case .model(let model): model.uses
            case .resourceUses(let uses): uses
            }
        }
    }

    /// The content-relative paths of the roadmaps whose models are kept.
    private let chosen: Set<String>
    private let lock = NSLock()
    private var kept: [String: Kept] = [:]

    /// Chooses the roadmaps whose models are kept: `documents` in order, while their Markdown
    /// fits in `budget` bytes.
    init(for documents: [PreparedDocument], budget: Int = markdownBudget) {
        var chosen = Set<String>()
        var total = 0
        for document in documents {
            total += document.body.utf8.count
            guard total <= budget else { break }
            chosen.insert(document.file.relativePath)
        }
        self.chosen = chosen
    }

    /// Keeps `model`, or its resource uses if its roadmap is not one of those chosen.
    func keep(_ model: AnchoredRoadmap) {
        let source = model.roadmap.source
        let kept: Kept = chosen.contains(source) ? .model(model) : .resourceUses(model.uses)
        lock.withLock { self.kept[source] = kept }
    }

    /// What was kept of the roadmap at `source` (content-relative), handed out once.
    func take(_ source: String) -> Kept? {
        lock.withLock { kept.removeValue(forKey: source) }
    }
}
