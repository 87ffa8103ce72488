import Testing
@testable import RoadmapMarkdown

/// Known GitHub emoji shortcodes in text become their emoji; code and unknown names stay.
@Suite struct EmojiShortcodeTests {
    @Test(arguments: [
        (":rocket: Launch", "🚀 Launch"),
        ("Read :books: and :unknown: x", "Read 📚 and :unknown: x"),
        ("time 10:30:45", "time 10:30:45"),
        (":+1::tada:", "👍🎉"),
        ("no colons", "no colons"),
    ])
    func replacing(text: String, expected: String) {
        #expect(EmojiShortcodes.replacing(in: text) == expected)
    }

    @Test func headingsAndTextShowEmojiButCodeKeepsTheShortcode() {
        let document = MarkdownParser().parse(
            "## :rocket: Launch :books:\n\nSee :tada: here, `:tada:` code. :wave: :white_check_mark: **:warning: x**\n")
        #expect(document.blocks[0].plainText == "🚀 Launch 📚")
        #expect(document.blocks[1].plainText == "See 🎉 here, :tada: code. 👋 ✅ ⚠️ x")
    }
}
