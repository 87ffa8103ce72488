import Foundation

/// The text of raw HTML as a reader sees it: what the model reads from a README's `<h1>` header
/// and what a page shows of raw HTML it does not keep.
enum HTMLText {
    /// The text of an HTML fragment: tags and comments removed, common entities decoded.
    static func text(of html: String) -> String {
        var out = ""
        var inTag = false
        var inComment = false
        var skipDepth = 0
        var index = html.startIndex
        while index < html.endIndex {
            if inComment {
                if html[index...].hasPrefix("-->") {
                    inComment = false
                    index = html.index(index, offsetBy: 3)
                } else {
                    index = html.index(after: index)
                }
                continue
            }
            let character = html[index]
            if inTag {
                if character == ">" { inTag = false }
            } else if character == "<" {
                if html[index...].hasPrefix("<!--") {
                    inComment = true
                } else {
                    let rest = html[html.index(after: index)...]
                    let closing = rest.hasPrefix("/")
                    let name = rest.drop { $0 == "/" }.prefix { $0.isASCII && ($0.isLetter || $0.isNumber) }.lowercased()
                    if name == "script" || name == "style" { skipDepth += closing ? -1 : 1 }
                    if ["br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6"].contains(name) { out += " " }
                    inTag = true
                }
            } else if skipDepth <= 0 {
                out.append(character)
            }
            index = html.index(after: index)
        }
        return HTMLEscaping.unescape(out.replacingOccurrences(of: "&nbsp;", with: " ")).squeezingWhitespace()
    }
}
