import Yams

/// Reads one known front matter or config key with the type it must have, or says where and why not.
struct FieldReader {
    var path: String
    var key: String
    var line: Int
    var column: Int

    func string(_ node: Node) throws(Diagnostic) -> String {
        guard let scalar = node.scalar, !node.isNull else { throw mismatch(node, "text") }
        return scalar.string
    }

    func optionalString(_ node: Node?) throws(Diagnostic) -> String? {
        guard let node else { return nil }
        return try string(node)
    }

    func int(_ node: Node) throws(Diagnostic) -> Int {
        guard node.tagName == .int, let value = node.int else { throw mismatch(node, "a whole number") }
        return value
    }

    func bool(_ node: Node) throws(Diagnostic) -> Bool {
        guard node.tagName == .bool, let value = node.bool else { throw mismatch(node, "true or false") }
        return value
    }

    func strings(_ node: Node) throws(Diagnostic) -> [String] {
        if node.scalar != nil { return [try string(node)] }
        guard let sequence = node.sequence else { throw mismatch(node, "a list of text") }
        return try sequence.map { (item: Node) throws(Diagnostic) in try string(item) }
    }

    /// `menu: main`, `menu: [main, footer]` or `menu: {main: {weight: 20}}`.
    func menus(_ node: Node) throws(Diagnostic) -> [String: Int] {
        if node.scalar != nil || node.sequence != nil {
            return Dictionary(try strings(node).map { ($0, 0) }, uniquingKeysWith: { a, _ in a })
        }
        guard let mapping = node.mapping else { throw mismatch(node, "a menu name or a mapping of menus") }
        var menus: [String: Int] = [:]
        for (name, entry) in mapping {
            guard let name = name.string else { continue }
            var weight = 0
            if let w = entry.mapping?["weight"] { weight = try int(w) }
            menus[name] = weight
        }
        return menus
    }

    private func mismatch(_ node: Node, _ expected: String) -> Diagnostic {
        let shown: String
        switch node {
        case .scalar(let s): shown = s.string.isEmpty ? "nothing" : "'\(s.string)'"
        case .sequence: shown = "a list"
        case .mapping: shown = "a mapping"
        case .alias: shown = "an alias"
        }
        var hint = ""
        if expected == "true or false", let s = node.scalar?.string,
            ["yes", "no", "on", "off", "y", "n"].contains(s.lowercased())
        {
            hint = " (YAML 1.2 reads '\(s)' as text; write true or false)"
        } else if expected == "a whole number", node.tagName == .str {
            hint = " (write a number without quotes)"
        }
        return .error(path, line: line, column: column, "'\(key)' must be \(expected), found \(shown)\(hint)")
    }
}
