import Foundation
import Testing

@testable import CNMMKit

@Suite("Staging folders")
struct StagingFolderTests {
    /// The process id of a process that has ended.
    static func endedProcess() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test("a build removes the staging folders of killed builds beside its output, and nothing else")
    func abandoned() throws {
        let site = try TestSite([
            ".public.staging-0000dead/.cnmm-staging": "\(try Self.endedProcess())\n",
            ".public.staging-0000dead/a/index.html": "old",
            ".public.staging-0001dead.removing/.cnmm-staging": "\(try Self.endedProcess())\n",
            ".public.staging-0000live/.cnmm-staging": "\(getpid())\n",
            ".public.staging-nomarker/a.html": "someone's",
            ".public.staging-0000dead-longer/.cnmm-staging": "\(try Self.endedProcess())\n",
            ".other.staging-0000dead/.cnmm-staging": "\(try Self.endedProcess())\n",
        ])
        defer { site.remove() }
        let folder = try StagingFolder(beside: site.root.appendingPathComponent("public"))
        defer { folder.remove() }
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: site.root.path))
        #expect(!names.contains(".public.staging-0000dead"))
        #expect(!names.contains(".public.staging-0001dead.removing"))
        for kept in [
            ".public.staging-0000live", ".public.staging-nomarker", ".public.staging-0000dead-longer",
            ".other.staging-0000dead",
        ] {
            #expect(names.contains(kept), "\(kept)")
        }
        #expect(names.contains(folder.url.lastPathComponent))
    }

    @Test("the staging folders of builds under way are removed on request (a signal), and only those")
    func active() throws {
        let site = try TestSite(["content/en/_index.md": "---\ntitle: Home\n---\n"])
        defer { site.remove() }
        let first = try StagingFolder(beside: site.root.appendingPathComponent("public"))
        let second = try StagingFolder(beside: site.root.appendingPathComponent("other"))
        try first.write(Data("x".utf8), to: "a/index.html")
        second.remove()
        StagingFolder.removeActive { $0.path.hasPrefix(site.root.path + "/") }
        let names = try FileManager.default.contentsOfDirectory(atPath: site.root.path)
        #expect(!names.contains { $0.contains(".staging-") })
        #expect(names.contains("content"))
    }

    /// Every file and folder below `folder` (folders end in `/`), with the files' bytes.
    static func tree(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let relative = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            let path = folder.appendingPathComponent(relative).path
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
            result[isFolder.boolValue ? relative + "/" : relative] =
                isFolder.boolValue ? Data() : try Data(contentsOf: URL(fileURLWithPath: path))
        }
        return result
    }

    @Test("each build over the last one's output (through the spare) writes what a build into a new folder writes")
    func spare() throws {
        let site = try TestSite([
            "content/en/_index.md": "---\ntitle: Home\n---\nHello\n",
            "content/en/a.md": "---\ntitle: A\n---\nA page\n",
            "content/en/b.md": "---\ntitle: B\n---\nB page\n",
            "static/x.txt": "one\n", "static/d/y.txt": "why\n", "static/a/extra.txt": "beside page a\n",
        ])
        defer { site.remove() }
        let steps: [() throws -> Void] = [
            {},
            {
                try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/en/b.md"))
                try site.write("content/en/c.md", "---\ntitle: C\n---\nC page, longer than the one before\n")
                try site.write("static/x.txt", "two, longer\n")
            },
            {
                // A file of the output and of the spare becomes a folder, a folder goes, a page comes back.
                try FileManager.default.removeItem(at: site.root.appendingPathComponent("static/x.txt"))
                try site.write("static/x.txt/z.txt", "zed\n")
                try FileManager.default.removeItem(at: site.root.appendingPathComponent("static/d"))
                try site.write("content/en/b.md", "---\ntitle: B\n---\nB\n")
            },
            {
                // With the output deleted by hand: everything moves from the spare, stale files left behind.
                try FileManager.default.removeItem(at: site.root.appendingPathComponent("public"))
                try FileManager.default.removeItem(at: site.root.appendingPathComponent("static/x.txt"))
                try site.write("static/x.txt", "three\n")
                try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/en/c.md"))
                // The spare's a/ still holds it: it must not travel into the output with this build's a/.
                try FileManager.default.removeItem(at: site.root.appendingPathComponent("static/a/extra.txt"))
            },
            {},
        ]
        for (number, step) in steps.enumerated() {
            try step()
            try site.build()
            try site.build(output: "fresh-\(number)")
            let built = try Self.tree(site.root.appendingPathComponent("public"))
            let fresh = try Self.tree(site.root.appendingPathComponent("fresh-\(number)"))
            #expect(built == fresh, "step \(number): \(Set(built.keys).symmetricDifference(fresh.keys).sorted())")
            // After a build over an output, the spare holds that output's files.
            if [1, 2].contains(number) { #expect(site.exists(".public.cnmm-spare/a/index.html"), "step \(number)") }
            #expect(site.exists(".public.cnmm-spare/.gitignore"), "step \(number)")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: site.root.path)
        #expect(!names.contains { $0.contains(".staging-") })
    }

    @Test("a page of an earlier output that someone hard-linked elsewhere is never written over through the spare")
    func hardLinks() throws {
        let site = try TestSite(["content/en/_index.md": "---\ntitle: Home\n---\nOne\n"])
        defer { site.remove() }
        try site.build()
        try site.build()  // the spare now holds the first build's files
        let page = site.root.appendingPathComponent("public/index.html")
        let backup = site.root.appendingPathComponent("backup.html")
        try FileManager.default.linkItem(at: page, to: backup)
        let kept = try Data(contentsOf: backup)
        for text in ["Two", "Three", "Four"] {
            try site.write("content/en/_index.md", "---\ntitle: Home\n---\n\(text)\n")
            try site.build()
            #expect(try site.read("public/index.html").contains(text))
        }
        #expect(try Data(contentsOf: backup) == kept)
    }
}
