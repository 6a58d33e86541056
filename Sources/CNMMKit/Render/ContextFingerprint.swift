/// A 128-bit fingerprint of a view model (the `[String: Any]` tree a layout renders), so that two
/// builds can tell whether a page's view model changed without rendering it.
///
/// Two hashers with different seeds walk the tree: strings, numbers, booleans, dictionaries (keys in
/// order) and arrays, each with a tag for its kind. A value of any other type has no fingerprint
/// (nil), and the page is simply rendered. Fingerprints are only compared within one process.
struct ContextFingerprint: Hashable, Sendable {
    private var low: Int
    private var high: Int

    /// The fingerprint of a layout rendered with a view model; nil when the model holds a value of an unknown type.
    init?(layout: String, context: Any) {
        var walker = Walker()
        walker.combine(layout)
        guard walker.walk(context) else { return nil }
        (low, high) = (walker.first.finalize(), walker.second.finalize())
    }
}

extension ContextFingerprint {
    private struct Walker {
        var first = Hasher()
        var second: Hasher = {
            var hasher = Hasher()
            hasher.combine(0x9E37_79B9_7F4A_7C15 as UInt64)
            return hasher
        }()

        mutating func combine(_ value: some Hashable) {
            first.combine(value)
            second.combine(value)
        }

        /// Feeds a value; false when it is of a type the fingerprint does not know.
        mutating func walk(_ value: Any) -> Bool {
            switch value {
            case let text as String:
                combine(1 as UInt8)
                combine(text)
            case let dictionary as [String: Any]:
                combine(2 as UInt8)
                combine(dictionary.count)
                for key in dictionary.keys.sorted() {
                    combine(key)
                    guard walk(dictionary[key]!) else { return false }
                }
            case let array as [Any]:
                combine(3 as UInt8)
                combine(array.count)
                for element in array {
                    guard walk(element) else { return false }
                }
            case let flag as Bool:
                combine(4 as UInt8)
                combine(flag)
            case let number as Int:
                combine(5 as UInt8)
                combine(number)
            case let number as Double:
                combine(6 as UInt8)
                combine(number.bitPattern)
            case let optional as any OptionalValue:
                combine(7 as UInt8)
                guard let wrapped = optional.wrapped else { return true }
                return walk(wrapped)
            default:
                return false
            }
            return true
        }
    }
}

/// Lets the fingerprint look into an `Optional` stored as `Any`.
private protocol OptionalValue {
    var wrapped: Any? { get }
}

extension Optional: OptionalValue {
    fileprivate var wrapped: Any? { self.map { $0 as Any } }
}
