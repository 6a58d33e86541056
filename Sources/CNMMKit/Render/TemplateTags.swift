/// The tags of a Mustache template's text, read without parsing it (for what the theme loader checks).
enum TemplateTags {
    /// A tag: its sigil (`#`, `^`, `/`, `>`, `<`, `!`, `&`, `{`, `$`, `=`), nil for a plain variable, and its
    /// name with the sigil and surrounding spaces taken off.
    struct Tag {
        var sigil: Character?
        var name: Substring
    }

    static let sigils: Set<Character> = ["#", "^", "/", ">", "<", "!", "&", "{", "$", "="]

    /// The tags between `{{` and `}}`, in order. A template that changes its delimiters (`{{=<% %>=}}`) has
    /// tags this does not see after that tag.
    static func tags(in text: String) -> [Tag] {
        var tags: [Tag] = []
        var rest = text[...]
        while let open = rest.firstUTF8Range(of: "{{") {
            rest = rest[open.upperBound...]
            guard let close = rest.firstUTF8Range(of: "}}") else { break }
            var tag = rest[..<close.lowerBound]
            rest = rest[close.upperBound...]
            tag = tag.drop { $0 == " " }
            guard let first = tag.first else { continue }
            let sigil = sigils.contains(first) ? first : nil
            if sigil != nil { tag = tag.dropFirst() }
            tags.append(Tag(sigil: sigil, name: tag.trimmingWhitespaceAndNewlines[...]))
        }
        return tags
    }

    /// Whether the template may name `identifier`: a tag other than a comment or a partial names it, alone or as
    /// a part of a dotted name or a transform's argument (`toc`, `page.toc`, `#page.toc`, `first(page.toc)`), or
    /// the template changes its delimiters, so that its tags cannot be read here.
    static func mayName(_ identifier: String, in text: String) -> Bool {
        tags(in: text).contains { tag in
            if tag.sigil == "=" { return true }
            guard tag.sigil != "!", tag.sigil != ">", tag.sigil != "<" else { return false }
            return tag.name.split { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }.contains {
                $0 == identifier
            }
        }
    }
}
