import Foundation

/// Entry points for the fuzzer (`cnmm-fuzz`): each takes arbitrary bytes and must return, never crash or hang.
public enum FuzzEntry {
    /// The front matter splitter and YAML decoding, the conflict-marker check, and ref and URL normalisation.
    public static func frontMatter(_ data: Data) {
        guard let text = try? SourceText.decode(data, path: "fuzz.md") else { return }
        _ = try? FrontMatterParser(path: "fuzz.md").parse(text)
        _ = try? ContentLoader.checkConflictMarkers(text, path: "fuzz.md")
        _ = RefResolver.normalise(text)
        _ = SiteAssembler.urlPath(text)
    }

    /// The preview server's request-path gate: whatever it accepts must name a file inside the site.
    public static func requestPath(_ data: Data) {
        let raw = "/" + String(decoding: data, as: UTF8.self)
        guard let path = RequestPath(raw) else { return }
        let file = path.filePath
        precondition(!file.hasPrefix("/"), "absolute path accepted: \(file)")
        precondition(
            !file.split(separator: "/").contains { $0 == ".." || $0 == "." || $0.isEmpty }, "escape accepted: \(file)")
        precondition(!file.contains("\0") && !file.contains("\\"), "control byte or backslash accepted: \(file)")
    }
}
