import Foundation
import RoadmapMarkdown

/// Finds the resources a roadmap points learners to: linked courses, certifications, books,
/// papers, tools, code repositories, communities, documentation, articles and videos, and
/// unlinked books (`"Title" by Author`) and items of lists titled "Tools", "Communities",
/// "Books", ….
///
/// The kind comes from, in order: a roadmap.sh prefix (`[@course@Title](…)`), the line's label
/// (`Course: […]`, `**Platform**: […]`), the title of the list or heading it is under, and the
/// URL. The provider comes from a `Platform:` line or the URL's domain; the cost from the notes
/// after the link (`(Free)`, `(Free to audit)`, `<sup>FREE</sup>`) or a short lead before it
/// (`**NOT FREE** […]`), negation included.
///
/// Not resources: links to local and example addresses (`localhost`, `127.0.0.1`,
/// `example.com`), links inside the site, and list items that are sentences rather than names.
struct ResourceExtractor: Sendable {
    /// One place the roadmap names a resource.
    struct Mention: Sendable, Hashable {
        var title: String
        var url: String?
        var kind: ResourceKind
        var provider: String?
        var cost: ResourceCost
        var author: String?
        var sectionID: String
        var sectionTitle: String
        /// The module the mention is in, if any.
        var moduleID: String?
        /// The link's position, or the list item's for an unlinked mention.
        var location: SourceLocation
        var isLink: Bool

        /// What makes two mentions one resource (``Resource/identity``).
        var identity: String {
            Resource(id: "", title: title, url: url, kind: kind, provider: nil, cost: cost, author: nil, uses: []).identity
        }
    }

    struct Hint: Sendable, Hashable {
        var kind: ResourceKind
        /// Whether the list is a list of such things, so unlinked items count too.
        var isList: Bool
    }

    private struct Context {
        var sectionID: String
        var sectionTitle: String
        var moduleID: String?
        /// Whether the text is in a table's cell, where a link's text is not a label of the heading.
        var inTable = false
    }

    func extract(_ roadmap: Roadmap) -> [Mention] {
        var mentions: [Mention] = []
        let preamble = Context(sectionID: "", sectionTitle: roadmap.title, moduleID: nil)
        walk(roadmap.preamble, from: 0, context: preamble, hint: nil, provider: nil, into: &mentions)
        func visit(_ section: Section, moduleID: String?, parentHint: Hint?) {
            let module = section.role == .module ? section.id : moduleID
            let context = Context(sectionID: section.id, sectionTitle: section.title, moduleID: module)
            // "## Tools" › "### CI/CD": the sub-section lists tools too.
            let hint = Self.hint(from: section.title) ?? parentHint
            walk(section.blocks, from: 0, context: context, hint: hint, provider: nil, into: &mentions)
            for child in section.children { visit(child, moduleID: module, parentHint: hint) }
        }
        for section in roadmap.sections { visit(section, moduleID: nil, parentHint: nil) }
        return mentions
    }

    // MARK: - Walking blocks

    /// Walks `nodes[start...]`. Lists, the bulk of a roadmap, are read in place through the
    /// arrays (a `for node in` loop would copy every node on the way down).
    private func walk(_ nodes: [MarkdownNode], from start: Int, context: Context, hint: Hint?, provider: String?,
                      into mentions: inout [Mention])
    {
        for index in nodes.indices.dropFirst(start) {
            switch nodes[index].kind {
            case .list:
                walkList(nodes[index].children, context: context, hint: hint, provider: provider, into: &mentions)
            case .paragraph, .blockQuote, .table, .tableRow, .tableCell, .footnoteDefinition:
                walk(nodes[index], context: context, hint: hint, provider: provider, into: &mentions)
            default:
                break
            }
        }
    }

    private func walk(_ node: MarkdownNode, context: Context, hint: Hint?, provider: String?, into mentions: inout [Mention]) {
        switch node.kind {
        case .list:
            walkList(node.children, context: context, hint: hint, provider: provider, into: &mentions)
        case .paragraph:
            paragraph(node, item: nil, context: context, hint: hint, provider: provider, into: &mentions)
        case .blockQuote, .table, .tableRow, .tableCell, .footnoteDefinition:
            var context = context
            if case .table = node.kind { context.inTable = true }
            for child in node.children {
                if case .tableCell = child.kind {
                    paragraph(child, item: nil, context: context, hint: hint, provider: provider, into: &mentions)
                } else {
                    walk(child, context: context, hint: hint, provider: provider, into: &mentions)
                }
            }
        default:
            break
        }
    }

