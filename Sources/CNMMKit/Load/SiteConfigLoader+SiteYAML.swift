import Foundation
import Yams

/// `site.yml` itself: its keys read with their types, each problem at its line.
extension SiteConfigLoader {
    func siteYAML(_ text: String, path shown: String, contentLanguages: [String]) throws(BuildFailure)
        -> SiteConfig
    {
        let node = try FrontMatterParser(path: shown).compose(text, lineOffset: 0)
        guard let mapping = node?.mapping else {
            if node == nil { return Self.defaults(languages: contentLanguages) }
            throw BuildFailure([.error(shown, line: 1, "site.yml must be a mapping of keys to values")])
        }
        var config = Self.defaults(languages: contentLanguages)
        var errors: [Diagnostic] = []
        var declaredDefault: String?
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else { continue }
            let field = FieldReader(
                path: shown, key: key, line: keyNode.mark?.line ?? 0, column: keyNode.mark?.column ?? 0)
            do throws(Diagnostic) {
                switch key {
                case "title": config.title = try field.string(value)
                case "description": config.description = try field.string(value)
                case "baseURL", "baseUrl", "base_url": config.baseURL = Self.slashed(try field.string(value))
                case "defaultLanguage", "defaultContentLanguage":
                    declaredDefault = Language.normalise(try field.string(value))
                case "languages": config.languages = try languages(value, field: field)
                case "repository": config.repository = try repository(value, field: field)
                case "dimensions": config.dimensions = try dimensions(value, field: field)
                case "translationFallback": config.translationFallback = try field.bool(value)
                case "translationGuide": config.translationGuide = try field.string(value)
                case "menu": config.menu = try menu(value, field: field)
                case "defaultLanguageInSubdir": config.defaultLanguageInSubdir = try field.bool(value)
                default:
                    do {
                        config.params[key] = try YAMLSchema.value(of: value)
                    } catch {
                        throw Diagnostic.error(
                            shown, line: field.line,
                            "'\(key)' expands to more than \(YAMLSchema.valueBudget) values (YAML aliases?)")
                    }
                }
            } catch {
                errors.append(error)
            }
        }
        if !errors.isEmpty { throw BuildFailure(errors) }
        try Self.complete(&config, declaredDefault: declaredDefault, path: shown)
        return config
    }

    private func languages(_ node: Node, field: FieldReader) throws(Diagnostic) -> [Language] {
        var result: [Language] = []
        let entries: [(String?, Node)]
        if let sequence = node.sequence {
            entries = sequence.map { (nil, $0) }
        } else if let mapping = node.mapping {
            entries = mapping.map { ($0.key.string, $0.value) }
        } else {
            throw Diagnostic.error(
                field.path, line: field.line, "'languages' must be a list of languages, each with a code")
        }
        for (index, (mappedCode, entry)) in entries.enumerated() {
            let line = entry.mark?.line ?? field.line
            let sub = { (key: String) in FieldReader(path: field.path, key: key, line: line, column: 0) }
            guard let map = entry.mapping else {
                if let code = entry.scalar?.string { result.append(Language(code: code, weight: index)); continue }
                throw Diagnostic.error(field.path, line: line, "each language needs at least a 'code'")
            }
            let namedCode = try sub("code").optionalString(map["code"])
            guard let code = mappedCode ?? namedCode else {
                throw Diagnostic.error(field.path, line: line, "a language is missing its 'code'")
            }
            var weight = index + 1
            let editionURL = try sub("baseURL").optionalString(map["baseURL"])
            if let node = map["weight"] { weight = try sub("weight").int(node) }
            var language = Language(
                code: code,
                name: try sub("name").optionalString(map["name"]),
                weight: weight,
                title: try sub("title").optionalString(map["title"]),
                description: try sub("description").optionalString(map["description"])
            )
            language.baseURL = editionURL
            if let node = map["menu"] { language.menu = try menu(node, field: sub("menu")) }
            if let node = map["params"] {
                guard case .map(let params) = (try? YAMLSchema.value(of: node)) ?? .null else {
                    throw Diagnostic.error(field.path, line: line, "'params' of language '\(code)' must be a mapping")
                }
                language.params = params
            }
            if let dir = try sub("contentDir").optionalString(map["contentDir"]) {
                guard let kept = Language.contentDir(dir) else {
                    throw Diagnostic.error(
                        field.path, line: line,
                        "contentDir '\(dir)' of language '\(code)': each language is one folder inside content/")
                }
                language.contentDir = kept
            }
            result.append(language)
        }
        return result
    }

    /// `menu: [{name: About, page: /about, weight: 2}, {name: GitHub, url: "https://…"}]`: the main menu's entries
    /// beside the pages that join it by front matter.
    private func menu(_ node: Node, field: FieldReader) throws(Diagnostic) -> [MenuEntry] {
        guard let sequence = node.sequence else {
            throw Diagnostic.error(field.path, line: field.line, "'menu' must be a list of entries with a name")
        }
        return try sequence.map { (entry) throws(Diagnostic) -> MenuEntry in
            let line = entry.mark?.line ?? field.line
            let sub = { (key: String) in FieldReader(path: field.path, key: key, line: line, column: 0) }
            guard let map = entry.mapping, let name = try sub("name").optionalString(map["name"]) else {
                throw Diagnostic.error(field.path, line: line, "each menu entry needs a 'name'")
            }
            var item = MenuEntry(name: name)
            item.page = try sub("page").optionalString(map["page"])
            item.url = try sub("url").optionalString(map["url"])
            if let weight = map["weight"] { item.weight = try sub("weight").int(weight) }
            guard item.page != nil || item.url != nil else {
                throw Diagnostic.error(field.path, line: line, "menu entry '\(name)' needs a 'page' or a 'url'")
            }
            return item
        }
    }

    /// `dimensions: [{id: people, icon: users, names: {en: People, de: Personen}}]`; the icon may be written
    /// as Font Awesome classes (`fas fa-users`). An empty list (`dimensions: []`) declares a site without a
    /// maturity model: its pages stay plain pages.
    private func dimensions(_ node: Node, field: FieldReader) throws(Diagnostic) -> [Dimension] {
        guard let sequence = node.sequence else {
            throw Diagnostic.error(
                field.path, line: field.line, "'dimensions' must be a list of dimensions, each with id, icon and names")
        }
        var result: [Dimension] = []
        for entry in sequence {
            let line = (entry.mark?.line ?? field.line)
            let sub = { (key: String) in FieldReader(path: field.path, key: key, line: line, column: 0) }
            guard let map = entry.mapping, let idNode = map["id"], let iconNode = map["icon"] else {
                throw Diagnostic.error(field.path, line: line, "a dimension needs an 'id' and an 'icon'")
            }
            let id = try sub("id").string(idNode)
            let iconClasses = try sub("icon").string(iconNode)
            let icon = IconMarkup.iconName(in: ["<i class=\"\(iconClasses)\">"]) ?? iconClasses
            var names: [String: String] = [:]
            if let namesNode = map["names"] {
                guard let namesMap = namesNode.mapping else {
                    throw Diagnostic.error(
                        field.path, line: line, "'names' of dimension '\(id)' must map language codes to names")
                }
                for (code, name) in namesMap {
                    guard let code = code.string else { continue }
                    names[Language.normalise(code)] = try sub("names.\(code)").string(name)
                }
            }
            if result.contains(where: { $0.id == id || $0.icon == icon }) {
                throw Diagnostic.error(
                    field.path, line: line, "dimension '\(id)' repeats an id or icon of an earlier dimension")
            }
            result.append(Dimension(id: id, icon: icon, names: names))
        }
        return result
    }

    private func repository(_ node: Node, field: FieldReader) throws(Diagnostic) -> SiteConfig.Repository {
        if node.scalar != nil { return .init(url: try field.string(node), branch: "main", path: "") }
        guard let map = node.mapping, let url = map["url"] else {
            throw Diagnostic.error(
                field.path, line: field.line, "'repository' must be a URL or a mapping with 'url', 'branch' and 'path'")
        }
        return .init(
            url: try field.string(url),
            branch: try field.optionalString(map["branch"]) ?? "main",
            path: try field.optionalString(map["path"]) ?? ""
        )
    }
}
