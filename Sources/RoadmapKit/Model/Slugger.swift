/// Makes GitHub-style heading anchors, unique within one page.
///
/// GitHub lowercases the text, drops everything that is not a letter, mark, number, connector
/// punctuation, space or hyphen, and turns each space into a hyphen; a repeated anchor gets
/// `-1`, `-2`, … appended. Links people copy from GitHub therefore work here too.
struct Slugger: Sendable {
    private var used: [String: Int] = [:]
    private var taken: Set<String> = []

    init(reserved: [String] = []) {
        taken = Set(reserved)
    }

    /// Marks `id` as taken (an anchor raw HTML defines), so that no later anchor is the same.
    mutating func reserve(_ id: String) {
        taken.insert(id)
    }

    /// A unique anchor for `text`.
    mutating func anchor(for text: String) -> String {
        var base = Self.githubSlug(text)
        if base.isEmpty { base = "section" }
        var candidate = base
        var counter = used[base] ?? 0
        // One hash look-up per try: the insert says whether the anchor was taken.
        while !taken.insert(candidate).inserted {
            counter += 1
            candidate = "\(base)-\(counter)"
        }
        // A base used once needs no counter: the next use finds it taken and counts from 0.
        if counter > 0 { used[base] = counter }
        return candidate
    }

    /// GitHub's heading slug of `text`, without de-duplication.
    static func githubSlug(_ text: String) -> String {
        if let ascii = asciiSlug(text) { return ascii }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let properties = scalar.properties
            if scalar == " " {
                out.append("-")
            } else if scalar == "-" || scalar == "_" {
                out.append(scalar)
            } else if properties.isAlphabetic || properties.numericType != nil
                || properties.generalCategory == .nonspacingMark
                || properties.generalCategory == .spacingMark
                || properties.generalCategory == .connectorPunctuation
            {
                if properties.isEmoji && !(scalar.isASCII) && !properties.isAlphabetic { continue }
                out.append(contentsOf: properties.lowercaseMapping.unicodeScalars)
            }
        }
        return String(out)
    }

    /// The same slug for ASCII text, byte by byte (the Unicode property look-ups above cost
    /// thousands of instructions a character); nil when `text` is not all ASCII.
    private static func asciiSlug(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var out = [UInt8]()
            out.reserveCapacity(bytes.count)
            for byte in bytes {
                if byte.isASCIILetter || byte.isASCIIDigit || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") {
                    out.append(byte.asciiLowercased)
                } else if byte == UInt8(ascii: " ") {
                    out.append(UInt8(ascii: "-"))
                } else if byte >= 0x80 {
                    return nil
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The folder a roadmap is published in: its front matter `slug`, else its file name's slug.
    /// The read stage (links, duplicate check) and the model use this one rule.
    static func pageSlug(relativePath: String, frontMatter: FrontMatter) -> String {
        if let slug = frontMatter.slug { return slug.isEmpty ? "roadmap" : slug }
        let slug = Self.slug(pageStem(relativePath: relativePath))
        // A file named like one of the site's own pages ("index.md", "resources.md") is not an
        // error the author chose: it is published beside them. (A front matter slug stays as written.)
        if PublicationCheck.reservedSlugs.contains(slug) { return slug + "-roadmap" }
        return slug.isEmpty ? "roadmap" : slug
    }

    /// The name a roadmap's file gives it: the file name without its extension, or for a
    /// `README.md` or `index.md` in a sub-folder the folder's name (`ml/README.md` is "ml"), so
    /// roadmaps kept as one README per folder do not all become "readme".
    static func pageStem(relativePath: String) -> String {
        let (stem, folder) = stemAndFolder(relativePath)
        if ["readme", "index"].contains(stem.lowercased()), !folder.isEmpty, folder != "." { return String(folder) }
        return String(stem)
    }

    /// The file name without its extension, and the name of the folder holding it, as NSString's
    /// path methods give them. A relative `folder/name.ext` is cut at its last slashes and dot
    /// (NSString's methods cost some 40,000 instructions a call on Linux); other paths go through NSString.
    static func stemAndFolder(_ relativePath: String) -> (stem: Substring, folder: Substring) {
        let slash = relativePath.utf8.lastIndex(of: 0x2F)
        let name = slash.map { relativePath[relativePath.index(after: $0)...] } ?? relativePath[...]
        let parent = slash.map { relativePath[..<$0] } ?? ""
        let folder = parent.utf8.lastIndex(of: 0x2F).map { parent[parent.index(after: $0)...] } ?? parent
        if let dot = name.utf8.lastIndex(of: 0x2E), dot > name.startIndex, name.index(after: dot) < name.endIndex,
           relativePath.utf8.first != 0x2F, !relativePath.contains("//"), slash == nil || !parent.isEmpty
        {
            return (name[..<dot], folder)
        }
        let path = relativePath as NSString
        return (Substring((path.lastPathComponent as NSString).deletingPathExtension),
                Substring((path.deletingLastPathComponent as NSString).lastPathComponent))
    }

    /// A slug for a page path: GitHub's slug with runs of hyphens collapsed and trimmed.
    static func slug(_ text: String) -> String {
        // On bytes: `_` and `-` are ASCII and never part of another character's encoding.
        let spaced = text.containsASCII(0x5F) ? String(decoding: text.utf8.map { $0 == 0x5F ? 0x20 : $0 }, as: UTF8.self) : text
        var out: [UInt8] = []
        var lastWasHyphen = true
        for byte in githubSlug(spaced).utf8 {
            if byte == 0x2D {
                if !lastWasHyphen { out.append(0x2D) }
                lastWasHyphen = true
            } else {
                out.append(byte)
                lastWasHyphen = false
            }
        }
        while out.last == 0x2D { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }
}

import Foundation
