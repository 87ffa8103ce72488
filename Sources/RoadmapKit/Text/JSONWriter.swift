/// The one JSON writer: data files (`roadmap.json`, `resources.json`), the page's data block and
/// the search index are written straight into bytes, one member at a time: no value tree, no
/// coding containers, no per-object dictionary, no whitespace (the data files of a 10,000-roadmap
/// site are a third smaller than indented; `jq .` shows them indented). Callers give object
/// members in sorted key order, so files are byte-stable. Strings are safe inside an HTML
/// `<script>` element: `<`, U+2028 and U+2029 are escaped.
///
/// Why not `JSONEncoder`: encoding the data files and data blocks with it (`.sortedKeys`,
/// `.withoutEscapingSlashes`, the same bytes but for `<`) took the 100-roadmap build from 3,294
/// to 4,076 million instructions (callgrind, +24%), and the 1,000-roadmap build from 5.2 to 6.3
/// seconds of CPU (hyperfine, user time). Its keys are also unordered unless sorted.
struct JSONWriter: Sendable {
    private(set) var bytes: [UInt8] = []
    /// Whether the container being written has no member yet.
    private var empty = true

    init(capacity: Int = 4096) {
        bytes.reserveCapacity(capacity)
    }

    /// The text written so far.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    // MARK: Containers

    mutating func object(_ members: (inout JSONWriter) throws -> Void) rethrows {
        open(0x7B)
        try members(&self)
        close(0x7D)
    }

    mutating func array<S: Sequence>(_ elements: S, _ element: (inout JSONWriter, S.Element) throws -> Void) rethrows {
        open(0x5B)
        for value in elements {
            separate()
            try element(&self, value)
        }
        close(0x5D)
    }

    /// Hands over the bytes written so far and goes on writing into an empty buffer: a large
    /// document is written out in pieces.
    mutating func takeBytes() -> [UInt8] {
        var taken: [UInt8] = []
        taken.reserveCapacity(bytes.capacity)
        swap(&taken, &bytes)
        return taken
    }

    /// A member's key; its value is written next.
    mutating func key(_ name: StaticString) {
        separate()
        bytes.append(0x22)
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(0x22)
        bytes.append(0x3A)
    }

    /// A member's key that is not known when the program is written (escaped as any string).
    mutating func key(_ name: String) {
        separate()
        string(name)
        bytes.append(0x3A)
    }

    // MARK: Members

    mutating func member(_ name: StaticString, _ value: String) { key(name); string(value) }
    mutating func member(_ name: StaticString, _ value: Int) { key(name); number(value) }
    mutating func member(_ name: StaticString, _ value: Double) { key(name); number(value) }
    mutating func member(_ name: StaticString, _ value: String?) { if let value { member(name, value) } }
    mutating func member(_ name: StaticString, _ values: [String]) { key(name); array(values) { $0.string($1) } }
    mutating func member(_ name: StaticString, _ value: Double?) { if let value { member(name, value) } }
    mutating func member<Value: JSONWritable>(_ name: StaticString, _ value: Value?) {
        if let value { key(name); value.write(to: &self) }
    }
    mutating func member<Value: JSONWritable>(_ name: StaticString, _ values: [Value]) {
        key(name); array(values) { $1.write(to: &$0) }
    }

    // MARK: Values

    mutating func string(_ value: String) { Self.string(value, into: &bytes) }

    mutating func number(_ value: Int) { bytes.append(decimal: value) }

    /// 17.33 → `17.33`, 4 → `4`; not finite → `null`.
    mutating func number(_ value: Double) {
        guard value.isFinite else { return raw("null") }
        if value == value.rounded(), abs(value) < 1e15 { return number(Int(value)) }
        bytes.append(contentsOf: value.description.utf8)
    }

    mutating func bool(_ value: Bool) { raw(value ? "true" : "false") }

    /// Text written as it is: a value already in JSON.
    mutating func raw(_ text: StaticString) { text.withUTF8Buffer { bytes.append(contentsOf: $0) } }

    /// Ends a file: a newline, as text files should.
    mutating func finish() { bytes.append(0x0A) }

    // MARK: Layout

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        empty = true
    }

    private mutating func close(_ bracket: UInt8) {
        bytes.append(bracket)
        empty = false
    }

    /// Starts the next member or element; called directly only when one element of an array
    /// writes several values (a flattened list).
    mutating func separate() {
        if !empty { bytes.append(0x2C) }
        empty = false
    }

    // MARK: Quoting

    /// Appends `text` as a JSON string.
    static func string(_ text: String, into out: inout [UInt8]) {
        text.withUTF8Bytes { string($0, into: &out) }
    }

    /// Appends UTF-8 `text` as a JSON string: runs that need no escape are copied whole.
    static func string(_ text: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        out.append(0x22)
        // Most text needs no escape: one branch-free pass (vectorised) says so, and it is copied
        // whole (measured with the HTML escaper's: ``HTMLEscaping`` `hasSpecial`).
        var special: UInt8 = 0
        for byte in text {
            special |= (byte == 0x22 ? 1 : 0) | (byte == 0x5C ? 1 : 0) | (byte == 0x3C ? 1 : 0) | (byte < 0x20 ? 1 : 0)
                | (byte == 0xE2 ? 1 : 0)
        }
        if special == 0 {
            out.append(contentsOf: text)
            out.append(0x22)
            return
        }
        var runStart = 0
        var index = 0
        let count = text.count
        while index < count {
            let byte = text[index]
            var escape: StaticString?
            var width = 1
            switch byte {
            case 0x22: escape = "\\\""
            case 0x5C: escape = "\\\\"
            case 0x3C: escape = "\\u003c"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            case 0xE2 where index + 2 < count && text[index + 1] == 0x80 && (text[index + 2] == 0xA8 || text[index + 2] == 0xA9):
                escape = text[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                width = 3
            case ..<0x20:
                out.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<index]))
                out.append(contentsOf: "\\u00".utf8)
                out.append(hexDigit(byte >> 4))
                out.append(hexDigit(byte & 0x0F))
                index += 1
                runStart = index
                continue
            default:
                index += 1
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<index]))
            escape!.withUTF8Buffer { out.append(contentsOf: $0) }
            index += width
            runStart = index
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<count]))
        out.append(0x22)
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 { value < 10 ? 0x30 + value : 0x61 + value - 10 }
}

/// A value written as JSON.
protocol JSONWritable {
    func write(to json: inout JSONWriter)
}

extension JSONWritable {
    /// The value as a JSON document, followed by a newline.
    var jsonText: String { String(decoding: jsonBytes, as: UTF8.self) }

    /// ``jsonText``'s UTF-8.
    var jsonBytes: [UInt8] {
        var json = JSONWriter()
        write(to: &json)
        json.finish()
        return json.bytes
    }
}
