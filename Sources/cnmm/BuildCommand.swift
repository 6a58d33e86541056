import ArgumentParser
import CNMMKit
import Foundation
import Logging

/// `cnmm build`: renders the site into the output folder.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build", abstract: "Build the site into the output folder.")

    @OptionGroup var source: SourceOptions

    @Option(help: "The output folder, relative to the source folder.")
    var output: String = "public"

    @Option(name: .customLong("base-url"), help: "The URL the site is published at (overrides site.yml).")
    var baseURL: String?

    @Option(name: .customLong("language"), help: "Build only this language's edition, at the root of the output.")
    var edition: String?

    @Flag(
        help: "Print the time of each stage (load, assemble, markdown, render, search, check, write) after the summary."
    )
    var timings = false

    func run() throws {
        var options = BuildOptions(
            sourceRoot: source.sourceRoot, configPath: source.config, themePath: source.themePath, outputPath: output,
            baseURL: baseURL, includeDrafts: source.drafts, strict: source.strict)
        options.edition = edition
        var builder = SiteBuilder(options: options)
        let display = ProgressDisplay.startIfTerminal()
        let signals = Self.removeStagingOnSignals(display: display)
        defer { signals.forEach { $0.cancel() } }
        builder.progress = display?.progress
        defer { display?.stop() }
        do {
            let summary = try builder.build()
            display?.stop()
            for diagnostic in summary.notes + summary.warnings {
                FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
            }
            print(summary.text)
            if timings { print(summary.stagesText) }
        } catch let failure as BuildFailure {
            let errors = failure.errors.count
            throw CommandError(
                message: failure.description
                    + "\nBuild failed: \(errors) error\(errors == 1 ? "" : "s"); the output folder was not changed.")
        } catch let error as NoSiteError {
            throw error
        } catch {
            throw CommandError(message: "error: \(error.localizedDescription)")
        }
    }

    /// Ctrl-C (or a TERM or HUP) during a build removes the build's staging folder, then exits as the signal would
    /// (128 + its number); the output folder is never half-written.
    private static func removeStagingOnSignals(display: ProgressDisplay?) -> [any DispatchSourceSignal] {
        [SIGINT, SIGTERM, SIGHUP].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                display?.stop()
                FileHandle.standardError.write(Data("Build stopped; the output folder was not changed.\n".utf8))
                SiteBuilder.removeStagingFolders()
                Foundation.exit(128 + number)
            }
            source.resume()
            return source
        }
    }
}
