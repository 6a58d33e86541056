/// `languages.*`: each language's `languageName`, `weight`, `contentDir`, `title`, `description` (also as
/// `params.description`, where Docsy reads it), `baseURL` (its own edition's URL) and `disabled`.
///
/// Hugo sorts a language without a weight (or with weight 0) after the others, by code; so does this, by giving
/// those languages the weight after the highest declared. A language's `menu.main` is its own main menu; its
/// `params` reach templates over the site's (`params.<key>`), `description` being the language's description.
extension HugoConfig {
    mutating func languages(_ value: YAMLValue, field: HugoField) throws(Diagnostic) -> [Language] {
        var result: [Language] = []
        var unweighted: Set<String> = []
        for (code, entry) in Self.sorted(try field.table(value)) {
            let prefix = "languages.\(code)"
            var language = Language(code: code)
            var disabled = false
            var paramsDescription: String?
            for (key, value) in Self.sorted(try self.field(prefix).table(entry)) {
                let sub = self.field("\(prefix).\(key)")
                switch key.lowercased() {
                case "languagename": language.name = try sub.text(value)
                case "weight": language.weight = try sub.int(value)
                case "contentdir": language.contentDir = try contentDir(value, field: sub)
                case "title": language.title = try sub.text(value)
                case "description": language.description = try sub.text(value)
                case "baseurl": language.baseURL = try sub.text(value)
                case "disabled": disabled = try sub.bool(value)
                case "params":
                    for (name, item) in Self.sorted(try sub.table(value)) {
                        if name.lowercased() == "description" {
                            paramsDescription = try self.field("\(prefix).\(key).\(name)").text(item)
                        } else {
                            language.params[name] = item
                        }
                    }
                case "menu", "menus": language.menu = try mainMenu(value, prefix: "\(prefix).\(key)")
                default: unused.append("\(prefix).\(key)")
                }
            }
            if language.description == nil {
                language.description = paramsDescription
            } else if paramsDescription != nil {
                unused.append("\(prefix).params.description")
            }
            if disabled { continue }
            if language.weight == 0 { unweighted.insert(language.code) }
            result.append(language)
        }
        let next = (result.map(\.weight).max() ?? 0) + 1
        for index in result.indices where unweighted.contains(result[index].code) { result[index].weight = next }
        return result
    }

    /// Hugo's `contentDir` of a language: cnmm reads languages from folders inside `content/`, one each.
    private func contentDir(_ value: YAMLValue, field: HugoField) throws(Diagnostic) -> String {
        let text = try field.text(value)
        guard let dir = Language.contentDir(text) else {
            throw .error(
                field.path, line: field.line,
                "'\(field.key)' is \"\(text)\": cnmm reads each language from one folder inside content/ "
                    + "(content/en, content/english)")
        }
        return dir
    }
}
