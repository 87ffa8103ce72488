import Foundation

/// The models pass 1 built, kept for pass 2 so that it need not parse and build them again, as
/// many as a memory budget allows; pass 2 builds the others again (the same model: the same
/// parser and builder over the same document). Each is taken once, so it is freed as soon as
/// its page is rendered.
///
/// A model takes some 15 times the bytes of its Markdown (a 7 KB roadmap is about 110 KB of
/// nodes, sections and resources), so the default budget of 24 MB of Markdown keeps about
/// 400 MB of models: every roadmap of a site of 3,000 like that, the first 3,000 of a larger
/// one. Keeping all 10,000 would take 1.6 GB more at the build's peak.
final class KeptModels: @unchecked Sendable {
    static let markdownBudget = 24 << 20

    /// The content-relative paths of the roadmaps whose models are kept.
    private let chosen: Set<String>
    private let lock = NSLock()
    private var models: [String: AnchoredRoadmap] = [:]

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

    /// Keeps `model` if its roadmap is one of those chosen.
    func keep(_ model: AnchoredRoadmap) {
        guard chosen.contains(model.roadmap.source) else { return }
        lock.withLock { models[model.roadmap.source] = model }
    }

    /// The kept model of the roadmap at `source` (content-relative), handed out once.
    func take(_ source: String) -> AnchoredRoadmap? {
        lock.withLock { models.removeValue(forKey: source) }
    }
}