    /// `items` are a list's items.
    private func walkList(_ items: [MarkdownNode], context: Context, hint: Hint?, provider: String?, into mentions: inout [Mention]) {
        // A "Platform: Coursera" item without a link names the provider of the list's links.
        var provider = provider
        // Whether each item's lead paragraph holds a link and, when not, its plain text: found
        // once, for both passes below (nil for an item without a lead paragraph).
        let leads = items.indices.map { index -> (hasLink: Bool, text: String)? in
            guard let first = items[index].children.first, case .paragraph = first.kind else { return nil }
            let hasLink = Self.containsLink(first)
            return (hasLink, hasLink ? "" : first.plainText)
        }
        for lead in leads {
            guard let lead, !lead.hasLink else { continue }
            let text = lead.text
            guard text.utf8.count <= 80, text.contains(":") else { continue }
            if let (label, value) = Self.labelled(text), ["platform", "provider", "offered by"].contains(label),
               !value.isEmpty, value.count <= 40
            {
                provider = value
            }
        }
        for index in items.indices {
            let children = items[index].children
            guard let lead = leads[index], let first = children.first else {
                walk(children, from: 0, context: context, hint: hint, provider: provider, into: &mentions)
                continue
            }
            let start = items[index].range.start
            var childHint = hint
            if lead.hasLink {
                paragraph(first, item: start, context: context, hint: hint, provider: provider, into: &mentions)
            } else {
                let hasSublist = children.indices.dropFirst().contains { if case .list = children[$0].kind { true } else { false } }
                let text = lead.text.trimmingWhitespace()
                if hasSublist || text.hasSuffix(":"), text.count <= 60 {
                    // A label: "Tools and Platforms", "**Communities**:".
                    let label = text.hasSuffix(":") ? String(text.dropLast()) : text
                    childHint = Self.hint(from: label) ?? hint
                } else if let mention = unlinkedMention(first, plain: lead.text, item: start, context: context, hint: hint) {
                    mentions.append(mention)
                }
            }
            walk(children, from: 1, context: context, hint: childHint, provider: provider, into: &mentions)
        }
    }

    // MARK: - Paragraphs

    private enum Segment {
        case text(String)
        case link(MarkdownNode, destination: String)
    }

    private static func segments(of node: MarkdownNode, into out: inout [Segment]) {
        switch node.kind {
        case .link(let destination, _):
            out.append(.link(node, destination: destination))
        case .text(let text), .code(let text), .htmlInline(let text):
            out.append(.text(text))
        case .softBreak, .lineBreak:
            out.append(.text(" "))
        case .image:
            out.append(.text(node.plainText))
        default:
            for child in node.children { segments(of: child, into: &out) }
        }
    }

    /// `item` is where the list item starts, for a paragraph that leads one.
    private func paragraph(
        _ node: MarkdownNode, item: SourceLocation?, context: Context, hint: Hint?, provider: String?,
        into mentions: inout [Mention]
    ) {
        var parts: [Segment] = []
        Self.segments(of: node, into: &parts)
        var found = false
        for (index, part) in parts.enumerated() {
            guard case .link(let link, let destination) = part else { continue }
            guard let url = Self.externalURL(destination) else { continue }
            // Badges: a link whose text is only images.
            if !link.children.isEmpty, link.children.allSatisfy({ if case .image = $0.kind { true } else { false } }) { continue }
            var before = ""
            for previous in parts[..<index].reversed() {
                guard case .text(let text) = previous else { break }
                before = text + before
            }
            var after = ""
            for next in parts[(index + 1)...] {
                guard case .text(let text) = next else { break }
                after += text
            }
            if let mention = linkMention(link, url: url, before: before, after: after, context: context, hint: hint,
                                         provider: provider)
            {
                mentions.append(mention)
                found = true
            }
        }
        guard !found, !Self.containsLink(node), let item else { return }
        if let mention = unlinkedMention(node, plain: node.plainText, item: item, context: context, hint: hint) {
            mentions.append(mention)
        }
    }

