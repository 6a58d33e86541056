internal import CLibgit2
import Foundation

/// The project's only door to libgit2: a repository's history and diffs, read in the process (no `git` program).
///
/// Ownership: the repository handle is freed in `deinit`; every object, tree, diff, patch and buffer libgit2
/// returns is freed with `defer` right after it is made; strings libgit2 owns (paths, messages) are copied into
/// Swift at once and never freed here. libgit2 objects are not to be used from two threads at once: every call
/// takes the repository's lock. libgit2 is initialised once per process (`git_libgit2_init`) and never shut down.
///
/// C quirks written down: a `git_oid` is 20 bytes, formatted with `git_oid_tostr` into a buffer of 41 (NUL
/// included); `git_commit_summary` is owned by the commit and lives as long as it; `git_diff_tree_to_tree` takes a
/// NULL old tree for a root commit; a diff's pathspec with `GIT_DIFF_DISABLE_PATHSPEC_MATCH` is a literal path or
/// folder, not a glob.
final class GitRepository: @unchecked Sendable {
    private let repository: OpaquePointer
    private let lock = NSLock()
    /// The work tree's folder, ending in `/`.
    let workdir: String
    /// Whether the clone is shallow (its history cut off).
    let isShallow: Bool

    private static let initialised: Void = { _ = git_libgit2_init() }()

    /// The repository whose work tree holds `path`, searching upwards; nil when there is none (or it is bare).
    static func discover(from path: String) throws(GitRepository.Failure) -> GitRepository? {
        _ = initialised
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        let found = git_repository_discover(&buffer, path, 0, nil)
        if found == GIT_ENOTFOUND.rawValue { return nil }
        guard found == 0, let folder = buffer.ptr else { throw Failure.last("finding the repository") }
        var handle: OpaquePointer?
        guard git_repository_open(&handle, folder) == 0, let handle else {
            throw Failure.last("opening the repository")
        }
        guard let workdir = git_repository_workdir(handle) else {
            git_repository_free(handle)
            return nil
        }
        return GitRepository(handle: handle, workdir: String(cString: workdir))
    }

    private init(handle: OpaquePointer, workdir: String) {
        repository = handle
        self.workdir = workdir.hasSuffix("/") ? workdir : workdir + "/"
        isShallow = git_repository_is_shallow(handle) == 1
    }

    deinit { git_repository_free(repository) }

    /// A commit as `git log` shows it: `%H`, `%h`, `%cs`, `%ct`, `%s`.
    struct CommitInfo: Sendable, Hashable {
        var hash: String
        var shortHash: String
        /// The committer's date in the committer's time zone, `YYYY-MM-DD`.
        var date: String
        /// The committer's time, seconds since 1970.
        var timestamp: Int
        /// The message's first paragraph on one line.
        var subject: String
    }

    /// An error libgit2 reported, with its message.
    struct Failure: Error, CustomStringConvertible {
        var description: String

        static func last(_ doing: String) -> Failure {
            let message = git_error_last().flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "unknown error"
            return Failure(description: "git: \(doing): \(message)")
        }
    }

