import Foundation

/// What a preview rebuild takes over from the build before it: work the changed files cannot have touched.
///
/// `SiteBuilder` asks it, when it has one, for the theme, for git's answers and for pages rendered
/// before (`RenderMemo`); `cnmm build` has none and does everything. The preview tells it after each
/// batch of changes what to forget: the theme (and with it every rendered page) when a file of the
/// theme or of the site's `i18n/` changed; git's answers when the repository's HEAD, index or reflog
/// changed (a commit, a checkout), and a file's diff when that file changed; the listing of a content
/// folder when a file in it was added or removed. Whoever keeps one tells it every change (`forget`).
public final class BuildReuse: @unchecked Sendable {
    private let lock = NSLock()
    private var cachedTheme: Theme?
    private var git: [[String]: any Sendable] = [:]
    private var gitState: [String] = []
    private let options: BuildOptions
    private let gitFolder: URL?
    /// Pages rendered before, by their view models.
    public let pages = RenderMemo()
    /// Sidebars rendered before, by their data.
    let sidebars = RenderMemo()
    /// Pages rendered before, by what their view models read (`RenderShortcut`).
    let shortcuts = ReuseTable<RenderShortcut.Key, Data?>()
    /// Pages' Markdown rendered before, by their text and the site's shape.
    let markdown = ReuseTable<MarkdownStage.Input, MarkdownRenderer.Output>()
    /// Search records encoded before, by their content.
    let searchIndexes = ReuseTable<SearchRecord, [UInt8]>()
    /// Words counted before, by page text (for the translation report).
    let wordCounts = ReuseTable<String, Int>()
    /// Search text taken from HTML before, by the HTML.
    let searchText = ReuseTable<String, String>()
    /// Content files loaded before, by their bytes.
    let files = ReuseTable<Data, ContentLoader.Result>()
    /// Content files loaded before, by their `stat` (files last changed well before the build).
    let fileStamps = ReuseTable<FileStamp, ContentLoader.Result>()
    /// Listings of the content folders, while the watcher reports no file added or removed.
    let walks = WalkMemo()
    /// Pages' ids and links, by their bytes.
    let anchors = ReuseTable<PageBytes, LinkChecker.Anchors>()
    /// Pages whose links were all fine, by their links and the site's pages and ids.
    let cleanLinks = ReuseTable<LinkChecker.CleanInput, Bool>()

    public init(options: BuildOptions) {
        self.options = options
        gitFolder = Self.gitFolder(from: options.sourceRoot)
    }

    /// The theme of the last build, or a freshly loaded one.
    func theme() throws(BuildFailure) -> Theme {
        if let theme = locked({ cachedTheme }) { return theme }
        let loaded = try Theme.load(root: options.themeFolder, siteRoot: options.sourceRoot)
        locked { cachedTheme = loaded }
        return loaded
    }

    /// Whether the next build takes the theme over (for tests).
    var isThemeCached: Bool { locked { cachedTheme != nil } }

    /// What git answered to this question before, or what it answers now (`make`). A question is named by words
    /// like a git command's (`["log", "content"]`, `["diff", commit, "--", path]`): a diff is forgotten when its file
    /// changes, everything when the repository's HEAD, index or reflog changes.
    func gitAnswer<Answer: Sendable>(_ question: [String], make: () -> Answer) -> Answer {
        let state = repositoryState()
        if let known = locked({ () -> (any Sendable)? in
            if state != gitState {
                git = [:]
                gitState = state
            }
            return git[question]
        }), let answer = known as? Answer {
            return answer
        }
        let answer = make()
        locked { git[question] = answer }
        return answer
    }

    /// `gitAnswer` for answers that are text (the tests' stand-ins for git).
    func gitOutput(_ arguments: [String], run: () -> String?) -> String? {
        gitAnswer(arguments, make: run)
    }

    /// Forgets what a batch of changed files (absolute paths) may have changed.
    func forget(changed paths: Set<String>) {
        let theme = options.themeFolder.standardizedFileURL.path
        let strings = options.sourceRoot.appendingPathComponent("i18n").standardizedFileURL.path
        let themeChanged = paths.contains { path in
            [theme, strings].contains { path == $0 || path.hasPrefix($0 + "/") }
        }
        let root = options.sourceRoot.standardizedFileURL.path + "/"
        let config = options.configFile.path
        if paths.allSatisfy({ $0.hasPrefix(root) || $0 == theme || $0.hasPrefix(theme + "/") || $0 == config }) {
            walks.forget(changed: paths)
        } else {
            // A path in a form not seen before cannot be matched with the folders walked: walk them all again.
            walks.clear()
        }
        let relative = Set(paths.filter { $0.hasPrefix(root) }.map { String($0.dropFirst(root.count)) })
        locked {
            if themeChanged { cachedTheme = nil }
            // `git diff … -- path` compares with the file as it is now. A changed folder (the watcher's
            // fallback to polling, lost events) stands for every file in it.
            git = git.filter { entry in
                guard entry.key.first == "diff", let path = entry.key.last else { return true }
                return !Self.lies(path, inAnyOf: relative)
            }
        }
        if themeChanged {
            pages.clear()
            sidebars.clear()
            shortcuts.clear()
            markdown.clear()
        }
    }

    /// Ends a build in every table; returns how many pages were rendered and how many taken over.
    @discardableResult
    func endBuild(complete: Bool) -> (rendered: Int, reused: Int) {
        markdown.endBuild(complete: complete)
        anchors.endBuild(complete: complete)
        cleanLinks.endBuild(complete: complete)
        files.endBuild(complete: complete)
        fileStamps.endBuild(complete: complete)
        searchText.endBuild(complete: complete)
        wordCounts.endBuild(complete: complete)
        searchIndexes.endBuild(complete: complete)
        sidebars.endBuild()
        let taken = shortcuts.endBuild(complete: complete).reused
        let pages = pages.endBuild()
        return (pages.rendered, pages.reused + taken)
    }
}

extension BuildReuse {
    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    /// Whether a relative path is one of `changed` or lies in a folder that is (one lookup per folder on its way).
    fileprivate static func lies(_ path: String, inAnyOf changed: Set<String>) -> Bool {
        var candidate = Substring(path)
        while true {
            if changed.contains(String(candidate)) { return true }
            guard let slash = candidate.lastIndex(of: "/") else { return false }
            candidate = candidate[..<slash]
        }
    }

    /// Size and time of the files a commit, checkout or reset changes; cheap to read before every build.
    private func repositoryState() -> [String] {
        guard let gitFolder else { return [] }
        return ["HEAD", "index", "logs/HEAD", "packed-refs"].map { name in
            let attributes = try? FileManager.default.attributesOfItem(
                atPath: gitFolder.appendingPathComponent(name).path)
            return "\(attributes?[.size] ?? "-") \(attributes?[.modificationDate] ?? "-")"
        }
    }

    /// The repository's git folder: `.git` in the source folder or above it, or where a `.git` file
    /// (a worktree) points.
    fileprivate static func gitFolder(from root: URL) -> URL? {
        var folder = root.standardizedFileURL
        while true {
            let dotGit = folder.appendingPathComponent(".git")
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: dotGit.path, isDirectory: &isFolder) {
                if isFolder.boolValue { return dotGit }
                guard let text = try? String(contentsOf: dotGit, encoding: .utf8),
                    let line = text.split(separator: "\n").first, line.hasPrefix("gitdir: ")
                else { return nil }
                return URL.resolving(String(line.dropFirst(8)), against: folder)
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }
}
