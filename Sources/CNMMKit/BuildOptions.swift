import Foundation

/// What to build and where: the source root, config, theme, output, and switches.
public struct BuildOptions: Sendable {
    public var sourceRoot: URL
    /// The config file relative to the source root; nil means `site.yml`, optional.
    public var configPath: String?
    /// The theme folder; relative paths are taken from the source root.
    public var themePath: String
    /// The output folder; relative paths are taken from the source root.
    public var outputPath: String
    public var baseURL: String?
    public var includeDrafts: Bool
    public var strict: Bool
    /// Adds `noindex` to every page (preview builds).
    public var noindex: Bool
    /// Builds only this language's edition, at the root of the output.
    public var edition: String?

    public init(
        sourceRoot: URL, configPath: String? = nil, themePath: String = "themes/default", outputPath: String = "public",
        baseURL: String? = nil, includeDrafts: Bool = false, strict: Bool = false, noindex: Bool = false
    ) {
        self.sourceRoot = sourceRoot.standardizedFileURL
        self.configPath = configPath
        self.themePath = themePath
        self.outputPath = outputPath
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
        self.strict = strict
        self.noindex = noindex
    }

    public var themeFolder: URL { URL.resolving(themePath, against: sourceRoot) }
    /// The config file: `configPath`, else `site.yml`, else the first of Hugo's files there is, else `site.yml`
    /// (which the site does not have yet), from the source root.
    public var configFile: URL {
        URL.resolving(configPath ?? SiteConfigLoader.configFile(in: sourceRoot) ?? "site.yml", against: sourceRoot)
    }
    public var outputFolder: URL { URL.resolving(outputPath, against: sourceRoot) }

    /// Refuses a source folder that holds no site: no config file named, and no `site.yml`, no Hugo configuration
    /// and no `content/` in it (a build run in the wrong folder). Checked before anything is read or written.
    public func requireSite() throws(NoSiteError) {
        guard configPath == nil, SiteConfigLoader.configFile(in: sourceRoot) == nil else { return }
        var isDirectory: ObjCBool = false
        let content = sourceRoot.appendingPathComponent("content").path
        if FileManager.default.fileExists(atPath: content, isDirectory: &isDirectory), isDirectory.boolValue { return }
        throw NoSiteError(folder: sourceRoot.path)
    }
}