    private func linkMention(
        _ link: MarkdownNode, url: String, before: String, after: String, context: Context, hint: Hint?, provider: String?
    ) -> Mention? {
        var title = Self.squeeze(RoadmapBuilder.textWithoutImages(link))
        var kind: ResourceKind?
        // roadmap.sh: "@course@Title".
        if title.hasPrefix("@"), let second = title.dropFirst().firstIndex(of: "@") {
            let prefix = title[title.index(after: title.startIndex)..<second].lowercased()
            kind = Self.prefixKinds[prefix] ?? .link
            title = String(title[title.index(after: second)...]).trimmingSpaces()
        }
        let label = Self.labelBefore(before)
        if kind == nil, let label { kind = Self.labelKinds[label] }
        let notes = Self.notes(after)
        var author: String?
        let afterTrimmed = notes.trimmingSpaces()
        if afterTrimmed.lowercased().hasPrefix("by ") {
            author = Self.authorName(String(afterTrimmed.dropFirst(3)))
        }
        if kind == nil, author != nil, Self.isQuoted(title) || hint?.kind == .book { kind = .book }
        // "Dynamic Arrays (video)", "Sedgewick - Mergesort (5 videos)": the author says what it is.
        if kind == nil, Self.saysVideo(title) { kind = .video }
        if kind == nil, let hint { kind = hint.kind }
        let host = Self.host(of: url)
        // "http://localhost:3000", "https://example.com/api": an address to try, not to learn from.
        if let host, Self.isLocalOrExampleHost(host) { return nil }
        if kind == nil {
            let fromURL = Self.kind(fromURL: url, host: host, linkText: title)
            // "Clean Code by Robert C. Martin" on a page that says nothing else of what it is.
            if fromURL == .link, let (_, byAuthor) = Self.splitPersonAuthor(title) {
                kind = .book
                author = author ?? byAuthor
            } else {
                kind = fromURL
            }
        }
        var provider = provider
        if label == "platform" || label == "provider" { provider = title }
        if provider == nil { provider = Self.provider(forHost: host) }
        // A link whose text is only the platform names the course from its heading.
        let lowerTitle = title.lowercased()
        // In a table the row, not the heading, says what a "[Khan Academy](…)" cell is for: keep its text.
        let isOnlyProvider = !context.inTable
            && (lowerTitle == provider?.lowercased() || Self.knownProviderNames.contains(lowerTitle))
        if label == "platform" || Self.genericLinkTexts.contains(lowerTitle) || isOnlyProvider || title == url
        {
            if title == url, let label, !label.isEmpty, label.count <= 40, Self.labelKinds[label] == nil {
                title = Self.squeeze(Self.labelText(before) ?? title)
            } else if title == url {
                title = Self.displayURL(url)
            } else {
                let (headingTitle, headingAuthor) = Self.splitAuthor(context.sectionTitle)
                title = headingTitle
                author = author ?? headingAuthor
            }
            if kind == nil || kind == .link, label == "platform" { kind = .course }
        }
        title = Self.unquoted(title)
        guard !title.isEmpty else { return nil }
        return Mention(
            title: title, url: url, kind: kind ?? .link, provider: provider,
            cost: Self.cost(in: Self.costLead(before) + " " + notes + " " + link.plainText),
            author: author, sectionID: context.sectionID, sectionTitle: context.sectionTitle, moduleID: context.moduleID,
            location: link.range.start, isLink: true)
    }

    /// `plain` is the paragraph's plain text.
    /// `item` is where the list item starts.
    private func unlinkedMention(_ node: MarkdownNode, plain: String, item: SourceLocation, context: Context, hint: Hint?) -> Mention? {
        // Cheap checks first: most list items are neither in a list of resources nor quoted titles.
        let isListOfResources = hint.map { $0.isList && Self.listKinds.contains($0.kind) } ?? false
        let mayBeQuoted = Self.startsWithOpenQuote(plain)
        let mayBeEmphasis = node.children.first.map { if case .emphasis = $0.kind { true } else { false } } ?? false
        guard isListOfResources || mayBeQuoted || mayBeEmphasis else { return nil }
        let text = Self.squeeze(plain)
        guard !text.isEmpty, text.count <= 160 else { return nil }
        func mention(_ title: String, kind: ResourceKind, author: String?, notes: String) -> Mention? {
            let title = title.trimmingSpaces()
            guard !title.isEmpty else { return nil }
            return Mention(
                title: title, url: nil, kind: kind, provider: nil, cost: Self.cost(in: notes), author: author,
                sectionID: context.sectionID, sectionTitle: context.sectionTitle, moduleID: context.moduleID,
                location: item, isLink: false)
        }
        // "Title" by Author / “Title” by Author / *Title* by Author.
        if let (title, rest) = Self.leadingQuoted(text) ?? Self.leadingEmphasis(node), rest.lowercased().hasPrefix("by ") {
            return mention(title, kind: .book, author: Self.authorName(String(rest.dropFirst(3))), notes: rest)
        }
        guard let hint, hint.isList, Self.listKinds.contains(hint.kind) else { return nil }
        let (core, notes) = Self.splitNotes(text)
        let words = text.split(separator: " ").count
        guard words > 0, words <= 10, core.count <= 70, !core.hasSuffix("."), !core.contains(":"), !Self.isClause(text)
        else { return nil }
        if hint.kind == .book, let (title, rest) = Self.leadingQuoted(text), !title.isEmpty {
            return mention(title, kind: .book, author: nil, notes: rest)  // 《JavaScript高级程序设计》（第4版）
        }
        if hint.kind == .book, let range = core.literalRange(of: " by ") {
            return mention(String(core[..<range.lowerBound]), kind: .book,
                           author: Self.authorName(String(core[range.upperBound...])), notes: notes)
        }
        // Notes in brackets that say nothing about cost stay part of the name: "Certified … (CKA)".
        return mention(Self.cost(in: notes) == .unknown ? text : core, kind: hint.kind, author: nil, notes: notes)
    }

