import RoadmapMarkdown

/// The render cache's record format (``RenderCache``): values written one after another as
/// bytes, numbers as LEB128 varints (signed ones zig-zagged), text as its UTF-8 length and bytes,
/// lists as their count and elements. No field names, no versions inside: the cache file as a
/// whole carries the tool's identity, and a cache of another build of the tool is ignored.
struct CacheEncoder {
    private(set) var bytes: [UInt8] = []

    init() {}

    mutating func encode(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    mutating func encode(_ value: Int) {
        let signed = Int64(value)
        encode(UInt64(bitPattern: (signed << 1) ^ (signed >> 63)))
    }

    mutating func encode(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func encode(_ text: String) {
        encode(text.utf8.count)
        bytes.append(contentsOf: text.utf8)
    }

    mutating func encode(_ text: String?) {
        encode(text != nil)
        if let text { encode(text) }
    }

    mutating func encode(_ value: Int?) {
        encode(value != nil)
        if let value { encode(value) }
    }

    /// Raw bytes, after their count.
    mutating func encode(bytes raw: some Collection<UInt8>) {
        encode(raw.count)
        bytes.append(contentsOf: raw)
    }

    mutating func encode<Integer: FixedWidthInteger & UnsignedInteger>(numbers: [Integer]) {
        encode(numbers.count)
        for number in numbers { encode(UInt64(number)) }
    }

    mutating func encode(_ digest: ContentDigest) {
        encode(digest.low)
        encode(digest.high)
    }

    mutating func encode<Value: CacheCodable>(_ value: Value) { value.encode(to: &self) }

    mutating func encode<Value: CacheCodable>(_ values: [Value]) {
        encode(values.count)
        for value in values { value.encode(to: &self) }
    }

    mutating func encode(_ texts: [String]) {
        encode(texts.count)
        for text in texts { encode(text) }
    }
}

/// Reads what ``CacheEncoder`` wrote; any value that runs past the end, or a number too large
/// for its type, throws ``CacheDecoder/Corrupt``: the record is then not used.
struct CacheDecoder {
    struct Corrupt: Error {}

    let bytes: [UInt8]
    private(set) var position: Int
    /// The record's strings read so far that live on the heap (over 15 bytes): one that comes
    /// again (a roadmap's title in each of its resource uses, a link's target on each page of
    /// the record) shares the first one's storage, as it did in the build that wrote it. A rebuild
    /// of 10,000 roadmaps with one edited peaked at 947 MiB without it and 766 MiB with it, for
    /// 0.5–1.0 s more CPU (three runs each, alternating).
    private var strings: [String: String] = [:]

    init(_ bytes: [UInt8], from position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    var isAtEnd: Bool { position == bytes.count }

    mutating func decode() throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < bytes.count, shift < 64 else { throw Corrupt() }
            let byte = bytes[position]
            position += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    mutating func decode() throws -> Int {
        let raw: UInt64 = try decode()
        return Int(Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1))
    }

    /// A count of things that each take at least one byte: never more than the bytes left.
    mutating func decodeCount() throws -> Int {
        let count: Int = try decode()
        guard count >= 0, count <= bytes.count - position else { throw Corrupt() }
        return count
    }

    mutating func decode() throws -> Bool {
        guard position < bytes.count, bytes[position] <= 1 else { throw Corrupt() }
        position += 1
        return bytes[position - 1] == 1
    }

    mutating func decode() throws -> String {
        let range = try decodeByteRange()
        let text = String(decoding: bytes[range], as: UTF8.self)
        guard range.count > 15 else { return text }
        if let known = strings[text] { return known }
        strings[text] = text
        return text
    }

    mutating func decode() throws -> String? {
        let present: Bool = try decode()
        return present ? try decode() as String : nil
    }

    mutating func decode() throws -> Int? {
        let present: Bool = try decode()
        return present ? try decode() as Int : nil
    }

    /// Where raw bytes written with ``CacheEncoder/encode(bytes:)`` are, skipping them.
    mutating func decodeByteRange() throws -> Range<Int> {
        let count = try decodeCount()
        defer { position += count }
        return position..<(position + count)
    }

    mutating func decodeBytes() throws -> [UInt8] { Array(bytes[try decodeByteRange()]) }

    mutating func decodeNumbers<Integer: FixedWidthInteger & UnsignedInteger>(_: Integer.Type = Integer.self) throws -> [Integer] {
        let count = try decodeCount()
        var numbers: [Integer] = []
        numbers.reserveCapacity(count)
        for _ in 0..<count {
            let value: UInt64 = try decode()
            guard let number = Integer(exactly: value) else { throw Corrupt() }
            numbers.append(number)
        }
        return numbers
    }

    mutating func decode() throws -> ContentDigest {
        let low: UInt64 = try decode()
        return ContentDigest(low: low, high: try decode())
    }

    mutating func decode<Value: CacheCodable>(_: Value.Type = Value.self) throws -> Value { try Value(from: &self) }

    mutating func decode<Value: CacheCodable>(_: [Value].Type = [Value].self) throws -> [Value] {
        let count = try decodeCount()
        var values: [Value] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try Value(from: &self)) }
        return values
    }

