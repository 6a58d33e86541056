import Foundation

/// Turns the bytes of a text file into a `String` with `\n` line endings.
///
/// A UTF-8 byte order mark is dropped; CRLF and lone CR become LF, so line numbers counted on the
/// result are the file's real lines. Invalid UTF-8 and NUL bytes are errors naming the first bad byte.
enum SourceText {
    static func decode(_ data: Data, path: String) throws(Diagnostic) -> String {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let nul = firstIndex(of: 0, in: bytes) {
            let (line, column) = position(of: nul, in: bytes)
            throw .error(path, line: line, column: column, "NUL byte in a text file (is this a binary file?)")
        }
        guard var text = String(validating: bytes, as: UTF8.self) else {
            let bad = firstInvalidUTF8(bytes)
            let (line, column) = position(of: bad, in: bytes)
            throw .error(path, line: line, column: column, "invalid UTF-8 (byte 0x\(String(bytes[bad], radix: 16)))")
        }
        if firstIndex(of: UInt8(ascii: "\r"), in: bytes) != nil {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return text
    }

    /// The index of the first `byte`, found with `memchr` (iterating `Data` byte by byte is slow).
    private static func firstIndex(of byte: UInt8, in bytes: Data.SubSequence) -> Data.Index? {
        bytes.withUnsafeBytes { buffer -> Int? in
            guard let base = buffer.baseAddress, let found = memchr(base, Int32(byte), buffer.count) else { return nil }
            return base.distance(to: UnsafeRawPointer(found))
        }.map { bytes.startIndex + $0 }
    }

    /// Line and column (1-based, in bytes) of an index.
    private static func position(of index: Data.Index, in bytes: Data.SubSequence) -> (Int, Int) {
        var line = 1
        var lineStart = bytes.startIndex
        var i = bytes.startIndex
        while i < index {
            if bytes[i] == 0x0A {
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
        return (line, index - lineStart + 1)
    }

    private static func firstInvalidUTF8(_ bytes: Data.SubSequence) -> Data.Index {
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return i
            }
            guard i + length <= bytes.endIndex else { return i }
            if length > 1, String(validating: bytes[i..<(i + length)], as: UTF8.self) == nil { return i }
            i += length
        }
        return bytes.startIndex
    }
}
