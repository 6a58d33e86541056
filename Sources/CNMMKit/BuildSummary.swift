/// What a build did: pages per language, files and bytes written, warnings, and time per stage.
public struct BuildSummary: Sendable {
    /// Milliseconds spent in each stage.
    public struct StageTimes: Sendable {
        public var load = 0.0
        public var assemble = 0.0
        public var markdown = 0.0
        public var render = 0.0
    }

    public var pagesPerLanguage: [(String, Int)] = []
    public var filesWritten = 0
    public var bytesWritten = 0
    public var filesRemoved = 0
    public var warnings: [Diagnostic] = []
    public var milliseconds = 0.0
    public var stages = StageTimes()

    public init() {}

    /// One line a person reads after a build.
    public var text: String {
        let pages = pagesPerLanguage.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
        let warningText = warnings.isEmpty ? "" : ", \(warnings.count) warning\(warnings.count == 1 ? "" : "s")"
        return
            "Built pages (\(pages)), \(filesWritten) files written\(warningText) in \(Int(milliseconds.rounded())) ms"
    }
}
