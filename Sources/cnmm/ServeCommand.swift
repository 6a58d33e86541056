import ArgumentParser
import CNMMKit
import Foundation
import Logging

#if canImport(CMimalloc)
    import CMimalloc
#endif

/// `cnmm serve`: builds the site in memory, serves it locally and reloads the browser on every save.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the site locally from memory; rebuild and reload the browser on every save.")

    @OptionGroup var source: SourceOptions

    @Option(help: "The address to listen on. Anything but a loopback address is reachable from other machines.")
    var host: String = "127.0.0.1"

    @Option(help: "The port to listen on (0: any free port).")
    var port: Int = 1313

    @Flag(help: "Poll the sources for changes instead of using inotify.")
    var poll = false

    @Flag(help: "Print the time of each build stage after every build.")
    var timings = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        #if canImport(CMimalloc)
            // Memory a rebuild frees stays with the process for the next one (100 s instead of mimalloc's 25 ms):
            // giving it back and faulting it in again cost each rebuild of 1,000 pages about 15 ms.
            mi_option_set(mi_option_decommit_delay, 100_000)
        #endif
        var options = PreviewOptions(
            build: BuildOptions(
                sourceRoot: source.sourceRoot, configPath: source.config, themePath: source.themePath,
                includeDrafts: source.drafts, strict: source.strict),
            host: host, port: port, poll: poll)
        options.timings = timings
        try options.build.requireSite()
        var logger = Logger(label: "cnmm.serve")
        logger.logLevel = .warning
        do {
            try await PreviewServer(options: options, logger: logger, report: Self.print).run()
        } catch let error as PreviewError {
            throw CommandError(message: "error: \(error)")
        }
    }

    private static func print(_ event: PreviewEvent) {
        let handle = event.isProblem ? FileHandle.standardError : FileHandle.standardOutput
        handle.write(Data((event.text + "\n").utf8))
    }
}
