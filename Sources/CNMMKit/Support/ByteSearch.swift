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
