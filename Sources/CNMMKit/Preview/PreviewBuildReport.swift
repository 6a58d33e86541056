/// One build of the preview: what triggered it, how long it took, what it found.
public struct PreviewBuildReport: Sendable {
    public var succeeded: Bool
    /// Pages per language, when the build succeeded.
    public var pages: [(language: String, count: Int)]
    /// The changed files that caused the build, relative to the source folder; empty for the first build.
    public var changed: [String]
    public var buildMilliseconds: Double
    /// Pages rendered, and pages taken unchanged from the build before (their view model had not changed).
    public var pagesRendered: Int
    public var pagesReused: Int
    /// From the first file event to the reload message sent; nil for the first build.
    public var eventToReloadMilliseconds: Double?
    /// Warnings and problems, one per line, safe to print.
    public var problems: [String]
    public var warnings: [String]
    /// The stage times line (`Stages (ms): …`), when the server was asked for timings.
    public var stagesText: String?

    public var text: String {
        var lines = warnings
        if succeeded {
            let pageText = pages.map { "\($0.language) \($0.count)" }.joined(separator: ", ")
            lines.append(header("Built pages (\(pageText))"))
            if let stagesText { lines.append(stagesText) }
        } else {
            lines += problems
            let count = problems.count
            lines.append(header("Build failed with \(count) problem\(count == 1 ? "" : "s"), shown in the browser"))
        }
        return lines.joined(separator: "\n")
    }

    private func header(_ what: String) -> String {
        var build = "\(Int(buildMilliseconds.rounded())) ms"
        if succeeded, pagesReused > 0 {
            build += ", \(pagesRendered) of \(pagesRendered + pagesReused) pages rendered"
        }
        guard let eventToReload = eventToReloadMilliseconds, let first = changed.first else {
            return "\(what) in \(build)"
        }
        let more = changed.count > 1 ? " and \(changed.count - 1) more" : ""
        let cause = SafeText.console(first, keepNewlines: false) + more
        return "\(what) after \(cause) changed: reload sent \(Int(eventToReload.rounded())) ms after the change "
            + "(build \(build))"
    }
}
