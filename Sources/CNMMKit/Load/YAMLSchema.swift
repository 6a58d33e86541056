import Foundation
import Yams

/// How this project reads YAML: the YAML 1.2 core schema, and errors placed in the real file.
enum YAMLSchema {
    /// The core schema's four tags, tried in Yams' order: booleans as YAML 1.2 writes them (Yams' default also
    /// reads YAML 1.1's `yes`, `no`, `on`, `off`, which YAML 1.2 keeps as text), integers, floats and null.
    /// Yams' default also has merge keys, timestamps and `=`, none of which this project reads (they were text
    /// here anyway), and every plain scalar that is text, every mapping key among them, was tried against each
    /// pattern in turn: seven regular expressions where four do.
    static let resolver: Resolver = {
        do {
            let bool = try Resolver.Rule(.bool, "^(?:true|True|TRUE|false|False|FALSE)$")
            return Resolver.basic.appending(bool).appending(.int).appending(.float).appending(.null)
        } catch {
            preconditionFailure("the boolean pattern is a valid regular expression: \(error)")
        }
    }()

    /// The most values one YAML value may expand to. Aliases let a few lines stand for billions of values
    /// ("billion laughs"); past this bound the value is refused instead of exhausting time and memory.
    static let valueBudget = 100_000

    /// Thrown when a value expands past `valueBudget`.
    struct TooLarge: Error {}

    /// Converts a composed node to a plain value, following the resolved tags, within `valueBudget` values.
    static func value(of node: Node) throws(TooLarge) -> YAMLValue {
        var budget = valueBudget
        return try value(of: node, budget: &budget)
    }

    private static func value(of node: Node, budget: inout Int) throws(TooLarge) -> YAMLValue {
        budget -= 1
        if budget < 0 { throw TooLarge() }
        switch node {
        case .scalar(let scalar):
            switch node.tagName {
            case .null: return .null
            case .bool: return node.bool.map(YAMLValue.bool) ?? .string(scalar.string)
            case .int: return node.int.map(YAMLValue.int) ?? .string(scalar.string)
            case .float: return node.float.map(YAMLValue.double) ?? .string(scalar.string)
            default: return .string(scalar.string)
            }
        case .sequence(let sequence):
            var items: [YAMLValue] = []
            for item in sequence { items.append(try value(of: item, budget: &budget)) }
            return .list(items)
        case .mapping(let mapping):
            var map: [String: YAMLValue] = [:]
            for (key, item) in mapping {
                if let key = key.string { map[key] = try value(of: item, budget: &budget) }
            }
            return .map(map)
        case .alias:
            return .null
        }
    }

    /// Diagnostics for a Yams error in a YAML block that starts `lineOffset` lines into the file.
    static func diagnostics(for error: YamlError, yaml: String, path: String, lineOffset: Int) -> [Diagnostic] {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            var message = "YAML: \(problem)"
            if let context { message += " (\(context.text) at line \(context.mark.line + lineOffset))" }
            return [.error(path, line: mark.line + lineOffset, column: mark.column, message)]
        case .duplicatedKeysInMapping(let duplicates, _):
            return duplicates.map { key in
                let lines = linesDefining(key: key, in: yaml).map { $0 + lineOffset }
                let listed = lines.map(String.init).joined(separator: " and ")
                return .error(path, line: lines.last ?? lineOffset, "YAML: duplicate key '\(key)' (lines \(listed))")
            }
        case .reader(let problem, _, _, _):
            return [.error(path, line: lineOffset, "YAML: \(problem)")]
        default:
            return [.error(path, line: lineOffset, "YAML: \(error)")]
        }
    }

    /// 1-based lines of a YAML block that start a mapping entry for `key`.
    private static func linesDefining(key: String, in yaml: String) -> [Int] {
        var result: [Int] = []
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop(while: { $0 == " " })
            for form in [key, "\"\(key)\"", "'\(key)'"] where trimmed.hasPrefix(form + ":") {
                result.append(index + 1)
            }
        }
        return result
    }
}

extension Node {
    /// The node's resolved tag (`tag:yaml.org,2002:int`, …); Yams keeps `Tag.name` internal.
    var tagName: Tag.Name { Tag.Name(rawValue: tag.rawValue) }

    /// `tagName == .null`, without the resolver's patterns for a plain scalar with no tag: such a scalar is null
    /// exactly when the null pattern matches its text (the patterns before it match no such text). Resolving a
    /// front matter title ran seven regular expressions.
    var isNull: Bool {
        if case .scalar(let scalar) = self, scalar.tag.description.isEmpty {
            return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
        }
        return tagName == .null
    }
}
