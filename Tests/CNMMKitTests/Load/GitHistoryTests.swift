import Foundation
import Testing

@testable import CNMMKit

/// The history read in the process (libgit2) against what the `git` program says of the same repositories.
@Suite("Git history")
struct GitHistoryTests {
    static let commit = "git -c user.name=T -c user.email=t@example.org commit -q"

    /// Commits with the committer's date and time zone set, as `git commit` gets them.
    static func commit(_ message: String, at date: String, in folder: URL, all: Bool = true) throws {
        try shell(
            "git add -A && \(commit) -m '\(message)'", in: folder,
            environment: ["GIT_COMMITTER_DATE": date, "GIT_AUTHOR_DATE": date])
    }

    /// What `git log` says, parsed as cnmm did before it read the history itself: path → (hash, short hash, date,
    /// time, subject) of the newest commit that changed it, for the files under `folder` of the site at `site`.
    static func gitLog(_ site: URL, folder: String) throws -> [String: Commit] {
        let output = try capture(
            "git log --format=%x1e%H%x1f%h%x1f%cs%x1f%ct%x1f%s --name-only --no-renames --relative -z -- \(folder)",
            in: site)
        var result: [String: Commit] = [:]
        for record in output.split(separator: "\u{1e}") {
            guard let newline = record.firstIndex(of: "\n") else { continue }
            let fields = record[..<newline].split(separator: "\u{1f}", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: CharacterSet(charactersIn: "\0\n"))
            }
            let commit = Commit(
                hash: fields[0], shortHash: fields[1], date: fields[2], subject: fields[4],
                timestamp: Int(fields[3]) ?? 0)
            for name in record[record.index(after: newline)...].split(separator: "\0") {
                let name = name.trimmingCharacters(in: .newlines)
                if !name.isEmpty, result[name] == nil { result[name] = commit }
            }
        }
        return result
    }

    @Test("each file's last commit is the one git log names: dates in the committer's zone, renames, deletions, merges")
    func lastCommitsAsGitLogSays() throws {
        let repository = try TestSite([
            "README.md": "repo\n", "website/content/en/_index.md": "---\ntitle: Home\n---\n",
        ])
        defer { repository.remove() }
        let site = repository.root.appendingPathComponent("website")
        try shell("git init -q -b main", in: repository.root)
        try Self.commit("First", at: "2024-01-01T10:00:00+00:00", in: repository.root)
        try repository.write("website/content/en/a.md", "---\ntitle: A\n---\nA\n")
        try repository.write("website/content/en/über uns.md", "---\ntitle: Ü\n---\n")
        // Late in the evening in New York: already the next day in UTC; %cs keeps the committer's day.
        try Self.commit("Add a\n\nwith a body\nof two lines", at: "2024-02-01T23:30:00-05:00", in: repository.root)
        try shell("git mv website/content/en/a.md website/content/en/b.md", in: repository.root)
        try Self.commit("Rename a to b", at: "2024-03-01T00:30:00+02:00", in: repository.root)
        try shell("git checkout -q -b side", in: repository.root)
        try repository.write("website/content/en/side.md", "---\ntitle: Side\n---\n")
        try Self.commit("On a side branch", at: "2024-03-02T12:00:00+00:00", in: repository.root)
        try shell("git checkout -q main", in: repository.root)
        try repository.write("README.md", "repo, changed\n")
        try Self.commit("Outside the site", at: "2024-03-03T12:00:00+00:00", in: repository.root)
        try shell(
            "git merge -q --no-ff side -m 'Merge side'", in: repository.root,
            environment: ["GIT_COMMITTER_DATE": "2024-03-04T12:00:00+00:00", "GIT_AUTHOR_DATE": "2024-03-04T12:00:00Z"]
                .merging(["GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.org"]) { a, _ in a })
        try shell("git rm -q website/content/en/side.md", in: repository.root)
        try Self.commit("Remove side", at: "2024-03-05T12:00:00+00:00", in: repository.root)

        let history = GitHistory(sourceRoot: site)
        let found = history.lastCommits(under: "content")
        let expected = try Self.gitLog(site, folder: "content").filter {
            FileManager.default.fileExists(atPath: site.appendingPathComponent($0.key).path)
        }
        #expect(history.notes.isEmpty)
        #expect(expected.count == 3)
        for (path, commit) in expected {
            #expect(found[path] == commit, "\(path)")
        }
        #expect(found["content/en/b.md"]?.subject == "Rename a to b")
        #expect(found["content/en/b.md"]?.date == "2024-03-01")
        #expect(found["content/en/über uns.md"]?.date == "2024-02-01")
        #expect(found["content/en/über uns.md"]?.subject == "Add a")
    }

    @Test("a translation's source changed after it: the lines changed since, as git diff -U0 counts them")
    func changedLinesAsGitDiffSays() throws {
        let lines = (1...30).map { "line \($0)" }
        let site = try TestSite(["content/en/level-1/index.md": lines.joined(separator: "\n") + "\n"])
        defer { site.remove() }
        try shell("git init -q", in: site.root)
        try Self.commit("First", at: "2024-01-01T00:00:00Z", in: site.root)
        let first = try capture("git rev-parse HEAD", in: site.root).trimmingCharacters(in: .whitespacesAndNewlines)
        var edited = lines
        edited[4] = "line 5, changed"
        edited.remove(at: 10)
        edited.insert(contentsOf: ["new a", "new b"], at: 20)
        try site.write("content/en/level-1/index.md", edited.joined(separator: "\n") + "\n")
        try Self.commit("Revise", at: "2024-02-01T00:00:00Z", in: site.root)
        // And an edit not committed yet: git diff compares with the file as it is.
        edited[0] = "line 1, in the work tree"
        try site.write("content/en/level-1/index.md", edited.joined(separator: "\n") + "\n")
        let diff = try capture("git diff -U0 --no-color \(first) -- content/en/level-1/index.md", in: site.root)
        var expected: [Int] = []
        for line in diff.split(separator: "\n") where line.hasPrefix("@@ ") {
            let plus = line.split(separator: " ").first { $0.hasPrefix("+") }!
            let numbers = plus.dropFirst().split(separator: ",").compactMap { Int($0) }
            let count = numbers.count > 1 ? numbers[1] : 1
            expected += count == 0 ? [max(numbers[0], 1)] : Array(numbers[0]..<(numbers[0] + count))
        }
        let found = GitHistory(sourceRoot: site.root).changedLines(of: "content/en/level-1/index.md", since: first)
        #expect(found == expected)
        #expect(found?.contains(1) == true && found?.contains(5) == true && found?.contains(21) == true)
        #expect(GitHistory(sourceRoot: site.root).changedLines(of: "content/en/level-1/index.md", since: "nope") == nil)
    }

    @Test("a shallow clone gives no dates and says so once, as a note: the build succeeds, --strict too")
    func shallowClone() throws {
        let origin = try TestSite(["content/en/_index.md": "---\ntitle: Home\n---\nHome\n"])
        defer { origin.remove() }
        try shell("git init -q", in: origin.root)
        try Self.commit("First", at: "2024-01-01T00:00:00Z", in: origin.root)
        try origin.write("content/en/_index.md", "---\ntitle: Home\n---\nHome, again\n")
        try Self.commit("Second", at: "2024-02-01T00:00:00Z", in: origin.root)
        let clone = try TestSite([:])
        defer { clone.remove() }
        try shell("git clone -q --depth 1 file://\(origin.root.path) site", in: clone.root)
        let site = TestSite(existing: clone.root.appendingPathComponent("site"))
        let summary = try site.build(strict: true)
        #expect(summary.notes.count == 1)
        #expect(summary.notes.first?.message.contains("shallow clone") == true)
        #expect(summary.warnings.isEmpty)
        #expect(!(try site.read("public/index.html")).contains("last-modified"))
    }

    @Test("no repository: no dates and nothing to say; a broken one: no dates and a note naming the problem")
    func noRepositoryAndBrokenOne() throws {
        let plain = try TestSite(["content/en/_index.md": "---\ntitle: Home\n---\n"])
        defer { plain.remove() }
        let none = GitHistory(sourceRoot: plain.root)
        #expect(none.lastCommits(under: "content").isEmpty)
        #expect(none.notes.isEmpty)

        let broken = try TestSite(["content/en/_index.md": "---\ntitle: Home\n---\n"])
        defer { broken.remove() }
        try shell("git init -q", in: broken.root)
        try Self.commit("First", at: "2024-01-01T00:00:00Z", in: broken.root)
        // The commit's tree goes missing, as in a damaged copy of a repository.
        let tree = try capture("git rev-parse HEAD^{tree}", in: broken.root).trimmingCharacters(
            in: .whitespacesAndNewlines)
        let object = broken.root.appendingPathComponent(".git/objects/\(tree.prefix(2))/\(tree.dropFirst(2))")
        try FileManager.default.removeItem(at: object)
        let summary = try broken.build(strict: true)
        #expect(summary.notes.count == 1)
        #expect(summary.notes.first?.message.contains("cannot read the git history") == true)
    }
}

/// Runs a shell command in a folder and returns what it printed; fails the test when it fails.
func capture(_ command: String, in folder: URL) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    process.currentDirectoryURL = folder
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "\(command) failed"])
    }
    return String(decoding: data, as: UTF8.self)
}
