/// What raw HTML keeps on a page. With `allow_raw_html: true`: the elements and attributes GitHub
/// keeps in a README (html-pipeline's sanitization allowlist), narrowed to what the site promises
/// (no event handlers, no inline scripts or styles, nothing loaded from another host) and to what
/// cannot reach into the page around it (no `class`, `style` or `data-*` for the site's own
/// stylesheet and script to pick up). Without it, only what Markdown could say
/// (``markdownElements``). Data only: ``HTMLSanitizer`` applies it.
enum HTMLAllowlist {
    /// What an attribute's value is, and so how it is checked.
    enum Value: Equatable {
        /// Kept as written (escaped on output).
        case text
        /// An element id: kept unless empty or one of the page's own ids.
        case id
        /// A link: `http`, `https`, `mailto` or relative (resolved as a Markdown link is).
        case link
        /// An image: a file of the site; an `http` or `https` image becomes a link to it.
        case image
        /// Images with sizes (`srcset`): kept only when every image is a file of the site.
        case imageSet
    }

    struct Element {
        /// Its own attributes, besides ``globalAttributes``.
        var attributes: [String: Value] = [:]
        /// Kept only inside one of these raw elements (a table cell outside a table could close
        /// the page's own table).
        var inside: Set<String> = []
    }

    /// Attributes every kept element may have.
    static let globalAttributes: [String: Value] = [
        "id": .id, "title": .text, "lang": .text, "dir": .text, "align": .text, "role": .text,
        "aria-label": .text, "aria-hidden": .text, "aria-describedby": .text, "aria-labelledby": .text,
    ]

    static let elements: [String: Element] = [
        // Text.
        "h1": Element(), "h2": Element(), "h3": Element(), "h4": Element(), "h5": Element(), "h6": Element(),
        "p": Element(), "div": Element(), "span": Element(), "br": Element(), "hr": Element(), "wbr": Element(),
        "b": Element(), "i": Element(), "strong": Element(), "em": Element(), "s": Element(), "strike": Element(),
        "sup": Element(), "sub": Element(), "small": Element(), "mark": Element(), "kbd": Element(),
        "code": Element(), "pre": Element(), "samp": Element(), "var": Element(), "tt": Element(),
        "q": Element(), "cite": Element(), "abbr": Element(), "dfn": Element(), "bdo": Element(),
        "ins": Element(attributes: ["datetime": .text]), "del": Element(attributes: ["datetime": .text]),
        "time": Element(attributes: ["datetime": .text]),
        "ruby": Element(), "rt": Element(), "rp": Element(),
        "blockquote": Element(), "figure": Element(), "figcaption": Element(),
        "details": Element(attributes: ["open": .text]), "summary": Element(),
        // Links and images.
        "a": Element(attributes: ["href": .link, "name": .text]),
        "img": Element(attributes: ["src": .image, "srcset": .imageSet, "alt": .text, "width": .text, "height": .text]),
        "picture": Element(),
        "source": Element(
            attributes: ["srcset": .imageSet, "media": .text, "type": .text, "sizes": .text, "width": .text, "height": .text],
            inside: ["picture"]),
        // Lists.
        "ul": Element(), "ol": Element(attributes: ["start": .text, "type": .text, "reversed": .text]),
        "li": Element(attributes: ["value": .text], inside: ["ul", "ol"]),
        "dl": Element(), "dt": Element(inside: ["dl"]), "dd": Element(inside: ["dl"]),
        // Tables.
        "table": Element(attributes: ["width": .text, "border": .text, "cellpadding": .text, "cellspacing": .text]),
        "caption": Element(inside: ["table"]),
        "thead": Element(inside: ["table"]), "tbody": Element(inside: ["table"]), "tfoot": Element(inside: ["table"]),
        "tr": Element(attributes: ["valign": .text], inside: ["table"]),
        "td": Element(
            attributes: ["colspan": .text, "rowspan": .text, "valign": .text, "width": .text, "height": .text, "headers": .text],
            inside: ["table"]),
        "th": Element(
            attributes: ["colspan": .text, "rowspan": .text, "valign": .text, "width": .text, "height": .text, "headers": .text,
                         "scope": .text, "abbr": .text],
            inside: ["table"]),
    ]

    /// What is kept of raw HTML on a site that does not publish it (the default): what Markdown
    /// itself could have said (text, headings, paragraphs, emphasis, code, quotes, lists,
    /// tables, links and images) and README folds (`<details>`), every tag written anew with
    /// its link, image and table-span attributes only. A README's `<table>` of notebooks keeps
    /// its rows and its links.
    static let markdownElements: [String: Element] = [
        "h1": Element(), "h2": Element(), "h3": Element(), "h4": Element(), "h5": Element(), "h6": Element(),
        "p": Element(), "div": Element(), "br": Element(), "hr": Element(),
        "b": Element(), "i": Element(), "strong": Element(), "em": Element(), "s": Element(), "del": Element(),
        "code": Element(), "pre": Element(), "kbd": Element(), "sup": Element(), "sub": Element(),
        "blockquote": Element(), "details": Element(), "summary": Element(),
        "a": Element(attributes: ["href": .link]),
        "img": Element(attributes: ["src": .image, "alt": .text]),
        "ul": Element(), "ol": Element(attributes: ["start": .text]), "li": Element(inside: ["ul", "ol"]),
        "table": Element(), "thead": Element(inside: ["table"]), "tbody": Element(inside: ["table"]),
        "tr": Element(inside: ["table"]),
        "td": Element(attributes: ["colspan": .text, "rowspan": .text], inside: ["table"]),
        "th": Element(attributes: ["colspan": .text, "rowspan": .text], inside: ["table"]),
    ]

    /// Kept elements that make a block of their own: a raw HTML block without one reads as a
    /// paragraph where raw HTML is not published (see ``HTMLRenderer``).
    static let blockElements: Set<String> = [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "pre", "blockquote", "ul", "ol", "li", "dl", "dt", "dd",
        "table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th", "details", "summary", "figure", "figcaption",
        "picture", "source",
    ]

    /// Elements removed with everything inside them: scripts, styles, frames, plug-ins, forms'
    /// lists, templates and foreign markup. (Others not in ``elements`` lose their tags only.)
    static let removedWithContent: Set<String> = [
        "script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "textarea", "title", "plaintext",
        "svg", "math", "object", "applet", "template", "select", "datalist", "frameset", "head", "video", "audio",
        "canvas",
    ]

    /// Elements that have no end tag and no content.
    static let voidElements: Set<String> = [
        "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input", "keygen", "link",
        "meta", "param", "source", "track", "wbr",
    ]

    /// Schemes a raw link may use; a link without one is resolved as a Markdown link is.
    static let linkSchemes: Set<String> = ["http", "https", "mailto"]

    /// Schemes of images that are shown as a link to them (nothing is loaded from another host).
    static let remoteImageSchemes: Set<String> = ["http", "https"]

    /// How deep raw elements nest; deeper tags are removed. (It bounds the work of matching an
    /// end tag to its element, on any input.)
    static let maximumDepth = 64
}
