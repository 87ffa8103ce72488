import Foundation
import Testing
@testable import RoadmapKit
import RoadmapMarkdown

/// Resources a reader would trust (issue 12): cost read with its negation, papers and code
/// repositories told apart, books known by their publishers and authors, and what is no
/// resource at all (local and example addresses, sentences in a list of tools) left out.
@Suite struct TrustedResourcesTests {
    /// The resources of a roadmap written as `markdown`, as its pages list them.
    static func resources(_ markdown: String) -> [Resource] {
        let read = FrontMatterReader().read(markdown, file: "test.md")
        let roadmap = RoadmapBuilder().build(.init(
            source: "test.md", sourcePath: "test.md", frontMatter: read.frontMatter,
            document: MarkdownParser().parse(read.body))).0
        return RoadmapEnricher().enrich(roadmap).resources
    }

    static func resource(_ title: String, in resources: [Resource]) -> Resource? {
        resources.first { $0.title == title }
    }

    @Test(arguments: [
        ("NOT FREE", ResourceCost.paid), ("(not free)", .paid), ("(paid only)", .paid), ("non-free licence", .paid),
        ("no longer free", .paid), ("(free)", .free), ("Free to audit", .freeToAudit), ("not stated", .unknown),
    ])
    func costSaysItsNegation(_ notes: String, _ cost: ResourceCost) {
        #expect(ResourceExtractor.cost(in: notes) == cost)
    }

    @Test(arguments: [
        ("https://arxiv.org/abs/1706.03762", "Attention Is All You Need", ResourceKind.paper),
        ("https://doi.org/10.1145/3292500.3330701", "A paper", .paper),
        ("https://proceedings.mlr.press/v97/x.html", "A paper", .paper),
        ("https://dl.acm.org/doi/10.1145/3183713", "A paper", .paper),
        ("https://openreview.net/forum?id=abc", "A paper", .paper),
        ("https://github.com/karpathy/nanoGPT", "karpathy/nanoGPT", .repository),
        ("https://github.com/visenger/awesome-mlops", "Awesome MLOps", .repository),
        ("https://github.com/mlflow/mlflow", "MLflow", .tool),
        ("https://github.com/iterative/dvc/issues/1", "an issue", .link),
        ("https://www.oreilly.com/library/view/designing-machine-learning/9781098107956/", "Designing ML Systems", .book),
        ("https://www.manning.com/books/kubernetes-in-action", "Kubernetes in Action", .book),
        ("https://www.amazon.com/dp/1098107969", "A book", .book),
        ("https://www.amazon.co.uk/gp/product/1492082759", "A book", .book),
        ("https://nostarch.com/python-crash-course-3rd-edition", "Python Crash Course", .book),
        ("https://aws.amazon.com/training/", "AWS training", .course),
        ("https://blog.example-shop.io/post", "A post", .article),
    ])
    func kindFromTheURL(_ url: String, _ text: String, _ kind: ResourceKind) {
        #expect(ResourceExtractor.kind(fromURL: url, host: ResourceExtractor.host(of: url), linkText: text) == kind)
    }

    @Test(arguments: [
        ("localhost", true), ("api.localhost", true), ("127.0.0.1", true), ("10.1.2.3", true), ("192.168.0.10", true),
        ("172.20.0.1", true), ("example.com", true), ("docs.example.org", true), ("shop.test", true), ("printer.local", true),
        ("example-courses.com", false), ("172.32.0.1", false), ("8.8.8.8", false), ("github.com", false),
        ("myexample.com", false),
    ])
    func localAndExampleHosts(_ host: String, _ isLocal: Bool) {
        #expect(ResourceExtractor.isLocalOrExampleHost(host) == isLocal)
    }

    @Test(arguments: [
        ("Pro - YAML is easy to learn.", true), ("Kubernetes can run anything you give it", true),
        ("Docker", false), ("Docker (free, open source)", false), ("Certified Kubernetes Administrator (CKA)", false),
    ])
    func clausesAreNotNames(_ text: String, _ isClause: Bool) {
        #expect(ResourceExtractor.isClause(text) == isClause)
    }

    @Test func aRoadmapsResourcesAsAReaderWouldListThem() {
        let resources = Self.resources("""
            # Go and ML

            ## Phase 1: Basics (2 weeks)

            - **NOT FREE** [Go Fundamentals](https://www.pluralsight.com/courses/go-fundamentals)
            - [Tour of Go](https://go.dev/tour/) (free)
            - [Attention Is All You Need](https://arxiv.org/abs/1706.03762)
            - [karpathy/nanoGPT](https://github.com/karpathy/nanoGPT)
            - [Clean Code by Robert C. Martin](https://www.goodreads.com/en/work/3779106)
            - Run the app, then open [http://localhost:3000](http://localhost:3000)
            - Call [the API](https://api.example.com/v1/items)

            ## Tools

            - Pro - YAML is easy to learn.
            - Docker
            """)
        let titles = Set(resources.map(\.title))
        #expect(Self.resource("Go Fundamentals", in: resources)?.cost == .paid)
        #expect(Self.resource("Tour of Go", in: resources)?.cost == .free)
        #expect(Self.resource("Attention Is All You Need", in: resources)?.kind == .paper)
        #expect(Self.resource("karpathy/nanoGPT", in: resources)?.kind == .repository)
        let book = Self.resource("Clean Code by Robert C. Martin", in: resources)
        #expect(book?.kind == .book)
        #expect(book?.author == "Robert C. Martin")
        #expect(Self.resource("Docker", in: resources)?.kind == .tool)
        #expect(!titles.contains { $0.contains("localhost") })
        #expect(!titles.contains("the API"))
        #expect(!titles.contains { $0.contains("YAML") })
        #expect(!titles.contains("Pro"))
        #expect(resources.count == 6, "\(resources.map(\.title))")
    }

    /// A link to a local address stays a link on the page, without a resource marker.
    @Test func aLocalLinkStaysALinkWithoutAMarker() throws {
        let (html, report) = try buildSingleRoadmap("""
            # App

            ## Setup

            - Open [the app](http://localhost:3000) and [the docs](https://go.dev/doc/)
            """)
        #expect(report.succeeded)
        #expect(html.contains("<a href=\"http://localhost:3000\">the app</a> and"))
        #expect(html.contains("resources.html#r-the-docs-"))
        #expect(!html.contains("resources.html#r-the-app-"))
    }
}
