/// Reads one key of Hugo's configuration with the type cnmm needs, or says where and why not.
struct HugoField {
    var path: String
    var key: String
    var line: Int

    /// Text: a string, or a number or boolean written as text (`title = 2023` is "2023").
    func text(_ value: YAMLValue) throws(Diagnostic) -> String {
        switch value {
        case .string, .int, .double, .bool: return value.string ?? ""
        default: throw mismatch(value, "text")
        }
    }

    func int(_ value: YAMLValue) throws(Diagnostic) -> Int {
        guard case .int(let number) = value else { throw mismatch(value, "a whole number") }
        return number
    }

    func bool(_ value: YAMLValue) throws(Diagnostic) -> Bool {
        guard case .bool(let flag) = value else { throw mismatch(value, "true or false") }
        return flag
    }

    func texts(_ value: YAMLValue) throws(Diagnostic) -> [String] {
        guard case .list(let items) = value else { throw mismatch(value, "a list of text") }
        return try items.map { (item: YAMLValue) throws(Diagnostic) in try text(item) }
    }

    func table(_ value: YAMLValue) throws(Diagnostic) -> [String: YAMLValue] {
        guard let table = value.mapValue else { throw mismatch(value, "a table of keys and values") }
        return table
    }

    func mismatch(_ value: YAMLValue, _ expected: String) -> Diagnostic {
        let found: String
        switch value {
        case .string(let text): found = "\"\(text)\""
        case .int, .double, .bool: found = value.string ?? ""
        case .null: found = "nothing"
        case .list: found = "a list"
        case .map: found = "a table"
        }
        return .error(path, line: line, "'\(key)' must be \(expected), found \(found)")
    }
}
