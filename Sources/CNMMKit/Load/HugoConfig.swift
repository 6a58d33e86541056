import Foundation

/// Reads Hugo's configuration into the `SiteConfig` that `site.yml` gives, for a Hugo site with no `site.yml`.
///
/// Input: the parsed `hugo.toml`, `config.toml`, `hugo.yaml` or `config.yaml` (Hugo's keys match in any case, as
/// Hugo reads them). Read: `baseURL`, `title`, `defaultContentLanguage`, `defaultContentLanguageInSubdir` (false,
/// which is what cnmm does), `disableLanguages`, `languages.*` (see `HugoConfig+Languages.swift`),
/// `params.github.repo`, `branch` and `subdir` (or Docsy's `params.github_repo`, `github_branch`, `github_subdir`)
/// as the repository of edit links, `params.description` as the site's description, and every other `params.*`
/// as cnmm's `params` for templates. Output: the configuration, and the dotted names of every key not used, which
/// the build says once, in one note.
struct HugoConfig {
    /// Hugo's configuration files, in the order cnmm looks for them when the site has no `site.yml`.
    static let fileNames = ["hugo.toml", "config.toml", "hugo.yaml", "config.yaml"]

    /// The file as messages show it.
    var path: String
    var document: HugoDocument
    /// The keys not used so far, as written (`languages.de.params.foo`).
    var unused: [String] = []

    init(path: String, document: HugoDocument) {
        self.path = path
        self.document = document
    }

    /// Whether a config file named with `--config` is read as Hugo's: one of Hugo's names, or any `.toml` file.
    static func reads(_ path: String) -> Bool {
        let name = (path as NSString).lastPathComponent
        return fileNames.contains(name) || (name as NSString).pathExtension.lowercased() == "toml"
    }

    /// The configuration, with the languages as declared (unsorted) and the declared default language, if any.
    mutating func read(into config: inout SiteConfig) throws(BuildFailure) -> String? {
        var errors: [Diagnostic] = []
        var declaredDefault: String?
        var disabled: Set<String> = []
        for (key, value) in Self.sorted(document.table) {
            do throws(Diagnostic) {
                let field = self.field(key)
                switch key.lowercased() {
                case "baseurl": config.baseURL = SiteConfigLoader.slashed(try field.text(value))
                case "title": config.title = try field.text(value)
                case "defaultcontentlanguage": declaredDefault = Language.normalise(try field.text(value))
                case "defaultcontentlanguageinsubdir": config.defaultLanguageInSubdir = try field.bool(value)
                case "disablelanguages": disabled = Set(try field.texts(value).map(Language.normalise))
                case "languages": config.languages = try languages(value, field: field)
                case "params": try params(value, field: field, into: &config)
                case "menu", "menus": config.menu = try mainMenu(value, prefix: key) ?? config.menu
                default: unused.append(key)
                }
            } catch {
                errors.append(error)
            }
        }
        if !errors.isEmpty { throw BuildFailure(errors) }
        config.languages.removeAll { disabled.contains($0.code) }
        return declaredDefault
    }

    /// The keys not used, sorted as the note lists them.
    var unusedSorted: [String] { unused.sorted { ($0.lowercased(), $0) < ($1.lowercased(), $1) } }

    /// The one note naming every key not used, or nil when all were.
    var note: Diagnostic? {
        guard !unused.isEmpty else { return nil }
        let keys = unusedSorted
        let count = keys.count == 1 ? "1 key" : "\(keys.count) keys"
        return .note(path, "cnmm does not use \(count) of this file: \(keys.joined(separator: ", "))")
    }

    /// A reader of the value at a dotted key path.
    func field(_ key: String) -> HugoField {
        HugoField(path: path, key: key, line: document.lines[key] ?? 0)
    }

    /// Key and value pairs in a stable order.
    static func sorted(_ table: [String: YAMLValue]) -> [(key: String, value: YAMLValue)] {
        table.sorted { $0.key < $1.key }
    }

    /// The entries of `menu.main` (`[[menu.main]]` tables: `name`, `pageRef` or `url`, `weight`), nil when there is
    /// none; other menus, and other keys of an entry (`parent`, `pre`, …), are listed as unused.
    mutating func mainMenu(_ value: YAMLValue, prefix: String) throws(Diagnostic) -> [MenuEntry]? {
        guard let table = value.mapValue else {
            unused.append(prefix)
            return nil
        }
        var result: [MenuEntry]?
        for (name, menu) in Self.sorted(table) {
            guard name.lowercased() == "main" else {
                unused.append("\(prefix).\(name)")
                continue
            }
            let items: [YAMLValue]
            switch menu {
            case .list(let list): items = list
            case .map: items = [menu]
            default: throw field("\(prefix).\(name)").mismatch(menu, "a list of menu entries")
            }
            var entries: [MenuEntry] = []
            for item in items {
                let entryField = field("\(prefix).\(name)")
                var entry = MenuEntry(name: "")
                for (key, value) in Self.sorted(try entryField.table(item)) {
                    let sub = field("\(prefix).\(name).\(key)")
                    switch key.lowercased() {
                    case "name": entry.name = try sub.text(value)
                    case "pageref": entry.page = try sub.text(value)
                    case "url": entry.url = try sub.text(value)
                    case "weight": entry.weight = try sub.int(value)
                    default:
                        if !unused.contains("\(prefix).\(name).\(key)") { unused.append("\(prefix).\(name).\(key)") }
                    }
                }
                if entry.name.isEmpty { entry.name = entry.page ?? entry.url ?? "" }
                entries.append(entry)
            }
            result = entries
        }
        return result
    }

    /// `menu.main`, `menu.footer`: each menu of a menu table, by name.
    func names(in value: YAMLValue, prefix: String) -> [String] {
        guard let table = value.mapValue, !table.isEmpty else { return [prefix] }
        return table.keys.sorted().map { prefix + "." + $0 }
    }
}

private extension HugoConfig {
    /// `params.*`: the repository of edit links, the site's description, and the rest for templates.
    mutating func params(_ value: YAMLValue, field: HugoField, into config: inout SiteConfig) throws(Diagnostic) {
        let table = try field.table(value)
        var github: [String: String] = [:]
        for (key, value) in Self.sorted(table) {
            let sub = self.field("params." + key)
            switch key.lowercased() {
            case "github" where value.mapValue != nil:
                for (name, item) in Self.sorted(value.mapValue ?? [:]) {
                    let lower = name.lowercased()
                    if ["repo", "branch", "subdir"].contains(lower) {
                        github[lower] = try self.field("params.\(key).\(name)").text(item)
                    } else {
                        unused.append("params.\(key).\(name)")
                    }
                }
            case "github_repo", "github_branch", "github_subdir":
                // Docsy's own names; `params.github.*` (the model's own layouts read those) wins over them.
                let name = String(key.lowercased().dropFirst("github_".count))
                let text = try sub.text(value)
                if github[name] == nil { github[name] = text }
            case "description": config.description = try sub.text(value)
            default:
                // A key site.yml reads as a setting could not be written into site.yml as a parameter.
                if SiteConfigLoader.settingKeys.contains(key) {
                    unused.append("params." + key)
                } else {
                    config.params[key] = value
                }
            }
        }
        if let repo = github["repo"], !repo.isEmpty {
            let url = repo.hasSuffix("/") ? String(repo.dropLast()) : repo
            config.repository = .init(url: url, branch: github["branch"] ?? "main", path: github["subdir"] ?? "")
        } else {
            unused += github.keys.filter { $0 != "repo" }.sorted().map { "params.github." + $0 }
        }
    }
}
