import ArgumentParser
import CNMMKit
import Foundation

/// `cnmm init --from-hugo`: writes the `site.yml` equivalent to the site's Hugo configuration.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented site.yml equivalent to the site's Hugo configuration (with --from-hugo).")

    @Flag(name: .customLong("from-hugo"), help: "Make site.yml from hugo.toml, config.toml, hugo.yaml or config.yaml.")
    var fromHugo = false

    @Option(help: "The site's folder.")
    var source: String = "."

    @Option(help: "Hugo's config file, relative to the source folder. Default: the first of Hugo's files there.")
    var config: String?

    func validate() throws {
        guard fromHugo else {
            throw ValidationError("cnmm init makes a site.yml from Hugo's configuration: add --from-hugo")
        }
    }

    func run() throws {
        let root = URL.resolving(source, against: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        do {
            let outcome = try HugoMigration(sourceRoot: root, configPath: config).run()
            for note in outcome.notes { FileHandle.standardError.write(Data((note.description + "\n").utf8)) }
            print("Wrote \(outcome.written) from \(outcome.source).")
        } catch {
            throw CommandError(message: error.description)
        }
    }
}