    // MARK: - Vocabulary

    static let prefixKinds: [String: ResourceKind] = [
        "course": .course, "article": .article, "video": .video, "official": .documentation, "opensource": .tool,
        "book": .book, "podcast": .video, "feed": .article, "roadmap": .link, "website": .link,
    ]

    /// Line labels before a link: "Course: […]".
    static let labelKinds: [String: ResourceKind] = [
        "course": .course, "courses": .course, "mooc": .course, "platform": .course, "class": .course,
        "specialization": .course, "book": .book, "books": .book, "tool": .tool, "tools": .tool, "library": .tool,
        "docs": .documentation, "documentation": .documentation, "reference": .documentation,
        "official docs": .documentation, "article": .article, "blog": .article, "read": .article, "paper": .paper,
        "repo": .repository, "repository": .repository, "source": .repository, "code": .repository,
        "video": .video, "watch": .video, "youtube": .video, "playlist": .video, "talk": .video,
        "certification": .certification, "certificate": .certification, "cert": .certification, "exam": .certification,
        "community": .community, "forum": .community, "discord": .community, "slack": .community,
    ]

    /// Kinds whose lists name resources without links (a "Tools" list of names).
    static let listKinds: Set<ResourceKind> = [.tool, .community, .certification, .course, .book, .paper]

    static let listWords: [String: ResourceKind] = [
        "courses": .course, "moocs": .course, "certifications": .certification, "certificates": .certification,
        "books": .book, "reading": .book, "tools": .tool, "tooling": .tool, "frameworks": .tool, "libraries": .tool,
        "communities": .community, "forums": .community, "papers": .paper, "publications": .paper,
    ]

    /// Chinese and Japanese words that end a heading over a list of resources.
    static let cjkListWords: [(String, ResourceKind)] = [
        ("书籍", .book), ("书单", .book), ("图书", .book), ("書籍", .book), ("推荐阅读", .book), ("课程", .course),
        ("講座", .course), ("工具", .tool), ("ツール", .tool), ("社区", .community), ("社群", .community),
        ("コミュニティ", .community), ("文档", .documentation), ("视频", .video), ("動画", .video), ("文章", .article),
        ("博客", .article), ("认证", .certification), ("証明書", .certification), ("论文", .paper), ("論文", .paper),
    ]

    static let singleWords: [String: ResourceKind] = [
        "course": .course, "certification": .certification, "book": .book, "tool": .tool, "community": .community,
        "documentation": .documentation, "docs": .documentation, "references": .documentation,
        "articles": .article, "article": .article, "blogs": .article, "blog": .article, "paper": .paper,
        "repositories": .repository, "repos": .repository,
        "videos": .video, "video": .video, "youtube": .video, "channels": .video, "podcasts": .video,
    ]

    /// The kind a heading or list label gives its items: "Tools and Platforms", "Online Communities".
    static func hint(from title: String) -> Hint? {
        let lower = title.lowercased()
        let isASCII = lower.isAllASCII
        if !isASCII, let kind = cjkListWords.first(where: { lower.hasSuffix($0.0) })?.1 {
            return Hint(kind: kind, isList: listKinds.contains(kind))  // "推荐书籍", "学习社区"
        }
        // The first and last of at most five words: ASCII titles split on bytes (a word is a run
        // of letters); others on Characters that are not letters.
        let first: String, last: String
        if isASCII {
            guard let (firstWord, lastWord) = firstAndLastASCIIWords(lower, atMost: 5) else { return nil }
            (first, last) = (firstWord, lastWord)
        } else {
            let words = lower.split { !$0.isLetter }
            guard let firstWord = words.first, let lastWord = words.last, words.count <= 5 else { return nil }
            (first, last) = (String(firstWord), String(lastWord))
        }
        // A list word of either end first, then a single word of either.
        let atFirst = hintWords[first], atLast = first == last ? atFirst : hintWords[last]
        if let kind = atFirst?.list ?? atLast?.list { return Hint(kind: kind, isList: true) }
        if let kind = atFirst?.single ?? atLast?.single { return Hint(kind: kind, isList: false) }
        return nil
    }

    /// ``listWords`` and ``singleWords`` in one table: one look-up per word.
    private static let hintWords: [String: (list: ResourceKind?, single: ResourceKind?)] = {
        var table: [String: (list: ResourceKind?, single: ResourceKind?)] = [:]
        for (word, kind) in listWords { table[word, default: (nil, nil)].list = kind }
        for (word, kind) in singleWords { table[word, default: (nil, nil)].single = kind }
        return table
    }()

