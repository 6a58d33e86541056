import Foundation

/// Heading anchors: the lowercase text with punctuation removed and spaces turned into `-`.
///
/// Letters and digits of every script are kept (`Übersicht` → `übersicht`), as GitHub and Hugo do.
enum Slug {
    static func make(_ text: String) -> String {
        var slug = ""
        for character in text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() {
            if character.isLetter || character.isNumber || character == "-" || character == "_" {
                slug.append(character)
            } else if character.isWhitespace {
                slug.append("-")
            }
        }
        return slug
    }

    /// Gives out unique slugs within one page: the second `x` becomes `x-1`, the third `x-2`.
    struct Registry {
        private var used: [String: Int] = [:]

        mutating func unique(_ base: String) -> String {
            let base = base.isEmpty ? "section" : base
            guard let count = used[base] else {
                used[base] = 0
                return base
            }
            var next = count + 1
            while used["\(base)-\(next)"] != nil { next += 1 }
            used[base] = next
            used["\(base)-\(next)"] = 0
            return "\(base)-\(next)"
        }
    }
}
