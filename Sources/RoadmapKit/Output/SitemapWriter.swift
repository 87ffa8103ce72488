import Foundation

/// Makes `sitemap.xml` and `robots.txt` for a site published at a known absolute URL.
///
/// Without a base URL the absolute addresses a sitemap needs are unknown, so neither file is
/// written and ``missingBaseURLWarning(file:)`` explains why, once.
struct SitemapWriter: Sendable {
    /// The absolute URL of the site root, ending in "/".
    var baseURL: String

    init(baseURL: String) {
        self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
    }

    /// The public URL path of a written page: `slug/index.html` is `slug/`, `index.html` is "".
    static func urlPath(ofPage relativePath: String) -> String {
        if relativePath == "index.html" { return "" }
        if relativePath.hasSuffix("/index.html") { return String(relativePath.dropLast("index.html".count)) }
        return relativePath
    }

    /// Whether a written HTML page belongs in the sitemap (the not-found page does not).
    static func isListed(_ relativePath: String) -> Bool {
        relativePath.hasSuffix(".html") && relativePath != "404.html"
    }

    /// The sitemap for the given pages (paths relative to the site root), sorted for stable output.
    func sitemap(pages: [String]) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in Set(pages.filter(Self.isListed).map(Self.urlPath(ofPage:))).sorted() {
            let encoded = page.split(separator: "/", omittingEmptySubsequences: false)
                .map { LinkResolver.percentEncode(String($0)) }.joined(separator: "/")
            out += "  <url><loc>" + HTMLEscaping.escape(baseURL + encoded) + "</loc></url>\n"
        }
        out += "</urlset>\n"
        return out
    }

    /// `robots.txt`: everything may be crawled, and the sitemap is named.
    func robots() -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(baseURL)sitemap.xml\n"
    }

    /// The one warning a build gives when no base URL is set.
    static func missingBaseURLWarning(file: String) -> Diagnostic {
        .warning(
            "site.no-base-url",
            "no base_url is set, so sitemap.xml, robots.txt, canonical links and Open Graph tags are left out "
                + "(they need absolute URLs) and 404.html links relative to the site root; "
                + "set 'base_url' in site.yml or pass --base-url",
            file: file)
    }
}
