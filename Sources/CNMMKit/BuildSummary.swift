/// What a build did: pages per language, files and bytes written, warnings, and time per stage.
public struct BuildSummary: Sendable {
    /// Milliseconds spent in each stage.
    public struct StageTimes: Sendable {
        public var load = 0.0
        public var assemble = 0.0
        public var markdown = 0.0
        public var render = 0.0
        /// The search indexes made from the rendered site.
        public var search = 0.0
        /// Static files gathered and every internal link checked.
        public var check = 0.0
        public var write = 0.0

        /// The stages in pipeline order, named as `cnmm build --timings` prints them.
        public var named: [(name: String, milliseconds: Double)] {
            [
                ("load", load), ("assemble", assemble), ("markdown", markdown), ("render", render), ("search", search),
                ("check", check), ("write", write),
            ]
        }
    }

    public var pagesPerLanguage: [(String, Int)] = []
    public var filesWritten = 0
    public var bytesWritten = 0
    public var filesRemoved = 0
    /// The bytes of the search indexes (`search/index.json` per language); 0 when the theme has no search.
    public var searchIndexBytes = 0
    /// The bytes of the HTML pages the search indexes cover.
    public var indexedHTMLBytes = 0
    public var warnings: [Diagnostic] = []
    /// What the build wants said that is no problem (the keys of Hugo's configuration it does not use).
    public var notes: [Diagnostic] = []
    public var milliseconds = 0.0
    public var stages = StageTimes()

    public init() {}

    /// One line a person reads after a build.
    public var text: String {
        let pages = pagesPerLanguage.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
        let warningText = warnings.isEmpty ? "" : ", \(warnings.count) warning\(warnings.count == 1 ? "" : "s")"
        let line = "Built pages (\(pages)), \(filesWritten) files written" + searchText + warningText
        return line + " in \(Int(milliseconds.rounded())) ms"
    }

    /// `, search index 61 KB for 680 KB of HTML (9%)`: the indexes and the pages they cover; nothing without search.
    private var searchText: String {
        guard searchIndexBytes > 0 else { return "" }
        let kilobytes = { (bytes: Int) in
            let value = Double(bytes) / 1024
            return value < 10 ? "\((value * 10).rounded() / 10) KB" : "\(Int(value.rounded())) KB"
        }
        let percent =
            indexedHTMLBytes > 0 ? Int((100 * Double(searchIndexBytes) / Double(indexedHTMLBytes)).rounded()) : 0
        let sizes = "\(kilobytes(searchIndexBytes)) for \(kilobytes(indexedHTMLBytes)) of HTML"
        return ", search index \(sizes) (\(percent)%)"
    }

    /// One line with the time of each stage, for `--timings`: `Stages (ms): load=1.2 assemble=0.4 …`.
    public var stagesText: String {
        "Stages (ms): "
            + stages.named.map { "\($0.name)=\(String(format: "%.1f", $0.milliseconds))" }.joined(separator: " ")
            + " bytes=\(bytesWritten)"
    }
}
