import Foundation

/// Maps a request path to a file inside the site folder, and refuses anything else: `..`
/// segments (also percent-encoded, `%2e%2e`, and with encoded slashes or backslashes), NUL
/// bytes, and symbolic links that lead out of the folder.
struct SitePathResolver: Sendable {
    enum Resolution: Equatable, Sendable {
        /// A regular file inside the site.
        case file(String)
        /// A path that tries to leave the site folder, or is malformed.
        case refused
        /// Nothing there.
        case notFound
    }

    /// The site folder, as given (it is swapped on every build, so it is resolved per request).
    var root: String

    /// `rawPath` is the request target's path, still percent-encoded (no query string).
    func resolve(_ rawPath: String) -> Resolution {
        guard rawPath.hasPrefix("/"), let decoded = rawPath.removingPercentEncoding else { return .refused }
        // Decoding may reveal separators and dot segments that were hidden before.
        if decoded.utf8.contains(0) || decoded.contains("\\") { return .refused }
        var segments: [Substring] = []
        for segment in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == ".." || segment == "." { return .refused }
            segments.append(segment)
        }
        let rootURL = URL(fileURLWithPath: root).standardizedFileURL.resolvingSymlinksInPath()
        var path = rootURL.path
        for segment in segments { path += "/" + segment }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            path += "/index.html"
        } else if decoded.hasSuffix("/") {
            return .notFound
        }
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            return .notFound
        }
        // A symbolic link inside the site must not lead out of it.
        let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        guard real.hasPrefix(rootURL.path + "/") else { return .refused }
        return .file(real)
    }

    static func contentType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html", "htm": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js", "mjs": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "webp": "image/webp"
        case "ico": "image/x-icon"
        case "xml": "application/xml"
        case "txt": "text/plain; charset=utf-8"
        case "ics": "text/calendar; charset=utf-8"
        case "woff2": "font/woff2"
        default: "application/octet-stream"
        }
    }
}
