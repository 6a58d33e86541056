import Foundation

/// What git knows of the site's files, read in the process with libgit2 (`GitRepository`): one walk over the history
/// per build gives every content file's last commit; a translation's source gives the lines changed since a commit.
///
/// Empty when the site is not in a git work tree: "last modified" is then left out, never invented. A shallow clone
/// or a history libgit2 cannot read gives the same, with one note saying why (the history is decoration: the build
/// goes on). The preview keeps the answers (`BuildReuse.gitAnswer`) until the repository's HEAD, index or reflog
/// changes, and a file's diff until that file changes.
final class GitHistory: Sendable {
    let sourceRoot: URL
    /// The preview's memory of git's answers, when building for the preview server.
    let reuse: BuildReuse?
    private let repository: GitRepository?
    /// The source folder's path in the work tree, ending in `/` (empty at its top).
    private let prefix: String
    /// Why there is no history, when there is a repository but it cannot be read (found when opening it).
    let note: Diagnostic?
    /// Why the walk over the history failed, if it did (a corrupt or missing object).
    private let walkFailure = Locked<Diagnostic?>(nil)

    /// Every note on the history: why there is none, when a repository is there.
    var notes: [Diagnostic] { [note, walkFailure.value].compactMap { $0 } }

    init(sourceRoot: URL, reuse: BuildReuse? = nil) {
        self.sourceRoot = sourceRoot
        self.reuse = reuse
        let root = sourceRoot.resolvingSymlinksInPath().standardizedFileURL.path
        var repository: GitRepository?
        var note: Diagnostic?
        do {
            repository = try GitRepository.discover(from: root)
        } catch {
            note = .note("content", "cannot read the git repository (\(error)); pages get no last-modified dates")
        }
        var prefix = ""
        if let found = repository {
            let top = URL(fileURLWithPath: found.workdir).resolvingSymlinksInPath().standardizedFileURL.path
            if root == top {
                prefix = ""
            } else if root.hasPrefix(top + "/") {
                prefix = String(root.dropFirst(top.count + 1)) + "/"
            } else {
                repository = nil
            }
        }
        if let found = repository, found.isShallow {
            note = .note(
                "content",
                "the repository is a shallow clone: pages get no last-modified dates and translations no outdated "
                    + "notes (git fetch --unshallow brings the whole history)")
            repository = nil
        }
        self.repository = repository
        self.prefix = prefix
        self.note = note
    }

    /// The last commit of each file under `folder` (relative to the source root) → that commit, by path relative to
    /// the source root: the newest commit that changed it, as `git log -- folder` lists them.
    func lastCommits(under folder: String) -> [String: Commit] {
        guard let repository else { return [:] }
        let prefix = self.prefix
        let compute = { () -> [String: Commit] in
            let inTree = folder.isEmpty ? prefix : prefix + folder
            let under = inTree.hasSuffix("/") ? String(inTree.dropLast()) : inTree
            var result: [String: Commit] = [:]
            do {
                // The walk stops once every file of HEAD's tree there has its commit.
                var waiting = try repository.files(under: under)
                try repository.walk(under: under) { info, paths in
                    let commit = Commit(
                        hash: info.hash, shortHash: info.shortHash, date: info.date, subject: info.subject,
                        timestamp: info.timestamp)
                    for path in paths where path.hasPrefix(prefix) {
                        let relative = String(path.dropFirst(prefix.count))
                        if result[relative] == nil {
                            result[relative] = commit
                            waiting.remove(path)
                        }
                    }
                    return !waiting.isEmpty
                }
            } catch {
                self.walkFailure.value = .note(
                    "content", "cannot read the git history (\(error)); pages get no last-modified dates")
                return [:]
            }
            return result
        }
        guard let reuse else { return compute() }
        return reuse.gitAnswer(["log", folder], make: compute)
    }

    /// The line numbers of a file (relative to the source root) as it is now that its changes since `commit` touch
    /// (`git diff -U0 COMMIT -- path`). A deletion counts as touching the line where it happened. Nil when git
    /// cannot tell.
    func changedLines(of path: String, since commit: String) -> [Int]? {
        guard let repository else { return nil }
        let compute = { () -> [Int]? in try? repository.changedLines(of: self.prefix + path, since: commit) }
        guard let reuse else { return compute() }
        return reuse.gitAnswer(["diff", commit, "--", path], make: compute)
    }
}

/// A value behind a lock, for a result one thread sets and another reads.
final class Locked<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) { stored = value }

    var value: Value {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
