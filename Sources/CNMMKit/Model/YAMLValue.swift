/// A YAML value kept from front matter or `site.yml`, as plain Sendable data.
public indirect enum YAMLValue: Sendable, Hashable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null
    case list([YAMLValue])
    case map([String: YAMLValue])

    /// The value as Foundation-free `Any` for templates: strings, numbers, arrays and dictionaries.
    public var templateValue: Any {
        switch self {
        case .string(let s): return s
        case .int(let i): return i
        case .double(let d): return d
        case .bool(let b): return b
        case .null: return ""
        case .list(let items): return items.map(\.templateValue)
        case .map(let map): return map.mapValues(\.templateValue)
        }
    }

    public var string: String? {
        switch self {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .bool(let b): return String(b)
        default: return nil
        }
    }

    public subscript(key: String) -> YAMLValue? {
        if case .map(let map) = self { return map[key] }
        return nil
    }
}
