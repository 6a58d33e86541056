import Foundation
import Yams

/// Splits a content file into YAML front matter and Markdown body, and decodes the front matter.
///
/// Input: the file's text (LF line endings, no BOM; see `SourceText`). Output: a `FrontMatter`, the
/// body and the line the body starts on. Every line number reported is the file's real line.
struct FrontMatterParser {
    var path: String

    struct Result {
        var frontMatter: FrontMatter
        var body: String
        var bodyLine: Int
        var warnings: [Diagnostic]
    }

    func parse(_ text: String) throws(BuildFailure) -> Result {
        guard text.hasPrefix("---\n") || text == "---" || text.hasPrefix("---\t") || text.hasPrefix("--- ") else {
            if text.hasPrefix("+++") {
                throw BuildFailure([
                    .error(
                        path, line: 1, column: 1, "TOML front matter (+++) is not supported; use YAML between --- lines"
                    )
                ])
            }
            return Result(frontMatter: FrontMatter(), body: text, bodyLine: 1, warnings: [])
        }
        guard let (yaml, close, rest) = Self.split(text) else {
            throw BuildFailure([
                .error(path, line: 1, column: 1, "front matter opened here is never closed (add a line '---' after it)")
            ])
        }
        let body = rest.isEmpty ? "" : rest.hasSuffix("\n") ? String(rest) : rest + "\n"
        let node = try compose(String(yaml), lineOffset: 1)
        var warnings: [Diagnostic] = []
        let frontMatter = try decode(node, warnings: &warnings)
        return Result(frontMatter: frontMatter, body: body, bodyLine: close + 2, warnings: warnings)
    }

    /// The YAML between the opening fence (line 0) and the closing one, the closing fence's line number
    /// (0-based), and the text after that line; nil when no line closes the front matter.
    ///
    /// Walks the lines of the front matter only (by their `\n` bytes): the body, most of the file, is not split.
    private static func split(_ text: String) -> (yaml: Substring, close: Int, rest: Substring)? {
        let utf8 = text.utf8
        guard let firstNewline = utf8.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        let yamlStart = utf8.index(after: firstNewline)
        var lineStart = yamlStart
        var number = 1
        while lineStart < utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            if isFence(text[lineStart..<lineEnd]) {
                let yamlEnd = lineStart > yamlStart ? utf8.index(before: lineStart) : yamlStart
                let restStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
                return (text[yamlStart..<yamlEnd], number, text[restStart...])
            }
            guard lineEnd < utf8.endIndex else { break }
            lineStart = utf8.index(after: lineEnd)
            number += 1
        }
        return nil
    }

    private static func isFence(_ line: Substring) -> Bool {
        line.hasPrefix("---") && line.trimmingWhitespace == "---"
    }

    /// Parses YAML with YAML 1.2 core-schema meaning: only `true`/`false` are booleans.
    func compose(_ yaml: String, lineOffset: Int) throws(BuildFailure) -> Node? {
        do {
            // The encoding given: Yams' default reads the process environment (YAMS_DEFAULT_ENCODING) on each call,
            // which was a third of parsing a page's front matter. UTF-8 is what it picks on Linux.
            return try Yams.compose(yaml: yaml, YAMLSchema.resolver, .default, .utf8)
        } catch let error as YamlError {
            throw BuildFailure(YAMLSchema.diagnostics(for: error, yaml: yaml, path: path, lineOffset: lineOffset))
        } catch {
            throw BuildFailure([.error(path, line: lineOffset, "YAML: \(error)")])
        }
    }

    private func decode(_ node: Node?, warnings: inout [Diagnostic]) throws(BuildFailure) -> FrontMatter {
        var fm = FrontMatter()
        guard let node else { return fm }
        guard let mapping = node.mapping else {
            throw BuildFailure([
                .error(path, line: (node.mark?.line ?? 1) + 1, "front matter must be a mapping of keys to values")
            ])
        }
        var errors: [Diagnostic] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else { continue }
            let line = (keyNode.mark?.line ?? 0) + 1
            let column = keyNode.mark?.column ?? 0
            do throws(Diagnostic) {
                let field = FieldReader(path: path, key: key, line: line, column: column)
                switch key {
                case "title": fm.title = try field.string(value)
                case "linkTitle": fm.linkTitle = try field.string(value)
                case "description":
                    fm.description = try field.string(value).trimmingWhitespaceAndNewlines
                case "weight": fm.weight = try field.int(value)
                case "draft": fm.draft = try field.bool(value)
                case "layout": fm.layout = try field.string(value)
                case "toc_hide": fm.tocHide = try field.bool(value)
                case "aliases":
                    fm.aliases = try field.strings(value)
                    fm.aliasesLine = line
                case "translationKey": fm.translationKey = try field.string(value)
                case "menu": fm.menus = try field.menus(value)
                default:
                    do {
                        fm.params[key] = try YAMLSchema.value(of: value)
                    } catch {
                        throw Diagnostic.error(
                            path, line: line,
                            "'\(key)' expands to more than \(YAMLSchema.valueBudget) values (YAML aliases?)")
                    }
                    if let known = FrontMatter.knownKeys.first(where: { Self.isNear(key, $0) }) {
                        warnings.append(
                            .warning(path, line: line, "unknown front matter key '\(key)' (did you mean '\(known)'?)"))
                    }
                }
            } catch {
                errors.append(error)
            }
        }
        if !errors.isEmpty { throw BuildFailure(errors) }
        return fm
    }

    /// True when two keys differ by case, `_`/`-`, or at most one edit, but are not equal.
    static func isNear(_ a: String, _ b: String) -> Bool {
        guard a != b else { return false }
        let fold = { (s: String) in s.lowercased().filter { $0 != "_" && $0 != "-" } }
        if fold(a) == fold(b) { return true }
        return Self.editDistance(Array(a.lowercased()), Array(b.lowercased())) <= 1 && min(a.count, b.count) >= 4
    }

    /// Edit distance counting an insertion, deletion, substitution or swap of neighbours as one edit.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = Swift.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = Swift.min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}

extension FrontMatter {
    static let knownKeys = [
        "title", "linkTitle", "description", "weight", "draft", "layout", "toc_hide", "aliases", "translationKey",
        "menu",
    ]
}
