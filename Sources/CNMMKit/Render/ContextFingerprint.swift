/// A fingerprint of a view model (the `[String: Any]` tree a layout renders), so that two builds can
/// tell whether a page's view model changed without rendering it.
///
/// A hasher walks the tree: strings by their UTF-8 bytes (two spellings of the same text render to
/// different bytes, so they must differ here too), numbers, booleans, dictionaries (in any order)
/// and arrays, each with a tag for its kind; the number of values and of string bytes are kept
/// beside the hash. A value of any other type has no fingerprint (nil), and the page is simply
/// rendered. Fingerprints are only compared within one process.
struct ContextFingerprint: Hashable, Sendable {
    private var hash: Int
    private var values: Int
    private var bytes: Int

    /// The fingerprint of a layout rendered with a view model; nil when the model holds a value of an unknown type.
    init?(layout: String, context: Any) {
        var walker = Walker()
        walker.text(layout)
        guard walker.walk(context) else { return nil }
        (hash, values, bytes) = (walker.hasher.finalize(), walker.values, walker.bytes)
    }
}

extension ContextFingerprint {
    private struct Walker {
        var hasher = Hasher()
        var values = 0
        var bytes = 0

        mutating func tag(_ kind: UInt8) {
            hasher.combine(kind)
            values += 1
        }

        mutating func text(_ text: String) {
            var text = text
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            hasher.combine(text.utf8.count)
            bytes += text.utf8.count
        }

        /// Feeds a value; false when it is of a type the fingerprint does not know.
        mutating func walk(_ value: Any) -> Bool {
            switch value {
            case let string as String:
                tag(1)
                text(string)
            case let dictionary as [String: Any]:
                tag(2)
                hasher.combine(dictionary.count)
                // Two equal dictionaries may list their entries in different orders: hash each entry on its
                // own and add the hashes up, which no order changes (and is cheaper than sorting the keys).
                var sum = 0
                for (key, value) in dictionary {
                    var entry = Walker()
                    entry.text(key)
                    guard entry.walk(value) else { return false }
                    sum &+= entry.hasher.finalize()
                    values += entry.values
                    bytes += entry.bytes
                }
                hasher.combine(sum)
            case let dictionaries as [[String: Any]]:
                return walk(array: dictionaries)
            case let array as [Any]:
                return walk(array: array)
            case let flag as Bool:
                tag(4)
                hasher.combine(flag)
            case let number as Int:
                tag(5)
                hasher.combine(number)
            case let number as Double:
                tag(6)
                hasher.combine(number.bitPattern)
            case let optional as any OptionalValue:
                tag(7)
                guard let wrapped = optional.wrapped else { return true }
                return walk(wrapped)
            case let html as PageHTML:
                // Last: on Linux a cast of a dictionary or array to a class bridges it to Foundation first.
                // A page's HTML renders as its text: the same value as that string, told by its digest.
                tag(9)
                hasher.combine(html.digest)
                bytes += html.text.utf8.count
            default:
                return false
            }
            return true
        }

        private mutating func walk<Element>(array: [Element]) -> Bool {
            tag(3)
            hasher.combine(array.count)
            for element in array {
                guard walk(element) else { return false }
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