    mutating func decode() throws -> [String] {
        let count = try decodeCount()
        var texts: [String] = []
        texts.reserveCapacity(count)
        for _ in 0..<count { texts.append(try decode()) }
        return texts
    }

    /// A value of a `String`-backed enum.
    mutating func decode<Value: RawRepresentable>(_: Value.Type = Value.self) throws -> Value where Value.RawValue == String {
        guard let value = Value(rawValue: try decode()) else { throw Corrupt() }
        return value
    }
}

/// A value the render cache keeps.
protocol CacheCodable {
    func encode(to encoder: inout CacheEncoder)
    init(from decoder: inout CacheDecoder) throws
}

// MARK: - The values a build keeps of a roadmap

extension SourceLocation: CacheCodable {
    func encode(to encoder: inout CacheEncoder) {
        encoder.encode(line)
        encoder.encode(column)
    }

    init(from decoder: inout CacheDecoder) throws {
        self.init(line: try decoder.decode(), column: try decoder.decode())
    }
}

extension Diagnostic: CacheCodable {
    func encode(to encoder: inout CacheEncoder) {
        encoder.encode(severity.rawValue)
        encoder.encode(id)
        encoder.encode(message)
        encoder.encode(file)
        encoder.encode(location != nil)
        if let location { encoder.encode(location) }
        encoder.encode(notes)
    }

    init(from decoder: inout CacheDecoder) throws {
        let severity: Severity = try decoder.decode()
        let id: String = try decoder.decode()
        let message: String = try decoder.decode()
        let file: String = try decoder.decode()
        let hasLocation: Bool = try decoder.decode()
        let location = hasLocation ? try decoder.decode(SourceLocation.self) : nil
        self.init(severity, id: id, message, file: file, at: location, notes: try decoder.decode())
    }
}

extension HashedIDs: CacheCodable {
    func encode(to encoder: inout CacheEncoder) { encoder.encode(numbers: hashes) }

    init(from decoder: inout CacheDecoder) throws { self.init(hashes: try decoder.decodeNumbers(UInt64.self)) }
}

extension SharedTerm: CacheCodable {
    func encode(to encoder: inout CacheEncoder) {
        encoder.encode(key)
        encoder.encode(anchor)
        encoder.encode(title)
    }

    init(from decoder: inout CacheDecoder) throws {
        self.init(key: try decoder.decode(), anchor: try decoder.decode(), title: try decoder.decode())
    }
}

extension RoadmapListing: CacheCodable {
    func encode(to encoder: inout CacheEncoder) {
        encoder.encode(source)
        encoder.encode(slug)
        encoder.encode(title)
        encoder.encode(order)
        encoder.encode(terms)
        encoder.encode(anchors)
    }

    init(from decoder: inout CacheDecoder) throws {
        self.init(source: try decoder.decode(), slug: try decoder.decode(), title: try decoder.decode(),
                  order: try decoder.decode(), terms: try decoder.decode(), anchors: try decoder.decode())
    }
}

extension OtherPageLink: CacheCodable {
    func encode(to encoder: inout CacheEncoder) {
        encoder.encode(file)
        encoder.encode(source)
        encoder.encode(location)
        encoder.encode(target)
        encoder.encode(fragment)
    }

    init(from decoder: inout CacheDecoder) throws {
        self.init(file: try decoder.decode(), source: try decoder.decode(), location: try decoder.decode(),
                  target: try decoder.decode(), fragment: try decoder.decode())
    }
}

extension ResourceUse: CacheCodable {
    func encode(to encoder: inout CacheEncoder) {
        encoder.encode(roadmapSlug)
        encoder.encode(roadmapTitle)
        encoder.encode(sectionID)
        encoder.encode(sectionTitle)
        encoder.encode(anchor)
        encoder.encode(location)
    }

    init(from decoder: inout CacheDecoder) throws {
        self.init(roadmapSlug: try decoder.decode(), roadmapTitle: try decoder.decode(), sectionID: try decoder.decode(),
                  sectionTitle: try decoder.decode(), anchor: try decoder.decode(), location: try decoder.decode())
    }
}

extension Resource: CacheCodable {
    func encode(to encoder: inout CacheEncoder) {
        encoder.encode(id)
        encoder.encode(title)
        encoder.encode(url)
        encoder.encode(kind.rawValue)
        encoder.encode(provider)
        encoder.encode(cost.rawValue)
        encoder.encode(author)
        encoder.encode(uses)
    }

