import Foundation
import Testing

@testable import CNMMKit

/// Where a build that names no theme takes it from: the site's `themes/default`, else the theme installed beside the
/// binary (`make install`), else `themes/default`, reported missing.
@Suite("The default theme's folder")
struct DefaultThemeTests {
    /// A fresh folder with the given empty subfolders and a `bin/cnmm` file (not run here).
    static func folder(_ subfolders: [String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cnmm-theme-\(UUID().uuidString)")
        for subfolder in subfolders + ["bin"] {
            try FileManager.default.createDirectory(
                at: root.appendingPathComponent(subfolder), withIntermediateDirectories: true)
        }
        try Data().write(to: root.appendingPathComponent("bin/cnmm"))
        return root
    }

    @Test("a site's own themes/default comes first, even with a theme installed beside the binary")
    func ownThemeFirst() throws {
        let root = try Self.folder(["site/themes/default", "share/cnmm/themes/default"])
        defer { try? FileManager.default.removeItem(at: root) }
        let path = BuildOptions.defaultThemePath(
            sourceRoot: root.appendingPathComponent("site"), executable: root.appendingPathComponent("bin/cnmm"))
        #expect(path == "themes/default")
    }

    @Test("a site without themes/default gets <binary's folder>/../share/cnmm/themes/default")
    func installedTheme() throws {
        let root = try Self.folder(["site/content", "share/cnmm/themes/default"])
        defer { try? FileManager.default.removeItem(at: root) }
        let path = BuildOptions.defaultThemePath(
            sourceRoot: root.appendingPathComponent("site"), executable: root.appendingPathComponent("bin/cnmm"))
        #expect(path == root.appendingPathComponent("share/cnmm/themes/default").standardizedFileURL.path)
    }

    @Test("the binary is found through a symbolic link to it (a link in /usr/local/bin to PREFIX/bin/cnmm)")
    func linkedBinary() throws {
        let root = try Self.folder(["site", "prefix/share/cnmm/themes/default", "prefix/bin", "elsewhere"])
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.moveItem(
            at: root.appendingPathComponent("bin/cnmm"), to: root.appendingPathComponent("prefix/bin/cnmm"))
        let link = root.appendingPathComponent("elsewhere/cnmm")
        try FileManager.default.createSymbolicLink(
            at: link, withDestinationURL: root.appendingPathComponent("prefix/bin/cnmm"))
        let path = BuildOptions.defaultThemePath(sourceRoot: root.appendingPathComponent("site"), executable: link)
        #expect(path.hasSuffix("/prefix/share/cnmm/themes/default"))
    }

    @Test("with neither, the path stays themes/default (which the build then reports missing)")
    func neither() throws {
        let root = try Self.folder(["site/content"])
        defer { try? FileManager.default.removeItem(at: root) }
        let site = root.appendingPathComponent("site")
        #expect(
            BuildOptions.defaultThemePath(sourceRoot: site, executable: root.appendingPathComponent("bin/cnmm"))
                == "themes/default")
        #expect(BuildOptions.defaultThemePath(sourceRoot: site, executable: nil) == "themes/default")
    }

    @Test("an installed cnmm builds a site folder that has only content/, with the theme installed beside it")
    func installedBinaryBuilds() throws {
        let built = TestSite.repositoryRoot.appendingPathComponent(".build/debug/cnmm")
        try #require(FileManager.default.isExecutableFile(atPath: built.path), "build cnmm first: swift build")
        let prefix = try Self.folder(["share/cnmm/themes"])
        defer { try? FileManager.default.removeItem(at: prefix) }
        // The binary is copied (a link would resolve back to .build/debug); the theme may be a link.
        let binary = prefix.appendingPathComponent("bin/cnmm")
        try FileManager.default.removeItem(at: binary)
        try FileManager.default.copyItem(at: built, to: binary)
        try FileManager.default.createSymbolicLink(
            at: prefix.appendingPathComponent("share/cnmm/themes/default"), withDestinationURL: TestSite.defaultTheme)
        let site = try TestSite(["content/en/_index.md": "---\ntitle: Home\n---\nHi\n"])
        defer { site.remove() }

        let process = Process()
        process.executableURL = binary
        process.arguments = ["build"]
        process.currentDirectoryURL = site.root
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(stderr)")
        #expect(try site.read("public/index.html").contains("css/style.css"))
        #expect(site.exists("public/css/style.css"), "the installed theme's static files")
    }
}
