import Foundation
import Yams

/// Hugo's configuration file read into plain values, whatever its format.
///
/// Input: the text of `hugo.toml`, `config.toml`, `hugo.yaml` or `config.yaml`. Output: the top-level table with
/// the keys as written, and the line of each key where the parser tells it (Yams does; TOMLKit gives positions of
/// syntax errors only). Syntax errors are diagnostics at their line.
struct HugoDocument {
    var table: [String: YAMLValue]
    /// Dotted key path as written (`languages.de.weight`) → its line, 1-based.
    var lines: [String: Int] = [:]

    /// Reads the file's text as TOML or YAML, by the file's extension.
    static func parse(_ text: String, path: String) throws(BuildFailure) -> HugoDocument {
        let isTOML = (path as NSString).pathExtension.lowercased() == "toml"
        return isTOML ? try toml(text, path: path) : try yaml(text, path: path)
    }

    /// YAML with the meaning site.yml has (YAML 1.2's core schema), keeping each key's line.
    static func yaml(_ text: String, path: String) throws(BuildFailure) -> HugoDocument {
        guard let node = try FrontMatterParser(path: path).compose(text, lineOffset: 0) else {
            return HugoDocument(table: [:])
        }
        guard node.mapping != nil else {
            throw BuildFailure([.error(path, line: 1, "Hugo's configuration must be a mapping of keys to values")])
        }
        let value: YAMLValue
        do {
            value = try YAMLSchema.value(of: node)
        } catch {
            throw BuildFailure([
                .error(path, "the configuration expands to more than \(YAMLSchema.valueBudget) values (YAML aliases?)")
            ])
        }
        var document = HugoDocument(table: value.mapValue ?? [:])
        document.collectLines(node, prefix: "")
        return document
    }

    private mutating func collectLines(_ node: Node, prefix: String) {
        guard let mapping = node.mapping else { return }
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            let path = prefix + name
            if let line = key.mark?.line { lines[path] = line }
            collectLines(value, prefix: path + ".")
        }
    }
}

extension YAMLValue {
    /// The mapping, when the value is one.
    var mapValue: [String: YAMLValue]? {
        if case .map(let map) = self { return map }
        return nil
    }
}
