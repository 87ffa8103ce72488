import Foundation
import Testing
@testable import RoadmapKit
import RoadmapMarkdown

/// Which headings are read as phases when no duration says so: the word "phase" in any of the
/// languages roadmaps are written in, and numbered runs of siblings ("Step 1", "Step 2").
@Suite struct PhaseHeadingTests {
    static func phases(_ markdown: String) -> [(title: String, modules: [String])] {
        let roadmap = RoadmapBuilder().build(.init(
            source: "t.md", sourcePath: "t.md", frontMatter: FrontMatter(), document: MarkdownParser().parse(markdown))).0
        return roadmap.phases.map { ($0.title, $0.modules.map(\.title)) }
    }

    @Test(arguments: [
        "第一阶段：基础", "第二阶段 进阶", "阶段一：入门", "基础阶段", "第一階段：基礎", "第1段階：基本", "フェーズ1", "1단계: 기초",
        "Fase 1: Fundamentos", "Etapa 2 - Avanzado", "Étape 3 : les bases", "Stufe 1: Grundlagen",
        "Phase 1", "Foundation Phase", "Stage 2", "Month 1", "Week 3", "Day 5", "Days 1-3: Setup",
    ])
    func headingNamesAPhaseOnItsOwn(_ title: String) {
        #expect(RoadmapBuilder.namesPhase(title), "\(title)")
    }

    @Test(arguments: [
        "Phases overview", "Staging environments", "Weekly review", "Part 1", "Step 2", "Level 3", "Python 3.11",
        "数据库设计", "缓存", "Stagecraft", "Fasetta",
    ])
    func headingDoesNotNameAPhaseOnItsOwn(_ title: String) {
        #expect(!RoadmapBuilder.namesPhase(title), "\(title)")
    }

    @Test func chinesePhasesWithoutDurations() {
        let markdown = """
            # 后端开发路线图

            ## 技能

            - 数据库设计

            ## 第一阶段：基础

            ### 数据库

            - **SQL 基础**

            ### 缓存

            - **Redis**

            ## 第二阶段：进阶

            ### 消息队列

            ## 第三阶段：高级

            ### 分布式系统
            """
        let phases = Self.phases(markdown)
        #expect(phases.map(\.title) == ["第一阶段：基础", "第二阶段：进阶", "第三阶段：高级"])
        #expect(phases.map(\.modules) == [["数据库", "缓存"], ["消息队列"], ["分布式系统"]])
    }

    /// A heading that only groups phases ("学习阶段" over "第一阶段", "第二阶段") is not one itself.
    @Test func headingOverPhasesIsNotAPhase() {
        let markdown = """
            # 路线图

            ## 学习阶段

            ### 第一阶段：基础

            #### 数据库

            ### 第二阶段：进阶

            #### 消息队列
            """
        let phases = Self.phases(markdown)
        #expect(phases.map(\.title) == ["第一阶段：基础", "第二阶段：进阶"])
        #expect(phases.map(\.modules) == [["数据库"], ["消息队列"]])
    }

    /// A phase may hold periods ("Phase 1" › "Week 1", "Week 2"): the periods stay its modules.
    @Test func phaseOverWeeksKeepsTheWeeksAsModules() {
        let phases = Self.phases("# R\n\n## Phase 1\n\n### Week 1\n\n### Week 2\n\n## Phase 2\n\n### Week 3\n")
        #expect(phases.map(\.title) == ["Phase 1", "Phase 2"])
        #expect(phases.map(\.modules) == [["Week 1", "Week 2"], ["Week 3"]])
    }

    @Test(arguments: ["Step", "Level", "Part"])
    func numberedSiblingsArePhases(_ word: String) {
        let markdown = """
            # Guide

            ## Introduction

            ## \(word) 1: Basics

            ### Tools

            ## \(word) 2: Practice

            ### Projects

            ## FAQ
            """
        let phases = Self.phases(markdown)
        #expect(phases.map(\.title) == ["\(word) 1: Basics", "\(word) 2: Practice"])
        #expect(phases.map(\.modules) == [["Tools"], ["Projects"]])
    }

    /// A lone "Part 1" or "Step 3" (a how-to's numbered instruction, a one-off) is not a phase.
    @Test(arguments: [
        "# Guide\n\n## Part 1: Setup\n\n### Install\n\n## Appendix\n",
        "# Guide\n\n## Setup\n\n### Step 1: Install\n\n## Usage\n\n### Step 2 Run\n",
        "# Guide\n\n## Step 1\n\n## Level 2\n",
    ])
    func loneNumberedHeadingsAreNotPhases(_ markdown: String) {
        #expect(Self.phases(markdown).isEmpty)
    }

    /// Numbered siblings under a section that already holds phases stay as they are.
    @Test func stepsInsideAPhaseAreModules() {
        let phases = Self.phases("# R\n\n## Phase 1\n\n### Step 1\n\n### Step 2\n\n## Phase 2\n\n### Step 3\n")
        #expect(phases.map(\.title) == ["Phase 1", "Phase 2"])
        #expect(phases.map(\.modules) == [["Step 1", "Step 2"], ["Step 3"]])
    }
}