    /// The first and last runs of ASCII letters of ASCII `text`, or nil when it has none or more than `limit`.
    private static func firstAndLastASCIIWords(_ text: String, atMost limit: Int) -> (String, String)? {
        var text = text
        return text.withUTF8 { bytes -> (String, String)? in
            var count = 0
            var first = 0..<0, last = 0..<0
            var index = 0
            while index < bytes.count {
                guard bytes[index].isASCIILetter else { index += 1; continue }
                let start = index
                while index < bytes.count, bytes[index].isASCIILetter { index += 1 }
                count += 1
                guard count <= limit else { return nil }
                if count == 1 { first = start..<index }
                last = start..<index
            }
            guard count > 0 else { return nil }
            func word(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
            return (word(first), word(last))
        }
    }

    static let providers: [(String, String)] = [
        ("coursera.org", "Coursera"), ("edx.org", "edX"), ("udemy.com", "Udemy"), ("udacity.com", "Udacity"),
        ("pluralsight.com", "Pluralsight"), ("linkedin.com", "LinkedIn Learning"), ("freecodecamp.org", "freeCodeCamp"),
        ("khanacademy.org", "Khan Academy"), ("datacamp.com", "DataCamp"), ("codecademy.com", "Codecademy"),
        ("deeplearning.ai", "DeepLearning.AI"), ("fast.ai", "fast.ai"), ("kaggle.com", "Kaggle"),
        ("aws.amazon.com", "AWS"), ("amazon.com", "Amazon"), ("cloud.google.com", "Google Cloud"),
        ("developers.google.com", "Google for Developers"), ("google.com", "Google"),
        ("learn.microsoft.com", "Microsoft Learn"), ("microsoft.com", "Microsoft"),
        ("linuxfoundation.org", "The Linux Foundation"), ("cncf.io", "CNCF"), ("databricks.com", "Databricks"),
        ("youtube.com", "YouTube"), ("youtu.be", "YouTube"), ("github.com", "GitHub"), ("gitlab.com", "GitLab"),
        ("medium.com", "Medium"), ("dev.to", "DEV"), ("oreilly.com", "O'Reilly"), ("manning.com", "Manning"),
        ("roadmap.sh", "roadmap.sh"), ("mit.edu", "MIT"), ("stanford.edu", "Stanford"), ("harvard.edu", "Harvard"),
        ("mozilla.org", "MDN"), ("w3schools.com", "W3Schools"), ("hashicorp.com", "HashiCorp"),
        ("docker.com", "Docker"), ("kubernetes.io", "Kubernetes"), ("python.org", "Python"),
        ("reddit.com", "Reddit"), ("discord.gg", "Discord"), ("discord.com", "Discord"), ("slack.com", "Slack"),
        ("meetup.com", "Meetup"), ("stackoverflow.com", "Stack Overflow"), ("arxiv.org", "arXiv"),
    ]

    static let knownProviderNames: Set<String> = Set(providers.map { $0.1.lowercased() })
    static let genericLinkTexts: Set<String> = [
        "link", "here", "click here", "website", "site", "official site", "course", "this course", "enroll",
        "course link", "view course", "start", "go", "more", "read more", "source",
    ]

    static func provider(forHost host: String?) -> String? {
        guard let host, !host.isEmpty else { return nil }
        let isASCII = host.isAllASCII
        for (domain, name) in providers where isHost(host, isASCII: isASCII, in: domain) { return name }
        return host
    }

    /// Whether `host` is `domain` (ASCII) or a subdomain of it: `host == domain || host.hasSuffix("." + domain)`,
    /// on bytes for an ASCII host, without making `"." + domain` for each domain tried.
    static func isHost(_ host: String, isASCII: Bool, in domain: String) -> Bool {
        guard isASCII else { return host == domain || host.hasSuffix("." + domain) }
        let hostBytes = host.utf8, domainBytes = domain.utf8
        let extra = hostBytes.count - domainBytes.count
        guard extra >= 0, hostBytes.last == domainBytes.last else { return false }
        let start = hostBytes.index(hostBytes.startIndex, offsetBy: extra)
        guard hostBytes[start...].elementsEqual(domainBytes) else { return false }
        return extra == 0 || hostBytes[hostBytes.index(before: start)] == UInt8(ascii: ".")
    }

    /// The kind a URL says, `linkText` telling a tool's home repository from another repository.
    static func kind(fromURL url: String, host: String?, linkText: String = "") -> ResourceKind {
        let lower = url.lowercased()
        let host = host ?? ""
        let isASCII = host.isAllASCII
        func isOn(_ domains: [String]) -> Bool { domains.contains { isHost(host, isASCII: isASCII, in: $0) } }
        if host.hasSuffix("youtube.com") || host == "youtu.be" || host.hasSuffix("vimeo.com") { return .video }
        if isOn(paperHosts) || host.hasPrefix("proceedings.") || lower.contains("/proceedings/")
            || (isOn(["dl.acm.org", "science.org", "onlinelibrary.wiley.com"]) && lower.contains("/doi/"))
            || (isOn(["link.springer.com", "nature.com", "sciencedirect.com"]) && lower.contains("/article"))
        {
            return .paper
        }
        if isOn(bookHosts) || (isOn(["oreilly.com", "packtpub.com"]) && (lower.contains("/library/view/") || lower.contains("/product/")))
            || (isOn(["manning.com"]) && lower.contains("/books/")) || (isOn(["pragprog.com"]) && lower.contains("/titles/"))
            || (isOn(["goodreads.com"]) && lower.contains("/book/")) || (isOn(["link.springer.com"]) && lower.contains("/book/"))
            || (isOn(["cambridge.org"]) && lower.contains("/books/"))
            || (host.hasPrefix("books.google.")) || (Self.isAmazon(host) && (lower.contains("/dp/") || lower.contains("/gp/product/")))
        {
            return .book
        }
        if lower.contains("/certification") || lower.contains("/certifications/") || lower.contains("/credentials/") {
            return .certification
        }
        let coursePlatforms = ["coursera.org", "edx.org", "udemy.com", "udacity.com", "pluralsight.com", "datacamp.com",
                               "codecademy.com", "deeplearning.ai", "khanacademy.org"]
        if isOn(coursePlatforms) { return .course }
        if lower.contains("/course") || lower.contains("/learn/") || lower.contains("/training/") { return .course }
        if host.hasPrefix("docs.") || lower.contains("/docs") || lower.contains("/documentation") { return .documentation }
        if host.hasSuffix("medium.com") || host == "dev.to" || host.hasPrefix("blog.") || lower.contains("/blog") {
            return .article
        }
        // A repository (github.com/owner/name), not an issue, a file or a profile: a tool's home
        // when the link names the repository ("[MLflow](…/mlflow/mlflow)"), else code to read.
        if isOn(["github.com", "gitlab.com", "codeberg.org", "bitbucket.org"]),
           let path = URLComponents(string: url)?.path, case let parts = path.split(separator: "/"), parts.count == 2
        {
            let name = parts[1].lowercased()
            let namesIt = ResourceIdentity.normalisedTitle(linkText) == ResourceIdentity.normalisedTitle(name)
                && !name.hasPrefix("awesome")
            return namesIt ? .tool : .repository
        }
        return .link
    }

    /// Scholarly hosts: preprints, DOIs, proceedings and paper indexes.
    static let paperHosts = [
        "arxiv.org", "doi.org", "openreview.net", "aclanthology.org", "proceedings.mlr.press", "papers.nips.cc",
        "proceedings.neurips.cc", "papers.neurips.cc", "jmlr.org", "ieeexplore.ieee.org", "biorxiv.org", "medrxiv.org",
        "ssrn.com", "semanticscholar.org", "paperswithcode.com", "pubmed.ncbi.nlm.nih.gov", "usenix.org",
    ]

    /// Publishers and bookshops whose pages are books (others need a book path; see ``kind(fromURL:host:linkText:)``).
    static let bookHosts = [
        "nostarch.com", "amzn.to", "leanpub.com", "apress.com", "mitpress.mit.edu", "informit.com", "bookshop.org",
        "barnesandnoble.com", "press.princeton.edu", "greenteapress.com", "learning.oreilly.com",
    ]

    static func isAmazon(_ host: String) -> Bool {
        host.split(separator: ".").dropLast().last.map { $0 == "amazon" } == true
            || host.split(separator: ".").dropLast(2).last.map { $0 == "amazon" } == true  // amazon.co.uk
    }

    /// Whether a link goes to this machine, a private network or a name reserved for examples
    /// (RFC 2606, RFC 6761): never a resource.
    static func isLocalOrExampleHost(_ host: String) -> Bool {
        let host = host.hasSuffix(".") ? String(host.dropLast()) : host
        if ["localhost", "0.0.0.0", "::1", "[::1]"].contains(host) { return true }
        for suffix in [".localhost", ".local", ".test", ".example", ".invalid", ".internal"] where host.hasSuffix(suffix) {
            return true
        }
        if ["example.com", "example.org", "example.net", "example"].contains(where: { isHost(host, isASCII: true, in: $0) }) {
            return true
        }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false).compactMap { UInt8($0) }
        guard octets.count == 4, host.split(separator: ".", omittingEmptySubsequences: false).count == 4 else { return false }
        let (a, b) = (octets[0], octets[1])
        return a == 127 || a == 10 || a == 0 || (a == 192 && b == 168) || (a == 172 && (16...31).contains(b))
            || (a == 169 && b == 254)
    }

