import Foundation

/// `cnmm init --from-hugo`: writes the `site.yml` that builds the same site as the site's Hugo configuration.
///
/// Input: the source folder and, optionally, Hugo's config file (else the first of `hugo.toml`, `config.toml`,
/// `hugo.yaml`, `config.yaml` there). Output: `site.yml` beside that file, commented (`SiteYAMLText`), and the
/// note naming the keys cnmm does not use. An existing `site.yml` is never overwritten.
public struct HugoMigration: Sendable {
    public var sourceRoot: URL
    /// Hugo's config file, relative to the source root (or absolute); nil: the first of Hugo's files there.
    public var configPath: String?

    public init(sourceRoot: URL, configPath: String? = nil) {
        self.sourceRoot = sourceRoot.standardizedFileURL
        self.configPath = configPath
    }

    /// What was written, from which file.
    public struct Outcome: Sendable {
        /// The `site.yml` written, as the user named the folder (`site.yml`, `website/site.yml`).
        public var written: String
        /// Hugo's config file it was made from.
        public var source: String
        /// The keys of Hugo's configuration cnmm does not use, in one note; empty when it uses them all.
        public var notes: [Diagnostic]
    }

    @discardableResult
    public func run() throws(BuildFailure) -> Outcome {
        guard let source = configPath ?? HugoConfig.fileNames.first(where: exists) else {
            throw BuildFailure([
                .error(
                    sourceRoot.path,
                    "no Hugo configuration here (hugo.toml, config.toml, hugo.yaml or config.yaml); use --source")
            ])
        }
        guard HugoConfig.reads(source) else {
            throw BuildFailure([
                .error(
                    source,
                    "not a Hugo configuration file (\(HugoConfig.fileNames.joined(separator: ", ")) or a .toml file)")
            ])
        }
        let target = ((source as NSString).deletingLastPathComponent as NSString).appendingPathComponent("site.yml")
        let targetURL = URL.resolving(target, against: sourceRoot)
        if FileManager.default.fileExists(atPath: targetURL.path) {
            throw BuildFailure([.error(target, "already exists; cnmm init does not overwrite it (move it away first)")])
        }
        let loaded = try SiteConfigLoader(sourceRoot: sourceRoot, configPath: source).load()
        let text = try SiteYAMLText(
            config: loaded.config, source: (source as NSString).lastPathComponent, unused: loaded.unused
        ).text()
        do {
            // `withoutOverwriting`: a site.yml made meanwhile is kept, and this fails instead.
            try Data(text.utf8).write(to: targetURL, options: .withoutOverwriting)
        } catch {
            throw BuildFailure([.error(target, "could not write: \(error.localizedDescription)")])
        }
        return Outcome(written: target, source: source, notes: loaded.notes)
    }

    private func exists(_ name: String) -> Bool {
        FileManager.default.fileExists(atPath: sourceRoot.appendingPathComponent(name).path)
    }
}
