import Foundation
import Testing

@testable import CNMMKit

/// A folder with no site is a usage error, and nothing is written into it.
extension CommandLineTests {
    static func isEmpty(_ folder: URL) -> Bool {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? ["?"]).isEmpty
    }

    @Test("build, serve and translations in a folder with no site exit 2 with one message and write nothing")
    func noSite() throws {
        let site = try TestSite([:])
        defer { site.remove() }
        let message =
            "error: no site in \(site.root.standardizedFileURL.path) "
            + "(no site.yml, config.toml or content/); use --source\n"
        for command in [["build"], ["serve", "--port", "0"], ["translations"]] {
            // Should the check ever be missed, `serve` would run on: it is stopped after a while.
            let result = try run(command, in: site.root, stopAfter: .seconds(20))
            #expect(result.status == 2, "\(command): \(result.stderr)")
            #expect(result.stderr == message, "\(command)")
            #expect(Self.isEmpty(site.root), "\(command) wrote into the folder")
        }
    }

    @Test("the library refuses a folder with no site before writing anything; a config or content/ makes a site")
    func noSiteInLibrary() throws {
        let site = try TestSite([:])
        defer { site.remove() }
        #expect(throws: NoSiteError.self) { try site.build() }
        #expect(throws: NoSiteError.self) { try SiteBuilder(options: site.options()).render() }
        #expect(Self.isEmpty(site.root))
        for file in ["site.yml", "hugo.toml", "config.toml", "hugo.yaml", "config.yaml", "content/.keep"] {
            let one = try TestSite([file: ""])
            defer { one.remove() }
            #expect(throws: Never.self, "\(file)") { try one.options().requireSite() }
        }
        var named = site.options()
        named.configPath = "elsewhere.yml"
        #expect(throws: Never.self, "a named config file is checked when it is read") { try named.requireSite() }
    }

    /// `run`, but the process is ended when it has not exited after `stopAfter`.
    func run(_ arguments: [String], in folder: URL, stopAfter limit: Duration) throws -> Run {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let deadline = DispatchWorkItem { [process] in if process.isRunning { process.terminate() } }
        let seconds = Double(limit.components.seconds)
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: deadline)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        deadline.cancel()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }
}
