import Foundation

extension SearchIndex {
    /// The index files and how large they are next to the HTML they index.
    struct Output: Sendable {
        var files: [OutputFile] = []
        /// The bytes of every language's index.
        var bytes = 0
        /// The bytes of the rendered HTML files of the pages the indexes cover.
        var indexedHTMLBytes = 0
    }

    /// The JSON document of one language: dimension names for the breadcrumbs, and the records.
    struct Document: Encodable, Equatable, Sendable {
        var dimensions: [String: String]
        var records: [SearchRecord]
    }

    /// Where a language's index goes in the output (`search/index.json`, `de/search/index.json`).
    static func path(language: String, config: SiteConfig) -> String {
        config.languagePrefix(language) + "search/index.json"
    }

    /// `search/index.json` under the prefix of each published language that has a search page, measured
    /// against the `rendered` HTML of the pages it indexes. Each file goes through `keep` as soon as it is made
    /// (`cnmm build` writes it into the staging folder there).
    ///
    /// One language at a time, its records encoded on all cores as they are made: only the encoded records and
    /// the file are held, for one language (a large site's records, their JSON and the file of both languages at
    /// once were the peak of a 20,000-page build).
    func output(
        rendered: [OutputFile], keep: @escaping @Sendable (OutputFile) throws -> OutputFile = { $0 }
    ) throws -> Output {
        var sizes: [String: Int] = [:]
        for file in rendered where file.path.hasSuffix(".html") {
            switch file.content {
            case .data(let data): sizes[file.path] = data.count
            case .staged(let bytes, _): sizes[file.path] = bytes
            case .copy: break
            }
        }
        var output = Output()
        var kept: [Background<Result<OutputFile, any Error>>] = []
        for language in site.config.publishedLanguages where searchPages[language.code] != nil {
            let encoded = encoded
            let pages = eachPage(language: language.code) { records -> (records: [[UInt8]], url: Substring?) in
                let bytes = records.map { record in
                    encoded.map { $0.value(record.url, input: record) { Self.encode(record) } } ?? Self.encode(record)
                }
                return (bytes, records.first.map { $0.url.split(separator: "#", omittingEmptySubsequences: false)[0] })
            }
            let names = site.config.dimensions.map {
                ($0.id, $0.name(in: language.code, fallback: site.config.defaultLanguage))
            }
            let data = Self.encode(
                dimensions: Dictionary(uniqueKeysWithValues: names), records: pages.lazy.flatMap(\.records))
            output.bytes += data.count
            output.indexedHTMLBytes += Set(pages.compactMap(\.url)).reduce(0) { total, url in
                total + (sizes[SiteRenderer.outputPath(url: String(url), basePath: site.config.basePath)] ?? 0)
            }
            // Kept on another thread while the next language's records are made (copying a large index into the
            // page cache takes a while, and leaves a core idle).
            let file = OutputFile(path: Self.path(language: language.code, config: site.config), content: .data(data))
            kept.append(Background { Result { try keep(file) } })
        }
        output.files = try kept.map { try $0.value.get() }
        return output
    }

    /// Compact JSON with sorted keys: two builds give the same bytes.
    ///
    /// Written by hand: the document is a fixed shape of strings and numbers, and Foundation's `JSONEncoder`
    /// built a tree of the whole index first (a large site's peak memory) and took twice as long. The bytes
    /// are the ones `JSONEncoder` writes with `.sortedKeys` and `.withoutEscapingSlashes` (a test compares them).
    ///
    /// A whole document at once, each record through `record` when given (what the tests compare with
    /// `JSONEncoder`); a build encodes each language's records as it makes them (`output(rendered:keep:)`).
    static func encode(_ document: Document, record: ((SearchRecord) -> [UInt8])? = nil) -> Data {
        encode(dimensions: document.dimensions, records: document.records.map(record ?? { Self.encode($0) }))
    }

    /// The document from the dimension names and each record's bytes (`encode(_:)` of a record), in order;
    /// `records` is read twice (its size first).
    static func encode(dimensions: [String: String], records: some Collection<[UInt8]>) -> Data {
        // Into `Data` straight away, its size known: an array turned into `Data` at the end held the index twice.
        var out = Data()
        out.reserveCapacity(records.reduce(256) { $0 + $1.count + 1 })
        var scratch: [UInt8] = Array("{\"dimensions\":{".utf8)
        for (position, key) in dimensions.keys.sorted().enumerated() {
            if position > 0 { scratch.append(UInt8(ascii: ",")) }
            appendString(key, to: &scratch)
            scratch.append(UInt8(ascii: ":"))
            appendString(dimensions[key] ?? "", to: &scratch)
        }
        scratch += Array("},\"records\":[".utf8)
        out.append(contentsOf: scratch)
        var first = true
        for record in records {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            out.append(contentsOf: record)
        }
        out.append(contentsOf: Array("]}".utf8))
        return out
    }

    /// One record: `["s","/level-3/#people","People",3,"people","…"]`.
    static func encode(_ record: SearchRecord) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(record.text.utf8.count + record.title.utf8.count + record.url.utf8.count + 32)
        append(record, to: &out)
        return out
    }

    private static func append(_ record: SearchRecord, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        appendString(record.kind.rawValue, to: &out)
        out.append(UInt8(ascii: ","))
        appendString(record.url, to: &out)
        out.append(UInt8(ascii: ","))
        appendString(record.title, to: &out)
        out += Array(",\(record.level),".utf8)
        appendString(record.dimension, to: &out)
        out.append(UInt8(ascii: ","))
        appendString(record.text, to: &out)
        out.append(UInt8(ascii: "]"))
    }

    /// A JSON string: `"` and `\` escaped, control characters as `\n`-style or `\u00XX` escapes, the rest as it is.
    private static func appendString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            // Runs of bytes that need no escape are copied whole.
            var runStart = 0
            for index in bytes.indices {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                runStart = index + 1
                switch byte {
                case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
                case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
                case 0x08: out += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
                case 0x0C: out += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
                case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
                case 0x0D: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
                case 0x09: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    out += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        out.append(UInt8(ascii: "\""))
    }
}
