/// The anchors raw HTML in a README defines for its own links: `<a name="top"></a>`,
/// `<a id="setup">`, `<h2 id="faq">`. Raw HTML is dropped from pages by default, so the
/// renderer puts an empty `<a id>` in its place and `[Back to top](#top)` still lands.
enum HTMLAnchorNames {
    /// The `name` of each `<a>` tag and the `id` of every tag in `html`, in order, as the
    /// ``HTMLTokenizer`` reads them (not in comments or in a script's text).
    static func names(in html: String) -> [String] {
        guard html.containsASCII(UInt8(ascii: "=")) else { return [] }
        var names: [String] = []
        var tokenizer = HTMLTokenizer(html)
        while let token = tokenizer.next() {
            guard case .startTag(let tag) = token else { continue }
            for attribute in tag.attributes where attribute.name == "id" || (attribute.name == "name" && tag.name == "a") {
                guard let value = attribute.value, !value.isEmpty, !value.contains(where: \.isWhitespace) else { continue }
                names.append(value)
            }
        }
        return names
    }
}
