/// The byte-level pass behind `SearchText.plain`: HTML in, readable text out, white space collapsed.
struct PlainTextScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var output: [UInt8] = []
    /// A space is owed before the next visible byte (white space or a block boundary was passed).
    private var space = false

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        output.reserveCapacity(bytes.count / 2)
    }

    mutating func run() -> String {
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") {
                skipTag()
            } else if byte == UInt8(ascii: "&") {
                decodeReference()
            } else {
                let length = SearchText.whitespaceLength(bytes, at: index)
                if length > 0 {
                    space = true
                    index += length
                } else {
                    emitRun()
                }
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Bytes that may start a tag, a reference or white space.
    private static let special: [Bool] = (0...255).map { byte in
        byte == 0x3C || byte == 0x26 || SearchText.whitespaceLeads[byte]
    }

    /// Copies the byte at `index` and the ones after it up to the next special byte, in one append (a byte at
    /// a time was most of the scanner's time).
    private mutating func emitRun() {
        let start = index
        index += 1
        Self.special.withUnsafeBufferPointer { special in
            while index < bytes.count, !special[Int(bytes[index])] { index += 1 }
        }
        if space {
            if !output.isEmpty { output.append(UInt8(ascii: " ")) }
            space = false
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
    }

    private mutating func emit(_ byte: UInt8) {
        if space {
            if !output.isEmpty { output.append(UInt8(ascii: " ")) }
            space = false
        }
        output.append(byte)
    }

    /// Appends decoded text, collapsing its white space like the page's own.
    private mutating func emit(_ text: String) {
        var text = text
        text.withUTF8 { decoded in
            var position = 0
            while position < decoded.count {
                let length = SearchText.whitespaceLength(decoded, at: position)
                if length > 0 {
                    space = true
                    position += length
                } else {
                    emit(decoded[position])
                    position += 1
                }
            }
        }
    }

    /// The position of `needle` (lowercase) at or after `start`, or nil, folding ASCII letters of the text
    /// (`ByteSearch`'s `firstIndex(of:from:)` is the exact search).
    private func findIgnoringCase(_ needle: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, needle.count <= bytes.count else { return nil }
        var position = start
        while position + needle.count <= bytes.count {
            var offset = 0
            while offset < needle.count {
                let byte = bytes[position + offset]
                let folded = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                guard folded == needle[offset] else { break }
                offset += 1
            }
            if offset == needle.count { return position }
            position += 1
        }
        return nil
    }

    private static let commentStart = Array("<!--".utf8)
    private static let commentEnd = Array("-->".utf8)

    private func hasPrefix(_ prefix: [UInt8], at start: Int) -> Bool {
        guard start + prefix.count <= bytes.count else { return false }
        for offset in prefix.indices where bytes[start + offset] != prefix[offset] { return false }
        return true
    }

    private func firstIndex(of byte: UInt8, from start: Int) -> Int? {
        start < bytes.count ? bytes[start...].firstIndex(of: byte) : nil
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    /// Skips the tag at `index` (and a hidden element's content), owing a space after a block element.
    private mutating func skipTag() {
        if hasPrefix(Self.commentStart, at: index) {
            index = bytes.firstIndex(of: Self.commentEnd, from: index + 4).map { $0 + 3 } ?? bytes.count
            return
        }
        guard let close = firstIndex(of: UInt8(ascii: ">"), from: index + 1) else {
            index = bytes.count
            return
        }
        var cursor = index + 1
        let isEnd = cursor < close && bytes[cursor] == UInt8(ascii: "/")
        while cursor < close && bytes[cursor] == UInt8(ascii: "/") { cursor += 1 }
        let nameStart = cursor
        // The name, lowercased, packed into an integer (names of up to eight letters, all the elements that
        // matter but two): no array, string or string hash for each of a page's hundreds of tags.
        var packed: UInt64 = 0
        while cursor < close, Self.isNameByte(bytes[cursor]) {
            let byte = bytes[cursor]
            if cursor - nameStart < 8 {
                packed |= UInt64(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) << (8 * UInt64(cursor - nameStart))
            }
            cursor += 1
        }
        let nameLength = cursor - nameStart
        let selfClosing = close > index + 1 && bytes[close - 1] == UInt8(ascii: "/")
        let kind: SearchText.ElementKind?
        if nameLength <= 8 {
            kind = SearchText.elementKinds[packed]
        } else {
            let name = bytes[nameStart..<cursor].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            let tag = String(decoding: name, as: UTF8.self)
            kind =
                SearchText.hiddenElements.contains(tag)
                ? .hidden : SearchText.blockElements.contains(tag) ? .block : nil
        }
        index = close + 1
        if !isEnd, !selfClosing, kind == .hidden {
            let name = bytes[nameStart..<(nameStart + nameLength)].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            guard let end = findIgnoringCase(Array("</".utf8) + name, from: index) else {
                index = bytes.count
                return
            }
            index = firstIndex(of: UInt8(ascii: ">"), from: end).map { $0 + 1 } ?? bytes.count
            space = true
        } else if kind == .block {
            space = true
        }
    }

    /// Decodes the character reference at `index`; an unknown one stays as it is.
    private mutating func decodeReference() {
        let limit = min(bytes.count, index + 13)
        var semicolon = index + 1
        while semicolon < limit, bytes[semicolon] != UInt8(ascii: ";") { semicolon += 1 }
        guard semicolon < limit else {
            emit(UInt8(ascii: "&"))
            index += 1
            return
        }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<semicolon]), as: UTF8.self)
        var decoded: String?
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value =
                digits.first == "x" || digits.first == "X"
                ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            if let value, let scalar = Unicode.Scalar(value) { decoded = String(Character(scalar)) }
        } else {
            decoded = SearchText.namedReferences[name]
        }
        guard let decoded else {
            emit(UInt8(ascii: "&"))
            index += 1
            return
        }
        emit(decoded)
        index = semicolon + 1
    }
}
