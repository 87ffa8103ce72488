import Foundation

/// A file or folder name as a reader would say it, for a roadmap without a title and for a
/// folder on the home page: `Applied_LLMs_Mastery_2024` is "Applied LLMs Mastery 2024",
/// `01-intro` is "Intro", `mlops-engineer` is "Mlops engineer".
///
/// Underscores and hyphens become spaces; a zero-padded number that only orders the file
/// (`01-`, `002_`) is left out, a number that is part of the name (`100-days-of-code`) kept;
/// a name written all in lowercase gets a capital first letter, any other keeps its case.
/// (MkDocs and Docusaurus read file names the same way.)
enum ReadableName {
    static func of(_ name: some StringProtocol) -> String {
        let words = withoutOrderingNumber(Substring(name)).split(whereSeparator: { $0 == "_" || $0 == "-" || $0 == " " })
        let text = words.joined(separator: " ")
        guard let initial = text.first else { return String(name) }
        guard text == text.lowercased() else { return text }
        return initial.uppercased() + text.dropFirst()
    }

    /// The title a roadmap's file gives it, for one whose front matter and text give none: the
    /// file name made readable, or for a `README.md` or `index.md` its folder's (`cohorts/2022/README.md`
    /// is "2022"; at the top, the content folder's). `path` is the file's path as given to the tool.
    static func ofRoadmapFile(relativePath: String, path: String) -> String {
        if Slugger.namesFolder(relativePath), !relativePath.contains("/") {
            let folder = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent().lastPathComponent
            if !folder.isEmpty, folder != "/" { return of(folder) }
        }
        return of(Slugger.pageStem(relativePath: relativePath))
    }

    /// The name without a leading zero-padded number and the separator after it (`01-`, `002_`,
    /// `03. `), when more follows.
    private static func withoutOrderingNumber(_ name: Substring) -> Substring {
        let digits = name.prefix { $0.isASCII && $0.isNumber }
        guard digits.count > 1, digits.first == "0" else { return name }
        let rest = name[digits.endIndex...]
        let separators = rest.prefix { "-_. ".contains($0) }
        guard !separators.isEmpty, separators.endIndex < rest.endIndex else { return name }
        return rest[separators.endIndex...]
    }
}
