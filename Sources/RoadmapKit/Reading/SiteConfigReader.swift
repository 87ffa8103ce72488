import Foundation
import Yams

/// Reads `Content/site.yml`; a missing file gives the defaults.
struct SiteConfigReader: Sendable {
    func read(_ file: SourceFile?) throws -> (SiteConfig, [Diagnostic]) {
        guard let file else { return (SiteConfig(), []) }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file.path))
        } catch {
            throw BuildError.io("config.unreadable", "cannot read the site configuration", path: file.path, error: error)
        }
        let (text, encodingDiagnostics) = SourceText.decode(data, file: file.path)
        let (config, diagnostics) = read(text, file: file)
        return (config, encodingDiagnostics + diagnostics)
    }

    private func read(_ text: String, file: SourceFile) -> (SiteConfig, [Diagnostic]) {
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return (SiteConfig(), []) }
        do {
            // The decoder reads only the keys it knows (others are not made into values), so
            // the alias count is the one bound it needs.
            try YAMLLoader.checkAliasCount(text)
            let config = try YAMLDecoder().decode(SiteConfig.self, from: text)
            var diagnostics: [Diagnostic] = []
            if let url = config.baseURL, URL(string: url)?.scheme?.hasPrefix("http") != true {
                diagnostics.append(.error("config.base-url", "base_url '\(url)' is not an absolute http(s) URL", file: file.path))
            }
            return (config, diagnostics)
        } catch let error as DecodingError {
            var message = "site configuration is not valid"
            switch error {
            case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
                let key = context.codingPath.map(\.stringValue).joined(separator: ".")
                message += key.isEmpty ? ": \(context.debugDescription)" : ": '\(key)' \(context.debugDescription)"
            default:
                message += ": \(error)"
            }
            return (SiteConfig(), [.error("config.invalid", message, file: file.path)])
        } catch {
            return (SiteConfig(), [FrontMatterReader.diagnostic(for: error, file: file.path, lineOffset: 0)])
        }
    }
}
