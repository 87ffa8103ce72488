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

    /// A unique anchor for `text`.
    mutating func anchor(for text: String) -> String {
        var base = Self.githubSlug(text)
        if base.isEmpty { base = "section" }
        var candidate = base
        var counter = used[base] ?? 0
        while taken.contains(candidate) {
            counter += 1
            candidate = "\(base)-\(counter)"
        }
        used[base] = counter
        taken.insert(candidate)
        return candidate
    }

    /// GitHub's heading slug of `text`, without de-duplication.
    static func githubSlug(_ text: String) -> String {
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

    /// A slug for a page path: GitHub's slug with runs of hyphens collapsed and trimmed.
    static func slug(_ text: String) -> String {
        var out = ""
        var lastWasHyphen = true
        for character in githubSlug(text.replacingOccurrences(of: "_", with: " ")) {
            if character == "-" {
                if !lastWasHyphen { out.append("-") }
                lastWasHyphen = true
            } else {
                out.append(character)
                lastWasHyphen = false
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }
}

import Foundation
