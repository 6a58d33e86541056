import Foundation
import Testing

@testable import CNMMKit

/// Issue #9, fault 3: inotify's limits reached. The kernel's limits stay as they are; `InotifyLimits`
/// makes the calls fail as the kernel would at lower ones.
@Suite("Preview server: inotify limits")
struct WatchLimitTests {
    static let reading = "content/en/guide/reading.md"

    /// A limit the test sets, and the kernel setting the note must name.
    struct Limit: Sendable, CustomTestStringConvertible {
        var limits: InotifyLimits
        var setting: String
        var testDescription: String
    }

    static let atStart = [
        Limit(limits: InotifyLimits(watches: 0), setting: "fs.inotify.max_user_watches", testDescription: "no watch"),
        Limit(
            limits: InotifyLimits(watches: 5), setting: "fs.inotify.max_user_watches",
            testDescription: "half the watches"),
        Limit(
            limits: InotifyLimits(noInstances: true), setting: "fs.inotify.max_user_instances",
            testDescription: "no instance"),
    ]

    /// The note must be one line that names the setting, says how to raise it, and offers --poll.
    static func expectClear(_ notes: [String], _ setting: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(notes.count == 1, "\(notes)", sourceLocation: sourceLocation)
        for note in notes {
            let line = PreviewEvent.note(note).text
            #expect(!line.contains("\n"), sourceLocation: sourceLocation)
            #expect(line.contains("the limit \(setting) is reached"), "\(line)", sourceLocation: sourceLocation)
            #expect(line.contains("polling every"), "\(line)", sourceLocation: sourceLocation)
            #expect(line.contains("(sudo sysctl \(setting)="), "\(line)", sourceLocation: sourceLocation)
            #expect(line.contains("--poll"), "\(line)", sourceLocation: sourceLocation)
            #expect(!line.contains("No space left on device"), "\(line)", sourceLocation: sourceLocation)
        }
    }

    @Test("a limit reached at the start is one clear line, and edits are seen by polling", arguments: atStart)
    func limitAtStart(limit: Limit) async throws {
        let site = try TestSite.goldenCopy()
        defer { site.remove() }
        try await RunningPreview.serve(site, hooks: PreviewHooks(inotifyLimits: limit.limits)) { server in
            Self.expectClear(server.reports.notes, limit.setting)
            let (events, _) = try await server.events()
            defer { events.close() }
            try site.write(Self.reading, "---\ntitle: Reading\n---\n## Seen by polling\n")
            let edited = try await server.reloads(events, until: "/golden/guide/reading/") {
                $0.text.contains("Seen by polling")
            }
            #expect(edited.build.changed == [Self.reading])
        }
    }

    @Test("the watch limit reached by a new folder: the same line, a rebuild with the folder, polling from then on")
    func limitReachedLater() async throws {
        let site = try TestSite.goldenCopy()
        defer { site.remove() }
        let targets = WatchTargets(options: site.options())
        let needed = try FileWatcher.inotify(watching: targets, limits: InotifyLimits()).watchCount
        let hooks = PreviewHooks(inotifyLimits: InotifyLimits(watches: needed))
        try await RunningPreview.serve(site, hooks: hooks) { server in
            #expect(server.reports.notes.isEmpty, "every folder there is at the start is watched")
            let (events, _) = try await server.events()
            defer { events.close() }
            // The folder arrives whole, with its page, as one move: the watch for it is one too many.
            try site.write("incoming/more/page.md", "---\ntitle: More\n---\n")
            let folder = site.root.appendingPathComponent("content/en/guide/more")
            try FileManager.default.moveItem(at: site.root.appendingPathComponent("incoming/more"), to: folder)
            _ = try await events.next("reload")
            Self.expectClear(server.reports.notes, "fs.inotify.max_user_watches")
            #expect(try await server.request("/golden/guide/more/page/").text.contains("<h1>More</h1>"))

            // The new folder has no watch: only polling can see this edit.
            try site.write("content/en/guide/more/page.md", "---\ntitle: More, Polled\n---\n")
            let edited = try await server.reloads(events, until: "/golden/guide/more/page/") {
                $0.text.contains("<h1>More, Polled</h1>")
            }
            #expect(edited.build.changed == ["content/en/guide/more/page.md"])
        }
    }
}
