import Foundation
import Testing

@testable import CNMMKit

/// A site written into a fresh temporary folder, built with the project's default theme unless it brings its own.
struct TestSite {
    let root: URL

    /// The repository's root, found from this file's place in it.
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let defaultTheme = repositoryRoot.appendingPathComponent("themes/default")

    /// Writes `files` (path relative to the site root → text) into a new temporary folder.
    init(_ files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("cnmm-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (path, text) in files { try write(path, text) }
    }

    /// A site already on disk.
    init(existing root: URL) {
        self.root = root
    }

    func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    func write(_ path: String, _ data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func options(drafts: Bool = false, strict: Bool = false, output: String = "public", baseURL: String? = nil)
        -> BuildOptions
    {
        let hasTheme = FileManager.default.fileExists(atPath: root.appendingPathComponent("themes/default").path)
        return BuildOptions(
            sourceRoot: root, themePath: hasTheme ? "themes/default" : Self.defaultTheme.path, outputPath: output,
            baseURL: baseURL, includeDrafts: drafts, strict: strict)
    }

    @discardableResult
    func build(drafts: Bool = false, strict: Bool = false, output: String = "public") throws -> BuildSummary {
        try SiteBuilder(options: options(drafts: drafts, strict: strict, output: output)).build()
    }

    /// The build's failure, or a test failure when the build succeeded.
    func failure(drafts: Bool = false, strict: Bool = false) -> BuildFailure? {
        do {
            try build(drafts: drafts, strict: strict)
            Issue.record("the build was expected to fail")
            return nil
        } catch let failure as BuildFailure {
            return failure
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
    }

    /// Every file below a folder of the site with its bytes, for comparing whole outputs.
    func snapshot(_ folder: String = "public") throws -> [String: Data] {
        let base = root.appendingPathComponent(folder)
        var result: [String: Data] = [:]
        for relative in ContentLoader.files(under: base) {
            result[relative] = try Data(contentsOf: base.appendingPathComponent(relative))
        }
        // Hidden files count too (the manifest).
        for name in (try? FileManager.default.contentsOfDirectory(atPath: base.path)) ?? [] where name.hasPrefix(".") {
            result[name] = FileManager.default.contents(atPath: base.appendingPathComponent(name).path)
        }
        return result
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}

/// Parses front matter the way the loader does, for unit tests.
func parseFrontMatter(_ text: String, path: String = "content/en/page.md") throws -> FrontMatterParser.Result {
    let decoded = try SourceText.decode(Data(text.utf8), path: path)
    return try FrontMatterParser(path: path).parse(decoded)
}
