import Foundation

/// Text from files and requests made safe to show: in a terminal, in HTML, without the machine's paths.
enum SafeText {
    /// Control characters (escape sequences, NUL, carriage returns) written as `\u{1B}`; newlines and tabs kept
    /// when `keepNewlines`.
    static func console(_ text: String, keepNewlines: Bool = true) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if keepNewlines, scalar == "\n" || scalar == "\t" {
                result.unicodeScalars.append(scalar)
            } else if scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}" {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Text for HTML element content and attribute values (the same entities as Mustache's `{{…}}` writes).
    static func html(_ text: String) -> String {
        let special: (UInt8) -> Bool = {
            $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"")
                || $0 == UInt8(ascii: "'")
        }
        guard text.utf8.contains(where: special) else { return text }
        // Byte by byte: the five are ASCII, and a quote with a combining mark after it is still a quote to HTML.
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out += Array("&amp;".utf8)
            case UInt8(ascii: "<"): out += Array("&lt;".utf8)
            case UInt8(ascii: ">"): out += Array("&gt;".utf8)
            case UInt8(ascii: "\""): out += Array("&quot;".utf8)
            case UInt8(ascii: "'"): out += Array("&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The text with every named folder (and the home folder) replaced by a path relative to it.
    ///
    /// Diagnostics already name files relative to the site; this catches what other errors carry.
    static func withoutMachinePaths(_ text: String, roots: [URL]) -> String {
        var folders: [(String, String)] = []
        for root in roots {
            for path in [root.standardizedFileURL.path, root.resolvingSymlinksInPath().path] where path.count > 1 {
                folders.append((path, root.lastPathComponent))
            }
        }
        let home = FileManager.default.homeDirectoryForCurrentUser.standardizedFileURL.path
        if home.count > 1 { folders.append((home, "~")) }
        // Longest first, so a folder inside another is replaced by its own name.
        var result = text
        for (path, name) in folders.sorted(by: { $0.0.count > $1.0.count }) {
            result = result.replacingOccurrences(of: path + "/", with: "")
            result = result.replacingOccurrences(of: path, with: name)
        }
        return result
    }
}
