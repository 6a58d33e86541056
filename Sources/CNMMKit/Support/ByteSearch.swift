extension UnsafeBufferPointer<UInt8> {
    /// The position of the first occurrence of `needle` at or after `start`, comparing bytes.
    ///
    /// For scanning rendered HTML: Foundation's `range(of:)` on a `Substring` bridges to `NSString` and
    /// measures the whole remaining text on every call.
    func firstIndex(of needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, needle.count <= count else { return nil }
        var index = start
        let last = count - needle.count
        while index <= last {
            if self[index] == first {
                var offset = 1
                while offset < needle.count, self[index + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return index }
            }
            index += 1
        }
        return nil
    }
}

extension Substring {
    /// The first range of `needle` in the text, compared byte by byte in UTF-8 (an exact, literal match).
    ///
    /// Used in loops over a whole page instead of Foundation's `range(of:)`, which bridges to `NSString` and
    /// measures the whole remaining text on each call, making such loops quadratic.
    func firstUTF8Range(of needle: String) -> Range<String.Index>? {
        let pattern = Array(needle.utf8)
        let found = utf8.withContiguousStorageIfAvailable { $0.firstIndex(of: pattern, from: 0) }
        guard let offset = found else { return utf8.firstRange(of: pattern) }
        guard let offset else { return nil }
        let start = utf8.index(utf8.startIndex, offsetBy: offset)
        return start..<utf8.index(start, offsetBy: pattern.count)
    }

    /// Every occurrence of `target` replaced by `replacement`, matched byte by byte in UTF-8 (Foundation's
    /// `replacingOccurrences(of:with:)` converts the text to UTF-16 and back).
    func replacingAll(_ target: String, with replacement: String) -> String {
        var output = ""
        output.reserveCapacity(utf8.count)
        var rest = self
        while let found = rest.firstUTF8Range(of: target) {
            output += rest[..<found.lowerBound]
            output += replacement
            rest = rest[found.upperBound...]
        }
        output += rest
        return output
    }

    /// How many lines feed (`\n`) bytes the text holds.
    var newlineCount: Int { utf8.count(where: { $0 == UInt8(ascii: "\n") }) }
}