    // MARK: - Text helpers

    static func containsLink(_ node: MarkdownNode) -> Bool {
        if case .link = node.kind { return true }
        return node.children.contains(where: containsLink)
    }

    /// An absolute web URL, or nil for links inside the site and other schemes.
    static func externalURL(_ destination: String) -> String? {
        let trimmed = destination.trimmingSpaces()
        let lower = trimmed.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") { return trimmed }
        if lower.hasPrefix("//") { return "https:" + trimmed }
        return nil
    }

    static func host(of url: String) -> String? {
        guard let host = URLComponents(string: url)?.host?.lowercased() else { return nil }
        return host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
    }

    static func displayURL(_ url: String) -> String {
        var text = url
        for prefix in ["https://", "http://"] where text.lowercased().hasPrefix(prefix) { text = String(text.dropFirst(prefix.count)) }
        if text.hasPrefix("www.") { text = String(text.dropFirst(4)) }
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }

    /// Whitespace runs as one space, trimmed; zero-width characters removed, control characters
    /// taken for spaces.
    static func squeeze(_ text: String) -> String {
        text.removingFormatCharacters().squeezingWhitespace()
    }

    /// Whether a title ends with a note saying it is a video: "(video)", "(5 videos)", "(playlist)".
    static func saysVideo(_ title: String) -> Bool {
        guard title.hasSuffix(")"), let open = title.lastIndex(of: "(") else { return false }
        let note = title[title.index(after: open)..<title.index(before: title.endIndex)].lowercased()
        let words = note.split(separator: " ")
        guard let last = words.last, words.count <= 3 else { return false }
        return ["video", "videos", "playlist", "lecture", "lectures", "talk"].contains(String(last))
    }

