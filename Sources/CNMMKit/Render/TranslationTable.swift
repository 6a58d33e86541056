/// The translation report as an aligned terminal table, coloured only when asked (on a terminal).
public struct TranslationTable {
    public var report: TranslationReport
    public var colour: Bool

    public init(report: TranslationReport, colour: Bool) {
        self.report = report
        self.colour = colour
    }

    public var text: String {
        var lines: [String] = []
        for language in report.languages {
            lines.append(
                "\(language.name) (\(language.code)): \(language.percent) % complete, "
                    + "\(language.missing) missing, \(language.outdated) outdated, of \(language.total)")
            var rows: [[String]] = [["page", "status", "words", "sections"]]
            for page in language.pages {
                let ratio = page.wordRatio.map { "\(Int(($0 * 100).rounded())) %" } ?? "-"
                let sections = page.sections.filter { $0.status != .translated }
                    .map { "\($0.dimension) \($0.status.rawValue)" }.joined(separator: ", ")
                var status = page.status.rawValue
                if let changed = page.sourceChanged { status += " (source \(changed))" }
                rows.append([page.source, status, ratio, sections])
            }
            let widths = (0..<4).map { column in rows.map { $0[column].count }.max() ?? 0 }
            for (index, row) in rows.enumerated() {
                var cells = row.enumerated().map { column, cell in
                    column == 3 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
                }
                if colour && index > 0 { cells[1] = paint(cells[1], status: row[1]) }
                if colour && index == 0 { cells = cells.map { "\u{1B}[1m\($0)\u{1B}[0m" } }
                lines.append("  " + cells.joined(separator: "  ").trimmingTrailingSpaces)
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    private func paint(_ cell: String, status: String) -> String {
        let code = status.hasPrefix("missing") ? "31" : status.hasPrefix("outdated") ? "33" : "32"
        return "\u{1B}[\(code)m\(cell)\u{1B}[0m"
    }
}

extension String {
    fileprivate var trimmingTrailingSpaces: String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