    init(from decoder: inout CacheDecoder) throws {
        self.init(id: try decoder.decode(), title: try decoder.decode(), url: try decoder.decode(), kind: try decoder.decode(),
                  provider: try decoder.decode(), cost: try decoder.decode(), author: try decoder.decode(),
                  uses: try decoder.decode())
    }
}

extension RoadmapSummary: CacheCodable {
    func encode(to encoder: inout CacheEncoder) {
        encoder.encode(source)
        encoder.encode(slug)
        encoder.encode(title)
        encoder.encode(summary)
        encoder.encode(order)
        encoder.encode(phaseCount)
        encoder.encode(moduleCount)
        encoder.encode(totalDuration)
        encoder.encode(facts)
    }

    init(from decoder: inout CacheDecoder) throws {
        self.init(source: try decoder.decode(), slug: try decoder.decode(), title: try decoder.decode(),
                  summary: try decoder.decode(), order: try decoder.decode(), phaseCount: try decoder.decode(),
                  moduleCount: try decoder.decode(), totalDuration: try decoder.decode(), facts: try decoder.decode())
    }
}

extension FragmentLink: CacheCodable {
    func encode(to encoder: inout CacheEncoder) {
        encoder.encode(target)
        encoder.encode(fragment)
        encoder.encode(location)
    }

    init(from decoder: inout CacheDecoder) throws {
        self.init(target: try decoder.decode(), fragment: try decoder.decode(), location: try decoder.decode())
    }
}

extension RenderedPageLinks: CacheCodable {
    func encode(to encoder: inout CacheEncoder) {
        encoder.encode(page)
        encoder.encode(template)
        encoder.encode(diagnostics)
        // In path order, so that the same links make the same bytes.
        let files = self.files.sorted { $0.key < $1.key }
        encoder.encode(files.count)
        for (path, location) in files {
            encoder.encode(path)
            encoder.encode(location)
        }
        encoder.encode(fragments)
        encoder.encode(idHashes)
    }

    init(from decoder: inout CacheDecoder) throws {
        let page: String = try decoder.decode()
        let template: String = try decoder.decode()
        let diagnostics: [Diagnostic] = try decoder.decode()
        let count = try decoder.decodeCount()
        var files: [String: SourceLocation] = [:]
        files.reserveCapacity(count)
        for _ in 0..<count {
            let path: String = try decoder.decode()
            files[path] = try decoder.decode(SourceLocation.self)
        }
        self.init(page: page, template: template, diagnostics: diagnostics, files: files,
                  fragments: try decoder.decode(), idHashes: try decoder.decode())
    }
}

extension SearchDocument: CacheCodable {
    func encode(to encoder: inout CacheEncoder) {
        encoder.encode(kind.rawValue)
        encoder.encode(title)
        encoder.encode(trail)
        encoder.encode(excerpt)
        encoder.encode(url)
    }

    init(from decoder: inout CacheDecoder) throws {
        self.init(kind: try decoder.decode(), title: try decoder.decode(), trail: try decoder.decode(),
                  excerpt: try decoder.decode(), url: try decoder.decode())
    }
}

extension ListingPass.Output {
    /// Kept without the resource uses' mentions and markers, which only rendering the roadmap
    /// needs: a roadmap rendered again lists itself again (``ResourceUses/isComplete`` is false once read back).
    func encode(to encoder: inout CacheEncoder) {
        encoder.encode(listing)
        encoder.encode(diagnostics)
        encoder.encode(linksToOtherPages)
        encoder.encode(resourceUses.resources)
        encoder.encode(resourceUses.diagnostics)
    }

    init(from decoder: inout CacheDecoder) throws {
        self.init(listing: try decoder.decode(), diagnostics: try decoder.decode(), linksToOtherPages: try decoder.decode(),
                  resourceUses: ResourceUses(resources: try decoder.decode(), diagnostics: try decoder.decode()))
    }
}

extension ResourceUses {
    /// A roadmap's resources without the mentions and markers they were read from.
    init(resources: [Resource], diagnostics: [Diagnostic]) {
        mentions = []
        self.resources = resources
        markers = []
        self.diagnostics = diagnostics
        isComplete = false
    }
}

extension PageResult {
    func encode(to encoder: inout CacheEncoder) throws {
        encoder.encode(summary)
        encoder.encode(diagnostics)
        encoder.encode(links)
        try search.encode(to: &encoder)
        encoder.encode(resources)
        encoder.encode(enrichmentLinks)
    }

    /// Read back from the cache `file`, the record's bytes starting at `offset` in it (the
    /// search documents' text stays there; ``SearchDocumentBatch/init(from:file:offset:)``).
    init(from decoder: inout CacheDecoder, file: SearchSpool?, offset: Int) throws {
        self.init(summary: try decoder.decode(), diagnostics: try decoder.decode(), links: try decoder.decode(),
                  search: try SearchDocumentBatch(from: &decoder, file: file, offset: offset + 8),
                  resources: try decoder.decode(), enrichmentLinks: try decoder.decode())
    }
}
