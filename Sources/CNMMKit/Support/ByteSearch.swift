#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension UnsafeBufferPointer<UInt8> {
    /// The position of the first occurrence of `needle` at or after `start`, comparing bytes.
    ///
    /// For scanning rendered HTML: Foundation's `range(of:)` on a `Substring` bridges to `NSString` and
    /// measures the whole remaining text on every call. The C library's `memchr` finds the needle's first byte
    /// many bytes at a time (a loop over single bytes here was the largest part of the link check), then the
    /// rest is compared.
    func firstIndex(of needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, start >= 0, start <= count, needle.count <= count - start,
            let base = baseAddress
        else { return nil }
        let last = count - needle.count
        return needle.withUnsafeBufferPointer { pattern -> Int? in
            var index = start
            while index <= last, let found = memchr(base + index, Int32(first), last - index + 1) {
                index = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                if pattern.count == 1 || memcmp(base + index + 1, pattern.baseAddress! + 1, pattern.count - 1) == 0 {
                    return index
                }
                index += 1
            }
            return nil
        }
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

    /// How many lines feed (`\n`) bytes the text holds (over the bytes in memory: walking `utf8` by index
    /// was a tenth of expanding a page's shortcodes).
    var newlineCount: Int {
        let counted = utf8.withContiguousStorageIfAvailable { bytes in
            var count = 0
            for byte in bytes where byte == UInt8(ascii: "\n") { count += 1 }
            return count
        }
        return counted ?? utf8.count(where: { $0 == UInt8(ascii: "\n") })
    }
}
