import Foundation
import Testing

/// Runs the built `cnmm` binary (made by `swift build`, which `make test` runs first).
@Suite("Command line")
struct CommandLineTests {
    static var binary: URL {
        let environment = ProcessInfo.processInfo.environment["CNMM_BINARY"]
        return environment.map(URL.init(fileURLWithPath:))
            ?? TestSite.repositoryRoot.appendingPathComponent(".build/debug/cnmm")
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    func run(_ arguments: [String], in folder: URL) throws -> Run {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path), "build cnmm first: swift build")
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test("a good build prints a summary and exits 0")
    func success() throws {
        let site = try TestSite(["content/en/_index.md": "---\ntitle: Home\n---\nHi\n"])
        defer { site.remove() }
        try FileManager.default.createSymbolicLink(
            at: site.root.appendingPathComponent("themes"),
            withDestinationURL: TestSite.defaultTheme.deletingLastPathComponent())
        let result = try run(["build"], in: site.root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Built pages (en 2)"), "the home page and the generated search page")
        #expect(result.stdout.contains(", search index "))
        #expect(site.exists("public/index.html"))
    }

    @Test("content errors print path:line:col: error: and exit 1")
    func contentError() throws {
        let site = try TestSite([
            "content/en/_index.md": "---\ntitle: Home\nweight: heavy\n---\n",
            "content/en/b.md": "---\ntitle: B\n---\n\n{{< shout >}}\n",
        ])
        defer { site.remove() }
        let result = try run(["build", "--theme", TestSite.defaultTheme.path], in: site.root)
        #expect(result.status == 1)
        #expect(result.stderr.contains("content/en/_index.md:3:1: error: 'weight' must be a whole number"))
        #expect(result.stderr.contains("content/en/b.md:5: error: unknown shortcode 'shout'"))
        #expect(!site.exists("public/index.html"))
    }

    @Test("a usage error exits 2")
    func usageError() throws {
        let result = try run(["build", "--no-such-flag"], in: FileManager.default.temporaryDirectory)
        #expect(result.status == 2)
        #expect(result.stderr.contains("no-such-flag"))
    }
}

extension CommandLineTests {
    @Test("cnmm translations prints the table, --json the report, and --strict exits 1 on gaps")
    func translations() throws {
        let site = try TestSite(TranslationTests.site)
        defer { site.remove() }
        let theme = ["--theme", TestSite.defaultTheme.path]
        let table = try run(["translations"] + theme, in: site.root)
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("Deutsch (de):"))
        #expect(table.stdout.contains("content/en/guide.md"))
        let json = try run(["translations", "--json"] + theme, in: site.root)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["sourceLanguage"] as? String == "en")
        #expect(try run(["translations", "--strict"] + theme, in: site.root).status == 1)
    }
}
