/// Makes GitHub-style heading anchors, unique within one page.
///
/// GitHub lowercases the text, drops every character that is not a letter, a mark, a decimal or
/// letter number, connector punctuation (`_`), a space or a hyphen (Ruby's `[^\p{Word}\- ]`),
/// and turns each space into a hyphen; a repeated anchor gets `-1`, `-2`, … appended. Links
/// people copy from GitHub therefore work here too.
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
            if scalar == " " {
                out.append("-")
            } else if scalar == "-" || isWordCharacter(scalar) {
                out.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return String(out)
    }

    /// Whether GitHub keeps `scalar` in an anchor: a letter, a mark (so "⚙️" leaves its U+FE0F
    /// and a keycap its U+20E3), a decimal or letter number, or connector punctuation. Emoji,
    /// other symbols and other numbers ("²", "½") are dropped.
    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .connectorPunctuation:
            true
        default:
            false
        }
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

    /// The folder a roadmap is published in, relative to the site root, as its file's folders
    /// give it (`cohorts/2022/01-intro/homework.md` is `cohorts/2022/01-intro/homework`): each
    /// folder's slug, then the front matter `slug`, else the file name's slug. A `README.md` or
    /// `index.md` (any case) in a sub-folder is published as that folder (`cohorts/2022/README.md`
    /// is `cohorts/2022`); a front matter `slug` replaces the last part there too. The read stage
    /// (links, duplicate check) and the model use this one rule.
    ///
    /// The site's own files are never in the way: a top-level file named like one of the site's
    /// pages gets `-roadmap` added (`resources.md` is `resources-roadmap`; a front matter slug
    /// stays as written, and ``PublicationCheck`` reports it), and so does a top-level folder
    /// named like one the build fills (`search/notes.md` is `search-roadmap/notes`). A file that
    /// `namesFolder` (a roadmap.sh folder's `<name>.md`) is published as its folder, as a README is.
    static func pageSlug(relativePath: String, frontMatter: FrontMatter, namesFolder: Bool = false) -> String {
        var parts = relativePath.split(separator: "/").dropLast().filter { $0 != "." }.map { folder -> String in
            let slug = Self.slug(String(folder))
            return slug.isEmpty ? "folder" : slug
        }
        let named = frontMatter.slug.map { $0.isEmpty ? "roadmap" : $0 }
        if namesFolder || Self.namesFolder(relativePath), !parts.isEmpty {
            if let named { parts[parts.count - 1] = named }
        } else {
            let fromFile = Self.slug(String(stemAndFolder(relativePath).stem))
            parts.append(named ?? (fromFile.isEmpty ? "roadmap" : fromFile))
        }
        if parts.count == 1, frontMatter.slug == nil, PublicationCheck.reservedSlugs.contains(parts[0]) {
            parts[0] += "-roadmap"
        } else if parts.count > 1, PublicationCheck.reservedFolders.contains(parts[0]) {
            parts[0] += "-roadmap"
        }
        return parts.joined(separator: "/")
    }

    /// Whether the file is a `README.md` or `index.md` (any case), which names its folder.
    static func namesFolder(_ relativePath: String) -> Bool {
        ["readme", "index"].contains(stemAndFolder(relativePath).stem.lowercased())
    }

    /// The name a roadmap's file gives it: the file name without its extension, or for a
    /// `README.md` or `index.md` in a sub-folder the folder's name (`ml/README.md` is "ml"), so
    /// roadmaps kept as one README per folder do not all become "readme".
    static func pageStem(relativePath: String) -> String {
        let (stem, folder) = stemAndFolder(relativePath)
        if namesFolder(relativePath), !folder.isEmpty, folder != "." { return String(folder) }
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
