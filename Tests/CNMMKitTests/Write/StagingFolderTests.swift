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
}
