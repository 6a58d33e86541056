import Foundation

extension BuildOptions {
    /// The theme folder of a build that names none, as `themePath` takes it.
    ///
    /// The site's own `themes/default` when it has that folder; else the default theme installed with the binary
    /// (`make install PREFIX=…` puts `cnmm` in `PREFIX/bin` and the theme in `PREFIX/share/cnmm/themes/default`),
    /// found from `executable` with symbolic links resolved; else `themes/default`, which the build then reports
    /// missing under that name.
    public static func defaultThemePath(sourceRoot: URL, executable: URL?) -> String {
        let own = "themes/default"
        if isFolder(URL.resolving(own, against: sourceRoot)) { return own }
        if let installed = installedTheme(executable: executable), isFolder(installed) { return installed.path }
        return own
    }

    /// `<the binary's folder>/../share/cnmm/themes/default`, for the binary at `executable`.
    public static func installedTheme(executable: URL?) -> URL? {
        guard let executable else { return nil }
        return executable.resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("share/cnmm/themes/default", isDirectory: true).standardizedFileURL
    }
}

private func isFolder(_ url: URL) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
}
