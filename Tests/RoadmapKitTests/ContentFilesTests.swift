import Foundation
import Testing
@testable import RoadmapKit

/// What of the content folder reaches the site besides roadmaps: static files only, never over
/// a path the site generates, never anything outside the folder, always as copies.
@Suite struct ContentFilesTests {
    // MARK: generated paths

    @Test(arguments: [
        ("index.html", "the home page ('index.html')"),
        ("404.html", "the not-found page ('404.html')"),
        ("search.html", "the search page ('search.html')"),
        ("search-index.js", "the search index ('search-index.js')"),
        ("search-index.json", "the search index ('search-index.json')"),
        ("search/t0.js", "the search index's shards ('search/')"),
        ("resources.html", "the site's resource index ('resources.html')"),
        ("resources.json", "the site's resource index ('resources.json')"),
        ("sitemap.xml", "the sitemap ('sitemap.xml')"),
        ("robots.txt", "robots.txt ('robots.txt')"),
        ("assets/site.js", "the templates' asset ('assets/site.js')"),
        ("assets/favicon.svg", "the templates' asset ('assets/favicon.svg')"),
        ("a/index.html", "the page of roadmap 'a.md' ('a/index.html')"),
        ("a/timeline.html", "the timeline of roadmap 'a.md' ('a/timeline.html')"),
        ("a/resources.html", "the resource index of roadmap 'a.md' ('a/resources.html')"),
        ("a/roadmap.json", "the data of roadmap 'a.md' ('a/roadmap.json')"),
        ("A/Index.HTML", "the page of roadmap 'a.md' ('A/Index.HTML')"),
        ("index.html/x.png", "the home page ('index.html')"),
        ("a", "the folder of roadmap 'a.md' ('a')"),
    ])
    func aContentFileOnAGeneratedPathIsAnErrorNamingBoth(path: String, owner: String) throws {
        try withPreviousSite(["a.md": "# A\n\n## Part\n"]) { folder, content, output, before in

            try writeFiles([path: "<script>alert(1)</script>\n"], in: content)
            let report = try buildSite(content: content, output: output)
            #expect(!report.wroteSite)
            let errors = report.diagnostics.filter { $0.severity == .error }
            #expect(formatted(errors, relativeTo: folder).first?.components(separatedBy: "\n").first
                == "Content/\(path): error: '\(path)' would be published where the site writes \(owner); rename or move it [content.generated-path]")
            #expect(errors.count == 1, "\(errors)")
            #expect(try filesUnder(output) == before)
        }
    }

    @Test func theErrorPointsAtTheRoadmapOrTemplateFileThatOwnsThePath() throws {
        try withTemporaryFolder { folder in
            let content = folder.appendingPathComponent("Content")
            try writeFiles(["a.md": "# A\n", "a/timeline.html": "x", "assets/site.js": "x"], in: content)
            let report = try buildSite(content: content, output: folder.appendingPathComponent("Site"))
            let notes = report.diagnostics.filter { $0.id == "content.generated-path" }.flatMap(\.notes)
            #expect(notes.map(\.file) == [content.appendingPathComponent("a.md").path,
                                          TestPaths.templates.appendingPathComponent("assets/site.js").path])
        }
    }

    /// A content file named `assets` stands where the templates' assets folder goes: the note
    /// names that folder, not the folder of whichever of its files a dictionary gives first.
    @Test func aFileOnTheAssetsFolderPointsAtTheTemplatesAssetsFolder() throws {
        let generated = GeneratedPaths(roadmaps: [], templateAssets: ["vendor/x.js", "img/a/b.png"],
                                       templatesDirectory: "/t")
        #expect(generated.collision("assets")?.owner == .templateAsset("/t/assets"))
        #expect(generated.collision("assets/vendor/x.js")?.owner == .templateAsset("/t/assets/vendor/x.js"))
        #expect(GeneratedPaths(roadmaps: [], templateAssets: [], templatesDirectory: "/t").collision("assets") == nil)
    }

    @Test func contentBesideARoadmapsPagesIsNotAGeneratedPath() throws {
        try withTemporaryFolder { folder in
            let content = folder.appendingPathComponent("Content")
            let output = folder.appendingPathComponent("Site")
            try writeFiles(["a.md": "# A\n\n![d](a/diagram.png)\n", "a/diagram.png": "PNG", "assets/logo.png": "PNG"], in: content)
            let report = try buildSite(content: content, output: output)
            #expect(report.succeeded, "\(report.diagnostics)")
            #expect(try filesUnder(output)["a/diagram.png"] == Data("PNG".utf8))
            #expect(try filesUnder(output)["assets/logo.png"] == Data("PNG".utf8))
        }
    }

    // MARK: static assets only

    @Test func onlyStaticFilesArePublishedAndEachSkippedKindIsOneWarning() throws {
        try withTemporaryFolder { folder in
            let content = folder.appendingPathComponent("Content")
            let output = folder.appendingPathComponent("Site")
            let published = ["pic.png", "photo.JPG", "doc.pdf", "font.woff2", "clip.mp4", "song.mp3", "img/ok.svg"]
            var files = Dictionary(uniqueKeysWithValues: published.map { ($0, "bytes of \($0)") })
            files["img/ok.svg"] = "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>JavaScript on the web</text></svg>"
            for name in ["page.html", "more/page.html", "run.js", "two.js", "three.js", "four.js", "five.js", "style.css",
                         "x.php", "notes.txt", "LICENSE", "img/bad.svg"]
            {
                files[name] = "<svg><script>alert(1)</script></svg>"
            }
            try writeFiles(files.merging(["a.md": "# A\n"]) { a, _ in a }, in: content)
            let report = try buildSite(content: content, output: output)
            #expect(report.succeeded, "\(report.diagnostics)")
            let site = try filesUnder(output)
            for name in published { #expect(site[name] != nil, "\(name)") }
            #expect(site.keys.filter { !$0.hasSuffix(".html") && !$0.hasSuffix(".json") && !$0.hasPrefix("assets/")
                && !$0.hasPrefix(".") && $0 != "search-index.js" }.sorted() == published.sorted())
            for name in ["page.html", "run.js", "style.css", "x.php", "notes.txt", "img/bad.svg"] { #expect(site[name] == nil) }
            let warnings = formatted(report.diagnostics.filter { $0.id != "site.no-base-url" }, relativeTo: folder)
            let only = "only images, PDF, fonts, audio and video are copied from the content folder"
            #expect(warnings == [
                "Content/LICENSE: warning: a file without an extension is not published: \(only) [content.not-published]",
                "Content/five.js: warning: a '.js' file is not published: \(only); the same for 'four.js', 'run.js', 'three.js' and 1 more [content.not-published]",
                "Content/img/bad.svg: warning: SVG image not published: it holds a 'script' element [content.unsafe-svg]",
                "Content/more/page.html: warning: a '.html' file is not published: \(only); the same for 'page.html' [content.not-published]",
                "Content/notes.txt: warning: a '.txt' file is not published: \(only) [content.not-published]",
                "Content/style.css: warning: a '.css' file is not published: \(only) [content.not-published]",
                "Content/x.php: warning: a '.php' file is not published: \(only) [content.not-published]",
            ])
        }
    }

    @Test func manyKindsOfSkippedFilesShareTheirLastWarning() throws {
        try withTemporaryFolder { folder in
            let content = folder.appendingPathComponent("Content")
            var files = ["a.md": "# A\n"]
            for index in 0..<20 { files["file.x\(String(format: "%02d", index))"] = "x" }
            try writeFiles(files, in: content)
            let report = try buildSite(content: content, output: folder.appendingPathComponent("Site"))
            let warnings = report.diagnostics.filter { $0.id == "content.not-published" }
            #expect(warnings.count == SkippedFile.maximumWarnings + 1)
            #expect(warnings.last?.message == "12 more files of other kinds are not published; the same for 'file.x09', 'file.x10', 'file.x11' and 8 more")
        }
    }

    @Test(arguments: [
        ("<svg><script>alert(1)</script></svg>", "a 'script' element"),
        ("<svg:svg><svg:script>x</svg:script></svg:svg>", "a 'script' element"),
        ("<svg><SCRIPT>x</SCRIPT></svg>", "a 'script' element"),
        ("<svg><foreignObject><p>x</p></foreignObject></svg>", "a 'foreignobject' element"),
        ("<svg><handler type=\"application/ecmascript\">x</handler></svg>", "a 'handler' element"),
        ("<svg onload=\"alert(1)\"/>", "an event handler ('onload')"),
        ("<svg><rect\n\tONCLICK = 'x'/></svg>", "an event handler ('onclick')"),
        ("<svg><set attributeName=\"onmouseover\" to=\"alert(1)\"/></svg>", "an event handler ('onmouseover')"),
        ("<svg><a href=\"javascript:alert(1)\"><text>x</text></a></svg>", "a 'javascript:' URL"),
        ("<svg><a xlink:href=\"jav&#x61;script&#58;alert(1)\">x</a></svg>", "a 'javascript:' URL"),
        ("<svg><a href=\"java&#10;script:x\">x</a></svg>", "a 'javascript:' URL"),
        // XML allows any number of leading zeros in a reference.
        ("<svg><a href=\"&#0000000106;avascript:x\">x</a></svg>", "a 'javascript:' URL"),
        ("<svg><a href=\"&#x000000006A;avascript:x\">x</a></svg>", "a 'javascript:' URL"),
        ("<svg><a href=\" JavaScript:x\">x</a></svg>", "a 'javascript:' URL"),
        ("<svg><animate attributeName=\"href\" values=\"vbscript:x\"/></svg>", "a 'vbscript:' URL"),
        ("<!DOCTYPE svg [<!ENTITY x \"&#60;script&#62;\">]><svg>&x;</svg>", "an entity declaration"),
        ("<!DOCTYPE svg [<!ATTLIST svg onload CDATA \"x\">]><svg/>", "an attribute declaration"),
        ("<?xml-stylesheet type=\"text/xsl\" href=\"x.xsl\"?><svg/>", "a style-sheet processing instruction"),
    ])
    func svgWithActiveContentIsFound(svg: String, found: String) {
        #expect(SVGScriptScanner.activeContent(in: Data(svg.utf8)) == found)
    }

    /// UTF-16 hides markup from a byte scan (`<\0s\0c\0…`), so it is never published.
    @Test func svgInUTF16IsNotPublished() {
        let svg = "\u{FEFF}<svg><script>x</script></svg>"
        let bigEndian = Data(svg.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
        #expect(SVGScriptScanner.activeContent(in: bigEndian) == "text that is not UTF-8")
    }

    @Test(arguments: [
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"10\" height=\"10\"/></svg>",
        "<svg><title>JavaScript on the road: one step, then the next</title><text font-family=\"Onest\">script</text></svg>",
        "<svg><desc>Click on=this</desc><path d=\"M0 0\" fill=\"none\" stroke=\"#000\"/></svg>",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\"><svg/>",
        "<svg><a href=\"https://example.org/javascript/\">x</a><style>.a{fill:red}</style><g class=\"online\"/></svg>",
    ])
    func plainSVGIsPublished(svg: String) {
        #expect(SVGScriptScanner.activeContent(in: Data(svg.utf8)) == nil)
    }

    // MARK: nothing from outside the content folder

    @Test func linksToOutsideTheContentFolderAreSkipped() throws {
        try withTemporaryFolder { folder in
            let content = folder.appendingPathComponent("Content")
            let outside = folder.appendingPathComponent("Outside")
            let output = folder.appendingPathComponent("Site")
            try writeFiles(["secret.md": "# Secret\n\nSECRET-TOKEN\n", "secret.png": "SECRET-TOKEN",
                            "glossary.yml": "[not: valid: yaml\n", "folder/inner.png": "SECRET-TOKEN"], in: outside)
            try writeFiles(["a.md": "# A\n\n![i](img/inside.png)\n", "img/p.png": "PNG"], in: content)
            let manager = FileManager.default
            try manager.createSymbolicLink(atPath: content.appendingPathComponent("secret.md").path, withDestinationPath: "../Outside/secret.md")
            try manager.createSymbolicLink(atPath: content.appendingPathComponent("img/secret.png").path, withDestinationPath: "../../Outside/secret.png")
            try manager.createSymbolicLink(atPath: content.appendingPathComponent("glossary.yml").path, withDestinationPath: outside.appendingPathComponent("glossary.yml").path)
            try manager.createSymbolicLink(atPath: content.appendingPathComponent("folder").path, withDestinationPath: "../Outside/folder")
            try manager.createSymbolicLink(atPath: content.appendingPathComponent("img/inside.png").path, withDestinationPath: "p.png")
            try manager.createSymbolicLink(atPath: content.appendingPathComponent("gone.png").path, withDestinationPath: "nowhere.png")

            let report = try buildSite(content: content, output: output)
            #expect(report.succeeded, "\(report.diagnostics)")
            let site = try filesUnder(output)
            #expect(!site.values.contains { String(decoding: $0, as: UTF8.self).contains("SECRET-TOKEN") })
            #expect(site["secret/index.html"] == nil)
            #expect(site["img/inside.png"] == Data("PNG".utf8))
            #expect(formatted(report.diagnostics.filter { $0.id.hasPrefix("content.") }, relativeTo: folder) == [
                "Content/folder: warning: symbolic link to outside the content folder skipped: nothing outside it is read or published; the same for 'glossary.yml', 'img/secret.png', 'secret.md' [content.symlink-outside]",
                "Content/gone.png: warning: symbolic link to nothing skipped [content.symlink-broken]",
            ])
        }
    }

    @Test func filesArePublishedAsCopiesNeverAsLinks() throws {
        try withTemporaryFolder { folder in
            let content = folder.appendingPathComponent("Content")
            let output = folder.appendingPathComponent("Site")
            try writeFiles(["a.md": "# A\n", "img/p.png": "PNG"], in: content)
            try FileManager.default.createSymbolicLink(
                atPath: content.appendingPathComponent("alias.png").path, withDestinationPath: "img/p.png")
            #expect(try buildSite(content: content, output: output).succeeded)
            for name in ["img/p.png", "alias.png"] {
                var info = stat()
                #expect(lstat(output.appendingPathComponent(name).path, &info) == 0)
                #expect(info.st_mode & S_IFMT == S_IFREG, "\(name) is not a regular file")
                #expect(info.st_nlink == 1, "\(name) is linked")
            }
            // A later edit of the content folder does not reach the published site.
            try "EDITED".write(to: content.appendingPathComponent("img/p.png"), atomically: false, encoding: .utf8)
            #expect(try filesUnder(output)["img/p.png"] == Data("PNG".utf8))
            #expect(try filesUnder(output)["alias.png"] == Data("PNG".utf8))
        }
    }

    @Test func aPipeInTheContentFolderIsSkipped() throws {
        try withTemporaryFolder { folder in
            let content = folder.appendingPathComponent("Content")
            try writeFiles(["a.md": "# A\n"], in: content)
            #expect(mkfifo(content.appendingPathComponent("pipe.png").path, 0o644) == 0)
            #expect(mkfifo(content.appendingPathComponent("pipe.md").path, 0o644) == 0)
            let report = try buildSite(content: content, output: folder.appendingPathComponent("Site"))
            #expect(report.succeeded)
            #expect(report.diagnostics.filter { $0.id == "content.special-file" }.map(\.file)
                == [content.appendingPathComponent("pipe.md").path])
        }
    }
}
