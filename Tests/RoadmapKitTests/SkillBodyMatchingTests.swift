import Foundation
import Testing
@testable import RoadmapKit
import RoadmapMarkdown

/// Skills matched against the bullets under a module's topics, not only against titles; and
/// the near-misses that must stay unlinked.
@Suite struct SkillBodyMatchingTests {
    static func skills(_ markdown: String) -> [String: (taught: [String], practised: [String])] {
        let roadmap = RoadmapBuilder().build(.init(
            source: "t.md", sourcePath: "t.md", frontMatter: FrontMatter(), document: MarkdownParser().parse(markdown))).0
        let enriched = RoadmapEnricher().enrich(roadmap)
        var out: [String: (taught: [String], practised: [String])] = [:]
        for skill in enriched.crossLinks.skills { out[skill.title] = (skill.taughtIn, skill.practisedIn) }
        return out
    }

    static func roadmap(skills: [String], phases: String) -> String {
        "# Platform Engineer\n\n## Core Competencies\n\n### Technical Skills\n"
            + skills.map { "- \($0)\n" }.joined() + "\n### Soft Skills\n- Stakeholder Orchestration\n\n## Learning Roadmap\n\n" + phases
    }

    static let phaseOne = """
        ### Phase 1: Foundations (2 months)

        #### Containers (4 weeks)
        - **Container Technologies**
          - Topics:
            - Container basics
            - Image building

        #### Clusters (4 weeks)
        - **Kubernetes**
          - Topics:
            - Cluster management
            - Pod orchestration
          - Projects:
            - Deploy a service on Kubernetes

        ### Phase 2: Data (2 months)

        #### Pipelines (8 weeks)
        - **Batch Jobs**
          - Key Outcomes:
            - Feature engineering at scale
            - Scheduling with cron

        A module that builds a small app with service meshes and tracing dashboards in prose.

        """

    /// "Container Orchestration" is taught where a topic's bullets say "orchestration" and the
    /// phase says "container": the Kubernetes module.
    @Test func headWordInOneTopicsBulletsLinksTheModule() {
        let skills = Self.skills(Self.roadmap(skills: ["Container Orchestration"], phases: Self.phaseOne))
        #expect(skills["Container Orchestration"]?.taught == ["clusters-4-weeks"])
    }

    /// A bullet deep in a module that says the whole skill ("Feature engineering at scale").
    @Test func shortBulletHoldingEverySkillWordLinksTheModule() {
        let skills = Self.skills(Self.roadmap(skills: ["Feature Engineering"], phases: Self.phaseOne))
        #expect(skills["Feature Engineering"]?.taught == ["pipelines-8-weeks"])
    }

    @Test(arguments: [
        // The head word is in a module, but nothing in that phase says "mesh".
        "Mesh Orchestration",
        // Prose is not a bullet.
        "Tracing Dashboards",
        // The head word in no bullet at all.
        "Service Mesh",
    ])
    func nearMissesStayUnlinked(_ skill: String) {
        let skills = Self.skills(Self.roadmap(skills: [skill, "Container Orchestration"], phases: Self.phaseOne))
        #expect(skills[skill]?.taught == [], "\(skill) → \(skills[skill]?.taught ?? [])")
    }

    /// A head word said in two modules is not telling: no link rather than a guess.
    @Test func headWordInTwoModulesIsNotEnough() {
        let phases = Self.phaseOne + """
            ### Phase 3: Ops (1 month)

            #### Workflows (4 weeks)
            - **Airflow**
              - Topics:
                - Task orchestration
            """
        let skills = Self.skills(Self.roadmap(skills: ["Container Orchestration"], phases: phases))
        #expect(skills["Container Orchestration"]?.taught == [])
    }

    /// Soft skills are not expected to be taught by modules; a lone shared word does not make one.
    @Test func softSkillsAreNotLinkedByTheirHeadWord() {
        let skills = Self.skills(Self.roadmap(skills: ["Container Orchestration"], phases: Self.phaseOne))
        #expect(skills["Stakeholder Orchestration"]?.taught == [])
    }
}
