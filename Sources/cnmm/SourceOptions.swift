import ArgumentParser
import CNMMKit
import Foundation

/// The options every command that reads a site shares.
struct SourceOptions: ParsableArguments {
    @Option(help: "The site's folder (holding content/, static/, themes/, site.yml).")
    var source: String = "."

    @Option(help: "The config file, relative to the source folder. Default: site.yml when present.")
    var config: String?

    @Option(
        help: ArgumentHelp(
            "The theme folder, relative to the source folder.",
            discussion: """
                Default: themes/default in the source folder, else the default theme installed with cnmm \
                (<prefix>/share/cnmm/themes/default beside <prefix>/bin/cnmm).
                """))
    var theme: String?

    @Flag(help: "Include pages marked draft: true.")
    var drafts = false

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    var sourceRoot: URL {
        URL.resolving(source, against: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    }

    /// `--theme`, else the site's `themes/default`, else the theme installed beside this binary.
    var themePath: String {
        theme ?? BuildOptions.defaultThemePath(sourceRoot: sourceRoot, executable: Bundle.main.executableURL)
    }
}