    /// "Label: value" → ("label", "value") for a short label.
    static func labelled(_ text: String) -> (String, String)? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let label = squeeze(String(text[..<colon])).lowercased()
        guard !label.isEmpty, label.count <= 24 else { return nil }
        return (label, squeeze(String(text[text.index(after: colon)...])))
    }

    /// The label text before a link ("Course: " → "Course"), when the text ends with a colon.
    static func labelText(_ before: String) -> String? {
        let trimmed = before.trimmingSpaces()
        guard trimmed.hasSuffix(":") else { return nil }
        var label = String(trimmed.dropLast())
        // After the last " - ": "Week 1 - Course:" is labelled "Course".
        if let dash = label.ranges(of: " - ").last { label = String(label[dash.upperBound...]) }
        label = squeeze(label.trimmingScalars(in: "*_-–— "))
        return label.isEmpty || label.split(separator: " ").count > 4 ? nil : label
    }

    static func labelBefore(_ before: String) -> String? { labelText(before)?.lowercased() }

    /// A short lead before a link that may say its cost: "**NOT FREE** [Go Fundamentals](…)".
    /// Longer text before a link is a sentence about something else.
    static func costLead(_ before: String) -> String {
        let trimmed = before.trimmingSpaces()
        return trimmed.count <= 24 ? trimmed : ""
    }

    /// "Pro - YAML is easy to learn.": a list item that is a clause, not a name (a tool is a name).
    static func isClause(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard words.count >= 4 else { return false }
        if let last = text.last, last == "." || last == "!" || last == "?" { return true }
        return words.contains { clauseVerbs.contains($0.lowercased()) }
    }

    static let clauseVerbs: Set<String> = [
        "is", "are", "was", "were", "be", "can", "could", "should", "will", "would", "must", "has", "have", "lets",
        "helps", "allows", "makes", "need", "needs",
    ]

    /// "Clean Code by Robert C. Martin" → ("Clean Code", "Robert C. Martin"): a title, then " by "
    /// and a person's name (two to four capitalised words or initials), nothing after it.
    static func splitPersonAuthor(_ title: String) -> (String, String)? {
        guard let range = title.range(of: " by ", options: .backwards) else { return nil }
        let head = String(title[..<range.lowerBound]).trimmingSpaces()
        let name = String(title[range.upperBound...]).trimmingSpaces()
        let words = name.split(separator: " ")
        guard !head.isEmpty, (2...4).contains(words.count),
              words.allSatisfy({ $0.first?.isUppercase == true && $0.allSatisfy { $0.isLetter || $0 == "." || $0 == "-" || $0 == "'" } })
        else { return nil }
        return (head, name)
    }

    /// The notes after a link up to the end of its line or sentence: " (Free to audit)".
    static func notes(_ after: String) -> String {
        String(after.prefix(120))
    }

    static func cost(in notes: String) -> ResourceCost {
        let lower = stripTags(notes).lowercased()
        // "NOT FREE", "not free", "non-free", "paid only", "no longer free": said before "free" is.
        if ["not free", "non-free", "nonfree", "paid only", "paid-only", "no longer free", "isn't free", "isn’t free"]
            .contains(where: { lower.containsWord($0) })
        {
            return .paid
        }
        if lower.contains("free to audit") || lower.contains("free audit") || lower.contains("audit for free")
            || lower.contains("audit free") || lower.contains("free-to-audit")
        {
            return .freeToAudit
        }
        if lower.containsWord("free trial") { return .paid }
        if lower.containsWord("free") || lower.containsWord("gratis") || lower.containsWord("免费") { return .free }
        if lower.containsWord("paid") || lower.containsWord("premium") || lower.containsWord("subscription")
            || lower.contains("$") || lower.contains("€") || lower.contains("£")
        {
            return .paid
        }
        return .unknown
    }

    static func stripTags(_ text: String) -> String {
        guard text.contains("<") else { return text }
        var out = ""
        var inTag = false
        for character in text {
            if character == "<" { inTag = true; out.append(" "); continue }
            if character == ">" { inTag = false; continue }
            if !inTag { out.append(character) }
        }
        return out
    }

    static let openQuotes: [Character: Character] = [
        "\"": "\"", "“": "”", "‘": "’", "«": "»", "'": "'", "„": "“", "《": "》", "「": "」", "『": "』",
    ]

    /// Whether `text` starts with an opening quote (a key of ``openQuotes``). Every quote is one
    /// scalar and the ASCII ones are `"` and `'`, so another ASCII first byte rules it out
    /// without a Character made and hashed.
    static func startsWithOpenQuote(_ text: String) -> Bool {
        guard let byte = text.utf8.first else { return false }
        if byte < 0x80, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "'") { return false }
        return text.first.map { openQuotes[$0] != nil } ?? false
    }

    static func isQuoted(_ text: String) -> Bool {
        guard let first = text.first, let close = openQuotes[first] else { return false }
        return text.count > 2 && text.last == close
    }

    static func unquoted(_ text: String) -> String {
        isQuoted(text) ? String(text.dropFirst().dropLast()).trimmingSpaces() : text
    }

    /// `"Title" rest` → ("Title", "rest").
    static func leadingQuoted(_ text: String) -> (String, String)? {
        guard let first = text.first, let close = openQuotes[first] else { return nil }
        let body = text.dropFirst()
        guard let end = body.firstIndex(of: close) else { return nil }
        let title = String(body[..<end]).trimmingSpaces()
        let rest = String(body[body.index(after: end)...]).trimmingScalars(in: " ,–—-")
        return title.isEmpty ? nil : (title, rest)
    }

    /// `*Title* rest` → ("Title", "rest").
    static func leadingEmphasis(_ paragraph: MarkdownNode) -> (String, String)? {
        guard let first = paragraph.children.first, case .emphasis = first.kind else { return nil }
        let title = squeeze(first.plainText)
        let rest = squeeze(paragraph.children.dropFirst().map(\.plainText).joined())
            .trimmingScalars(in: " ,–—-")
        return title.isEmpty ? nil : (title, rest)
    }

    /// An author's name, notes after it removed: "Chip Huyen (O'Reilly, 2022)" → "Chip Huyen";
    /// initials stay ("Allen B. Downey").
    static func authorName(_ text: String) -> String? {
        var name = text
        for stop in [" (", " - ", " – ", " — ", ", ", "; "] {
            if let range = name.literalRange(of: stop) { name = String(name[..<range.lowerBound]) }
        }
        var search = name.startIndex
        while let range = name.literalRange(of: ". ", from: search) {
            let before = name[..<range.lowerBound]
            let isInitial = before.last.map { $0.isUppercase } == true
                && (before.count == 1 || before.dropLast().last == " " || before.dropLast().last == ".")
            if !isInitial {
                name = String(before)
                break
            }
            search = range.upperBound
        }
        name = squeeze(name).trimmingScalars(in: ".,;:*_ ")
        return name.isEmpty || name.count > 80 ? nil : name
    }

    /// "AI for Everyone by Andrew Ng" → ("AI for Everyone", "Andrew Ng").
    static func splitAuthor(_ heading: String) -> (String, String?) {
        let (core, _) = splitNotes(heading)
        if let range = core.range(of: " by ", options: .backwards) {
            let title = String(core[..<range.lowerBound]).trimmingSpaces()
            if !title.isEmpty { return (title, authorName(String(core[range.upperBound...]))) }
        }
        return (core, nil)
    }

    /// "Docker (free, open source)" → ("Docker", "(free, open source)").
    static func splitNotes(_ text: String) -> (String, String) {
        var core = text
        var notes = ""
        for open in [" (", " [", " - ", " – ", " — "] {
            if let range = core.literalRange(of: open) {
                notes = String(core[range.lowerBound...]) + notes
                core = String(core[..<range.lowerBound])
            }
        }
        return (core.trimmingSpaces(), notes)
    }
}
