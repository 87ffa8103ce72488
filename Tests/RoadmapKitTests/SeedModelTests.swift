import Foundation
import Testing
@testable import RoadmapKit
import RoadmapMarkdown

/// The seed roadmap, read as a careful reader would: sections, phases, modules, durations.
@Suite struct SeedModelTests {
    static func seed() throws -> Roadmap {
        try EnrichmentFixture.roadmap(at: TestPaths.seedContent.appendingPathComponent("mlops-engineer.md"), source: "mlops-engineer.md")
    }

    @Test func titleSlugAndSections() throws {
        let roadmap = try Self.seed()
        #expect(roadmap.title == "MLOps Engineer Career Roadmap")
        #expect(roadmap.slug == "mlops-engineer")
        #expect(roadmap.summary.hasPrefix("An MLOps Engineer specializes in operationalizing"))
        #expect(roadmap.sections.map(\.title) == [
            "Role Definition & Career Overview", "Core Competencies", "Learning Roadmap", "Practical Experience",
            "Professional Development", "Resources", "Success Metrics", "Career Tips",
        ])
    }

    @Test func phasesAndModulesWithDurations() throws {
        let roadmap = try Self.seed()
        #expect(roadmap.phases.map(\.title) == [
            "Foundation Phase (4 weeks)", "Phase 1: DevOps & Cloud Foundations (4-5 months)",
            "Phase 2: ML Systems & Operations (5-6 months)", "Phase 3: Advanced MLOps (4-5 months)",
        ])
        #expect(roadmap.phases.map { $0.location.line } == [43, 54, 102, 140])
        #expect(roadmap.phases.map { $0.modules.map(\.title) } == [
            ["AI for Everyone by Andrew Ng"],
            ["DevOps Essentials (8 weeks)", "Cloud Platforms (8 weeks)"],
            ["ML Pipeline Development (12 weeks)", "Model Deployment (12 weeks)", "Monitoring & Maintenance (12 weeks)"],
            ["ML Platform Development (8 weeks)", "AutoML & Pipeline Automation (8 weeks)", "Security & Compliance (8 weeks)"],
        ])
        #expect(roadmap.phases.map { $0.duration?.minWeeks ?? -1 }.map { ($0 * 100).rounded() / 100 } == [4, 17.33, 21.67, 17.33])
        // The Foundation module states its duration on a `**Duration**: 4 weeks` line.
        #expect(roadmap.phases[0].modules[0].duration?.maxWeeks == 4)
        #expect(roadmap.phases[0].modules[0].durationLocation?.line == 47)
        #expect(roadmap.modules.allSatisfy { $0.duration != nil })
        // The total comes from the timeline, which the enrichment stage builds.
        #expect(RoadmapEnricher().enrich(roadmap).roadmap.totalDuration?.text(in: .english) == "14–17 months")
    }

    @Test func topicsProjectsAndAnchors() throws {
        let roadmap = try Self.seed()
        let cloud = try #require(roadmap.modules.first { $0.title.hasPrefix("Cloud Platforms") })
        #expect(cloud.topics.map(\.title) == ["Cloud Infrastructure", "Kubernetes"])
        #expect(cloud.topics.map(\.id) == ["cloud-infrastructure", "kubernetes"])
        #expect(cloud.topics[1].subtopics == ["Cluster management", "Pod orchestration", "Service deployment", "Resource management"])
        let portfolio = roadmap.projects.filter { $0.sectionID != "" && !roadmap.modules.map(\.id).contains($0.sectionID) }
        #expect(portfolio.map(\.title) == [
            "Automated ML Pipeline", "Container Orchestration", "ML Monitoring System", "Feature Store Implementation",
            "ML Platform Development", "AutoML System",
        ])
        #expect(Set(roadmap.anchors).count == roadmap.anchors.count)
        #expect(roadmap.links.count == 15)  // 11 course links and 4 certifications
    }
}
