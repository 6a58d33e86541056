import ArgumentParser
import CNMMKit
import Foundation

/// The options every command that reads a site shares.
struct SourceOptions: ParsableArguments {
    @Option(help: "The site's folder (holding content/, static/, themes/, site.yml).")
    var source: String = "."

    @Option(help: "The config file, relative to the source folder. Default: site.yml when present.")
    var config: String?

    @Option(help: "The theme folder, relative to the source folder.")
    var theme: String = "themes/default"

    @Flag(help: "Include pages marked draft: true.")
    var drafts = false

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    var sourceRoot: URL {
        URL.resolving(source, against: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    }
}
