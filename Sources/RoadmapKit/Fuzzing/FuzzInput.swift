/// One input of the pipeline fuzz target (``PipelineFuzzTarget``): a roadmap file, and
/// optionally the site's `site.yml` and `glossary.yml`, each after a marker line of its own:
///
/// ```
/// # A roadmap
/// ...
/// %%% site.yml
/// allow_raw_html: true
/// %%% glossary.yml
/// kubernetes: [k8s]
/// ```
///
/// Kept as bytes: the roadmap may be any bytes, valid UTF-8 or not, as a file on disk may be.
public struct FuzzInput: Sendable, Hashable {
    public var roadmap: [UInt8]
    /// `site.yml`, when the input has its marker line.
    public var siteConfig: [UInt8]?
    /// `glossary.yml`, when the input has its marker line.
    public var glossary: [UInt8]?

    static let siteConfigMarker = Array("%%% site.yml".utf8)
    static let glossaryMarker = Array("%%% glossary.yml".utf8)

    public init(roadmap: [UInt8], siteConfig: [UInt8]? = nil, glossary: [UInt8]? = nil) {
        self.roadmap = roadmap
        self.siteConfig = siteConfig
        self.glossary = glossary
    }

    /// Splits `bytes` at the marker lines (`\n`-ended, or the last line). Text before the first
    /// marker is the roadmap; a marker seen a second time starts its file again.
    public init(_ bytes: [UInt8]) {
        var parts: [[UInt8]] = [[], [], []]
        var present = [true, false, false]
        var current = 0
        var lineStart = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            let line = bytes[lineStart..<lineEnd]
            let next = min(lineEnd + 1, bytes.count)
            if line.elementsEqual(Self.siteConfigMarker) || line.elementsEqual(Self.glossaryMarker) {
                current = line.elementsEqual(Self.siteConfigMarker) ? 1 : 2
                parts[current] = []
                present[current] = true
            } else {
                parts[current] += bytes[lineStart..<next]
            }
            lineStart = next
        }
        self.init(roadmap: parts[0], siteConfig: present[1] ? parts[1] : nil, glossary: present[2] ? parts[2] : nil)
    }
}
