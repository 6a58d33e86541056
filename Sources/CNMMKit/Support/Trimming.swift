extension StringProtocol {
    /// The text without leading and trailing white space and line breaks.
    ///
    /// The same as `trimmingCharacters(in: .whitespacesAndNewlines)` (Unicode White_Space), without Foundation's
    /// `CharacterSet`, which is slow on Linux and was most of the time spent on each heading.
    var trimmingWhitespaceAndNewlines: String { trimmingScalars { $0.properties.isWhitespace } }

    /// The text without leading and trailing white space, line breaks kept: `trimmingCharacters(in: .whitespaces)`.
    var trimmingWhitespace: String {
        trimmingScalars { scalar in
            scalar.properties.isWhitespace
                && !(0x0A...0x0D).contains(scalar.value) && scalar.value != 0x85 && scalar.value != 0x2028
                && scalar.value != 0x2029
        }
    }

    private func trimmingScalars(_ isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        let text = String(self)
        // Most text starts and ends with an ASCII letter, digit or sign: nothing to trim, no scalar to look up.
        if let first = text.utf8.first, let last = text.utf8.last, Self.isPlainASCII(first), Self.isPlainASCII(last) {
            return text
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }),
            let last = scalars.lastIndex(where: { !isTrimmed($0) })
        else { return "" }
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return text }
        return String(Substring(scalars[first...last]))
    }

    /// An ASCII byte that is neither white space nor a control character.
    private static func isPlainASCII(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F
    }
}
