import Foundation
import Hummingbird
import ServiceLifecycle

extension PreviewServer {
    /// The application: builds the site once, then serves it with the file watcher, the rebuild
    /// loop and the live-reload broadcaster as its services.
    ///
    /// The server starts listening (and reports `.listening` with the port it got) only once the
    /// watcher's watches are set, so every save after that is seen.
    public func buildApplication() async throws -> some ApplicationProtocol {
        if let warning = Self.addressWarning(host: options.host) { report(.note(warning)) }
        let builder = PreviewBuilder(options: options.build, midBuild: hooks.midBuild)
        let first = await builder.build()
        report(
            .built(
                Self.buildReport(
                    first, batch: nil, root: options.build.sourceRoot, reloadSent: nil, timings: options.timings)))
        let store = PreviewSiteStore(first.snapshot)
        let broadcaster = ReloadBroadcaster(version: first.snapshot.version, heartbeat: options.heartbeat)
        let report = report
        let root = options.build.sourceRoot
        let rebuilds = RebuildLoop { batch in
            let outcome = await builder.build(changed: batch.paths)
            store.publish(outcome.snapshot)
            broadcaster.publish(version: outcome.snapshot.version)
            let sent = ContinuousClock.now
            report(
                .built(
                    Self.buildReport(
                        outcome, batch: batch, root: root, reloadSent: sent, timings: options.timings)))
        }
        let watcher = FileWatcher(
            targets: WatchTargets(options: options.build), mode: options.poll ? .poll : .inotify,
            timing: FileWatcher.Timing(
                quietPeriod: options.quietPeriod, maximumDelay: options.maximumDelay,
                pollInterval: options.pollInterval),
            limits: hooks.inotifyLimits, note: { report(.note($0)) }, onChange: rebuilds.enqueue)
        let host = options.host
        var application = Application(
            router: buildRouter(store: store, broadcaster: broadcaster),
            configuration: ApplicationConfiguration(address: .hostname(host, port: options.port)),
            services: [broadcaster, rebuilds, watcher],
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                report(.listening(url: Self.url(host: host, port: port, path: store.current.basePath), port: port))
            },
            logger: logger)
        application.beforeServerStarts { await watcher.ready.wait() }
        return application
    }

    static func url(host: String, port: Int, path: String) -> String {
        let shown = host == "0.0.0.0" || host == "::" ? "127.0.0.1" : host
        return "http://\(shown.contains(":") ? "[\(shown)]" : shown):\(port)\(path)"
    }

    static func buildReport(
        _ outcome: PreviewBuilder.Outcome, batch: FileWatcher.Batch?, root: URL, reloadSent: ContinuousClock.Instant?,
        timings: Bool = false
    ) -> PreviewBuildReport {
        var eventToReload: Double?
        if let batch, let reloadSent {
            let elapsed = reloadSent - batch.firstEvent
            eventToReload = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        }
        let changed = (batch?.paths ?? []).map { PathDisplay.relative(URL(fileURLWithPath: $0), to: root) }.sorted()
        let summaryLines = ((outcome.summary?.notes ?? []) + (outcome.summary?.warnings ?? [])).map(\.description)
        let warnings = summaryLines + outcome.notes
        return PreviewBuildReport(
            succeeded: outcome.failure == nil,
            pages: outcome.summary?.pagesPerLanguage.map { (language: $0.0, count: $0.1) } ?? [],
            changed: changed, buildMilliseconds: outcome.milliseconds, pagesRendered: outcome.pagesRendered,
            pagesReused: outcome.pagesReused, eventToReloadMilliseconds: eventToReload,
            problems: outcome.failure?.problems.map { SafeText.console($0) } ?? [],
            warnings: warnings.map { SafeText.console($0) },
            stagesText: timings ? outcome.summary?.stagesText : nil)
    }
}
