/// A build or preview started in a folder that holds no site: a usage error (exit code 2), not a build failure.
public struct NoSiteError: Error, Sendable, CustomStringConvertible {
    /// The source folder, as an absolute path.
    public var folder: String

    public var description: String {
        "no site in \(folder) (no site.yml, config.toml or content/); use --source"
    }
}
