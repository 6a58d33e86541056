import Foundation
import Hummingbird
import Logging

/// `cnmm serve`: builds the site in memory, serves it on a local address, rebuilds it on every save
/// and reloads the open pages.
///
/// The router and the application are made by `buildRouter` and `buildApplication`, which the tests
/// call to run the real server on port 0. The user's output folder is never read or written.
public struct PreviewServer: Sendable {
    public var options: PreviewOptions
    public var logger: Logger
    /// Hears what happens (the address, each build); called from the server's threads.
    public var report: @Sendable (PreviewEvent) -> Void
    /// Where tests reach in; empty otherwise.
    var hooks = PreviewHooks()

    public init(options: PreviewOptions, logger: Logger, report: @escaping @Sendable (PreviewEvent) -> Void) {
        self.options = options
        self.logger = logger
        self.report = report
    }

    /// Builds the site, then serves it until SIGINT or SIGTERM.
    public func run() async throws {
        let application = try await buildApplication()
        do {
            try await application.runService()
        } catch {
            throw PreviewError(error, host: options.host, port: options.port) ?? error
        }
    }

    /// A warning for an address other machines can reach; nil for loopback addresses.
    public static func addressWarning(host: String) -> String? {
        guard !HostPolicy.isLoopbackAddress(host) else { return nil }
        return "listening on \(host): other machines on the network can read the site and its drafts"
    }
}
