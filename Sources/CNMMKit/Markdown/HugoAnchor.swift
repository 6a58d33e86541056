/// Heading ids as Hugo gives them (goldmark's automatic ids of type `github`, Hugo's default), so that links into
/// a site Hugo built keep working when cnmm builds it.
///
/// From the heading's text, as found with Hugo 0.168: Unicode white space is trimmed from both ends; then each
/// scalar is looked at alone (Go runes, not Swift characters): a space or `-` becomes `-`; a letter (Go's
/// `unicode.IsLetter`: categories Lu, Ll, Lt, Lm, Lo), a decimal digit (Nd, any script: `٤`, `０`) or `_` is kept,
/// lowercased by Go's simple mapping (`İ` → `i`, `ΣΑΣ` → `σασ`); everything else is left out: punctuation,
/// symbols, emoji, tabs and other white space, combining marks (a decomposed `ü` loses its dots), other numbers
/// (`²`, `½`, `Ⅻ`). Runs of `-` stay as they are (`A & B` → `a--b`). A text that keeps nothing gets `heading`; an
/// empty text gets no id at all, given here as `""`. Every Unicode scalar but ASCII's controls and punctuation (those
/// are in the tests) was checked against Hugo 0.168 (Go's Unicode tables) with Swift 6.3's: a letter new to one
/// Unicode version and not yet in the other's is where the two can part.
enum HugoAnchor {
    /// The id Hugo gives a heading whose text is `text`, before `Registry` makes it unique within the page; `""`
    /// when the heading gets no id. `CMark.HeadingNode.plainText` is that text for nearly every heading
    /// (`HugoAnchorTests.differing` lists where Hugo reads another).
    static func make(_ text: String) -> String {
        guard !text.isEmpty else { return "" }
        let id = asciiAnchor(text) ?? unicodeAnchor(text)
        return id.isEmpty ? "heading" : id
    }

    /// Hugo's rule for the same id twice in one page: the first keeps it, each later one gets the first free
    /// `-1`, `-2`, … suffix. Every id given out counts as taken, suffixed ones too: after `Security 1`
    /// (`security-1`), two headings `Security` get `security` and `security-2`.
    struct Registry {
        private var taken: Set<String> = []
        /// The suffix to try first for an id, one past the last given to it: every suffix below is taken.
        private var nextSuffix: [String: Int] = [:]

        /// `id` itself when no heading of the page has it yet, else `id-N` with the smallest free N; `""` (no id)
        /// stays `""` and takes nothing.
        mutating func unique(_ id: String) -> String {
            guard !id.isEmpty else { return "" }
            if taken.insert(id).inserted { return id }
            var suffix = nextSuffix[id, default: 1]
            while taken.contains("\(id)-\(suffix)") { suffix += 1 }
            nextSuffix[id] = suffix + 1
            let unique = "\(id)-\(suffix)"
            taken.insert(unique)
            return unique
        }
    }
}

extension HugoAnchor {
    /// The id of an all-ASCII text (nearly every heading), byte by byte; nil when the text has any other byte.
    /// Internal so the tests can hold it against `unicodeAnchor`.
    static func asciiAnchor(_ text: String) -> String? {
        if let id = text.utf8.withContiguousStorageIfAvailable(asciiAnchor) { return id }
        return Array(text.utf8).withUnsafeBufferPointer(asciiAnchor)
    }

    /// The id of any text, scalar by scalar.
    static func unicodeAnchor(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        var id: [UInt8] = []
        id.reserveCapacity(text.utf8.count)
        for scalar in scalars[first...last] {
            if scalar.isASCII {
                if let mapped = asciiMapping(UInt8(truncatingIfNeeded: scalar.value)) { id.append(mapped) }
                continue
            }
            let properties = scalar.properties
            switch properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber:
                // Most letters are lowercase already: asking first saves making the mapping's string.
                let kept = properties.changesWhenLowercased ? lowercase(scalar) : scalar
                if let encoded = UTF8.encode(kept) { id.append(contentsOf: encoded) }
            default:
                break
            }
        }
        return String(decoding: id, as: UTF8.self)
    }
}

private extension HugoAnchor {
    /// `asciiAnchor` on the text's UTF-8 bytes.
    static func asciiAnchor(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
        guard let first = bytes.firstIndex(where: { !isASCIISpace($0) }),
            let last = bytes.lastIndex(where: { !isASCIISpace($0) })
        else { return "" }
        return String(unsafeUninitializedCapacity: last - first + 1) { buffer in
            var count = 0
            for byte in bytes[first...last] {
                guard let mapped = asciiMapping(byte) else { continue }
                buffer[count] = mapped
                count += 1
            }
            return count
        }
    }

    /// Go's ASCII white space, what `bytes.TrimSpace` trims: tab, line feed, vertical tab, form feed, carriage
    /// return, space (Unicode's White_Space in ASCII, as `isWhitespace` has it on the general path).
    static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    /// What an ASCII byte becomes in an id: letters lowercased, digits and `_` kept, space and `-` as `-`, nil
    /// for the rest (a tab too: Hugo turns only the space into `-`).
    static func asciiMapping(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte + 32
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"): byte
        case UInt8(ascii: " "), UInt8(ascii: "-"): UInt8(ascii: "-")
        default: nil
        }
    }

    /// Go's `unicode.ToLower`: the simple, one-scalar mapping. Swift gives the full mapping, which has more than
    /// one scalar only for `İ` (U+0130 → `i` U+0307), whose simple mapping is its first scalar, `i`.
    static func lowercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar
    }
}
