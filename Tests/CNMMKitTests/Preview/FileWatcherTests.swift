import Foundation
import Testing

@testable import CNMMKit

/// The watcher alone, on a temporary folder: what counts as a change, and what does not.
@Suite("File watcher")
struct FileWatcherTests {
    /// Runs a watcher on `site` and hands its batches to `body` through a stream.
    static func watching(
        _ site: TestSite, mode: FileWatcher.Mode, _ body: @Sendable (Batches) async throws -> Void
    ) async throws {
        let (stream, continuation) = AsyncStream.makeStream(of: FileWatcher.Batch.self)
        let watcher = FileWatcher(
            targets: WatchTargets(options: site.options()), mode: mode,
            timing: FileWatcher.Timing(
                quietPeriod: .milliseconds(20), maximumDelay: .seconds(5), pollInterval: .milliseconds(50)),
            note: { Issue.record("unexpected note: \($0)") }, onChange: { continuation.yield($0) })
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await watcher.run() }
            await watcher.ready.wait()
            do {
                try await body(Batches(iterator: stream.makeAsyncIterator()))
            } catch {
                tasks.cancelAll()
                throw error
            }
            tasks.cancelAll()
        }
    }

    /// The batches as they come.
    final class Batches: @unchecked Sendable {
        var iterator: AsyncStream<FileWatcher.Batch>.AsyncIterator

        init(iterator: AsyncStream<FileWatcher.Batch>.AsyncIterator) {
            self.iterator = iterator
        }

        /// Collects batches until one contains `path`; returns every path seen on the way.
        func until(_ path: String) async throws -> Set<String> {
            try await withTimeout(30, "a change of \(path)") { [self] in
                var seen = Set<String>()
                while let batch = await iterator.next() {
                    seen.formUnion(batch.paths)
                    if batch.paths.contains(path) { return seen }
                }
                throw TimedOut(what: path)
            }
        }
    }

    static func site() throws -> TestSite {
        try TestSite([
            "site.yml": "title: Watched\n", "content/en/_index.md": "---\ntitle: Home\n---\n",
            "content/en/a/page.md": "x", "static/style.css": "a{}", "themes/default/layouts/page.mustache": "x",
            "README.md": "not watched",
        ])
    }

    @Test(
        "changes in content, static, the theme and site.yml are seen; litter is not",
        arguments: [
            FileWatcher.Mode.inotify, .poll,
        ])
    func relevant(mode: FileWatcher.Mode) async throws {
        let site = try Self.site()
        defer { site.remove() }
        try await Self.watching(site, mode: mode) { batches in
            for path in [
                "content/en/a/page.md", "static/style.css", "themes/default/layouts/page.mustache", "site.yml",
            ] {
                for litter in [
                    "content/en/a/page.md.swp", "content/en/a/page.md~", "content/en/a/4913",
                    "content/en/.hidden/x.md", "static/.DS_Store", "README.md", "public/index.html",
                ] {
                    try site.write(litter, "litter")
                }
                try site.write(path, "changed \(path)")
                let seen = try await batches.until(site.root.appendingPathComponent(path).path)
                #expect(seen == [site.root.appendingPathComponent(path).path], "\(seen)")
            }
        }
    }

    @Test("a new folder is watched, and files written into it right away are seen")
    func newFolder() async throws {
        let site = try Self.site()
        defer { site.remove() }
        try await Self.watching(site, mode: .inotify) { batches in
            try site.write("content/en/new/deeper/page.md", "---\ntitle: New\n---\n")
            _ = try await batches.until(site.root.appendingPathComponent("content/en/new").path)
            try site.write("content/en/new/deeper/page.md", "---\ntitle: Changed\n---\n")
            _ = try await batches.until(site.root.appendingPathComponent("content/en/new/deeper/page.md").path)
        }
    }

    @Test("a rename over a file counts as a change of that file")
    func renameOver() async throws {
        let site = try Self.site()
        defer { site.remove() }
        try await Self.watching(site, mode: .inotify) { batches in
            let target = site.root.appendingPathComponent("content/en/_index.md")
            let temporary = site.root.appendingPathComponent("content/en/.#_index.md.tmp")
            try Data("---\ntitle: Renamed\n---\n".utf8).write(to: temporary)
            #expect(rename(temporary.path, target.path) == 0)
            let seen = try await batches.until(target.path)
            #expect(seen == [target.path])
        }
    }
}
