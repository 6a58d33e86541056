/// Finds each heading of a rendered page in its HTML and the stretch of HTML that belongs to it.
///
/// The Markdown stage writes every heading as `<hN id="ID">…</hN>`, in document order, so the headings
/// can be found again by that exact opening tag. A heading's body runs from after its closing tag to
/// the next heading of the same or a higher level.
struct HeadingSections {
    struct Section {
        var heading: Heading
        /// Where the `<hN …>` tag starts.
        var start: String.Index
        /// Just after `</hN>`.
        var bodyStart: String.Index
        /// Where the next heading of the same or a higher level starts, or the end.
        var end: String.Index
    }

    var html: String
    var sections: [Section]

    init(html: String, headings: [Heading]) {
        self.html = html
        var found: [(Heading, String.Index, String.Index)] = []
        var cursor = html.startIndex
        for heading in headings {
            let open = "<h\(heading.level) id=\"\(heading.id)\">"
            guard let start = html[cursor...].firstUTF8Range(of: open),
                let close = html[start.upperBound...].firstUTF8Range(of: "</h\(heading.level)>")
            else { continue }
            found.append((heading, start.lowerBound, close.upperBound))
            cursor = close.upperBound
        }
        var sections: [Section] = []
        for (index, (heading, start, bodyStart)) in found.enumerated() {
            let next = found[(index + 1)...].first { $0.0.level <= heading.level }
            sections.append(
                Section(heading: heading, start: start, bodyStart: bodyStart, end: next?.1 ?? html.endIndex))
        }
        self.sections = sections
    }

    func body(of section: Section) -> String {
        String(html[section.bodyStart..<section.end])
    }
}