    /// The history from HEAD, newest first (by commit time, as `git log`): each commit with the paths (relative to the
    /// work tree) it changed against its first parent under `folder` (a path relative to the work tree, `""` for all).
    /// Merge commits are passed over, as `git log` shows no files for them. `visit` returns false to stop. Nothing
    /// happens in a repository without commits.
    func walk(under folder: String, visit: (CommitInfo, [String]) -> Bool) throws(Failure) {
        lock.lock()
        defer { lock.unlock() }
        var walker: OpaquePointer?
        guard git_revwalk_new(&walker, repository) == 0, let walker else { throw Failure.last("reading the history") }
        defer { git_revwalk_free(walker) }
        git_revwalk_sorting(walker, GIT_SORT_TIME.rawValue)
        let pushed = git_revwalk_push_head(walker)
        if pushed == GIT_ENOTFOUND.rawValue || pushed == GIT_EUNBORNBRANCH.rawValue { return }
        guard pushed == 0 else { throw Failure.last("reading HEAD") }
        var options = git_diff_options()
        git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION))
        options.flags = GIT_DIFF_DISABLE_PATHSPEC_MATCH.rawValue
        try withPathspec(folder, in: &options) { (options: inout git_diff_options) throws(Failure) in
            var oid = git_oid()
            while git_revwalk_next(&oid, walker) == 0 {
                var commit: OpaquePointer?
                guard git_commit_lookup(&commit, repository, &oid) == 0, let commit else {
                    throw Failure.last("reading commit \(Self.hex(oid))")
                }
                defer { git_commit_free(commit) }
                let parents = git_commit_parentcount(commit)
                if parents > 1 { continue }
                let paths = try changedPaths(commit, hasParent: parents == 1, options: &options)
                guard !paths.isEmpty else { continue }
                if !visit(try info(commit, oid: oid), paths) { return }
            }
        }
    }

    /// The paths under `folder` of the tree at HEAD (relative to the work tree): what a walk may stop after.
    func files(under folder: String) throws(Failure) -> Set<String> {
        lock.lock()
        defer { lock.unlock() }
        var head: OpaquePointer?
        let found = git_revparse_single(&head, repository, "HEAD^{tree}")
        if found == GIT_ENOTFOUND.rawValue || found == GIT_EUNBORNBRANCH.rawValue { return [] }
        guard found == 0, let head else { throw Failure.last("reading HEAD's tree") }
        defer { git_object_free(head) }
        var tree = head
        var subtree: OpaquePointer?
        if !folder.isEmpty {
            var entry: OpaquePointer?
            guard git_tree_entry_bypath(&entry, head, folder) == 0, let entry else { return [] }
            defer { git_tree_entry_free(entry) }
            guard git_tree_entry_to_object(&subtree, repository, entry) == 0, let subtree,
                git_object_type(subtree) == GIT_OBJECT_TREE
            else { return [] }
            tree = subtree
        }
        defer { if let subtree { git_object_free(subtree) } }
        final class Box { var paths: Set<String> = [] }
        let box = Box()
        let prefix = folder.isEmpty ? "" : folder + "/"
        let walked = git_tree_walk(
            tree, GIT_TREEWALK_PRE,
            { root, entry, payload in
                guard let entry, let payload, git_tree_entry_type(entry) == GIT_OBJECT_BLOB,
                    let name = git_tree_entry_name(entry)
                else { return 0 }
                let box = Unmanaged<Box>.fromOpaque(payload).takeUnretainedValue()
                box.paths.insert((root.map { String(cString: $0) } ?? "") + String(cString: name))
                return 0
            }, Unmanaged.passUnretained(box).toOpaque())
        guard walked == 0 else { throw Failure.last("listing HEAD's tree") }
        return Set(box.paths.map { prefix + $0 })
    }

    /// The line numbers of the file at `path` (relative to the work tree) as it is now that its changes since
    /// `revision` touch (`git diff -U0 REVISION -- path`); a deletion counts as touching the line where it happened.
    func changedLines(of path: String, since revision: String) throws(Failure) -> [Int] {
        lock.lock()
        defer { lock.unlock() }
        var object: OpaquePointer?
        guard git_revparse_single(&object, repository, revision + "^{tree}") == 0, let object else {
            throw Failure.last("reading \(revision)")
        }
        defer { git_object_free(object) }
        var options = git_diff_options()
        git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION))
        options.flags = GIT_DIFF_DISABLE_PATHSPEC_MATCH.rawValue
        options.context_lines = 0
        return try withPathspec(path, in: &options) { (options: inout git_diff_options) throws(Failure) -> [Int] in
            var diff: OpaquePointer?
            guard git_diff_tree_to_workdir(&diff, repository, object, &options) == 0, let diff else {
                throw Failure.last("comparing \(path) with \(revision)")
            }
            defer { git_diff_free(diff) }
            var lines: [Int] = []
            for index in 0..<git_diff_num_deltas(diff) {
                var patch: OpaquePointer?
                guard git_patch_from_diff(&patch, diff, index) == 0, let patch else { continue }
                defer { git_patch_free(patch) }
                for hunkIndex in 0..<git_patch_num_hunks(patch) {
                    var hunk: UnsafePointer<git_diff_hunk>?
                    guard git_patch_get_hunk(&hunk, nil, patch, hunkIndex) == 0, let hunk else { continue }
                    let start = Int(hunk.pointee.new_start)
                    let count = Int(hunk.pointee.new_lines)
                    lines += count == 0 ? [max(start, 1)] : Array(start..<(start + count))
                }
            }
            return lines
        }
    }

    // MARK: Helpers (called with the lock held)

    /// The paths a commit changed against its first parent (or, for a root commit, all its files), per `options`.
    private func changedPaths(_ commit: OpaquePointer, hasParent: Bool, options: inout git_diff_options) throws(Failure)
        -> [String]
    {
        var tree: OpaquePointer?
        guard git_commit_tree(&tree, commit) == 0, let tree else { throw Failure.last("reading a commit's tree") }
        defer { git_tree_free(tree) }
        var parentTree: OpaquePointer?
        if hasParent {
            var parent: OpaquePointer?
            guard git_commit_parent(&parent, commit, 0) == 0, let parent else {
                throw Failure.last("reading a commit's parent")
            }
            defer { git_commit_free(parent) }
            guard git_commit_tree(&parentTree, parent) == 0 else { throw Failure.last("reading a parent's tree") }
        }
        defer { if let parentTree { git_tree_free(parentTree) } }
        var diff: OpaquePointer?
        guard git_diff_tree_to_tree(&diff, repository, parentTree, tree, &options) == 0, let diff else {
            throw Failure.last("comparing a commit with its parent")
        }
        defer { git_diff_free(diff) }
        var paths: [String] = []
        for index in 0..<git_diff_num_deltas(diff) {
            guard let delta = git_diff_get_delta(diff, index) else { continue }
            let file = delta.pointee.status == GIT_DELTA_DELETED ? delta.pointee.old_file : delta.pointee.new_file
            if let path = file.path { paths.append(String(cString: path)) }
        }
        return paths
    }

    private func info(_ commit: OpaquePointer, oid: git_oid) throws(Failure) -> CommitInfo {
        var short = git_buf()
        defer { git_buf_dispose(&short) }
        guard git_object_short_id(&short, commit) == 0, let shortPointer = short.ptr else {
            throw Failure.last("abbreviating a commit id")
        }
        let time = git_commit_committer(commit)?.pointee.when
        let seconds = Int(time?.time ?? 0)
        let offset = Int(time?.offset ?? 0) * 60
        return CommitInfo(
            hash: Self.hex(oid), shortHash: String(cString: shortPointer), date: Self.day(seconds + offset),
            timestamp: seconds, subject: git_commit_summary(commit).map { String(cString: $0) } ?? "")
    }

    /// Runs `body` with `path` as the options' only pathspec (none for `""`), which lives only as long as the call.
    private func withPathspec<Result>(
        _ path: String, in options: inout git_diff_options,
        _ body: (inout git_diff_options) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        guard !path.isEmpty else { return try body(&options) }
        let copy = strdup(path)
        defer { free(copy) }
        var strings = [copy]
        return try strings.withUnsafeMutableBufferPointer { (buffer) throws(Failure) -> Result in
            options.pathspec = git_strarray(strings: buffer.baseAddress, count: 1)
            return try body(&options)
        }
    }

    private static func hex(_ oid: git_oid) -> String {
        var oid = oid
        var buffer = [CChar](repeating: 0, count: 41)
        git_oid_tostr(&buffer, 41, &oid)
        return buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    /// `YYYY-MM-DD` of a count of seconds since 1970 (days from the civil calendar, proleptic Gregorian).
    static func day(_ seconds: Int) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        // Howard Hinnant's days-to-civil.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))"
    }
}
