import Foundation

/// What `cnmm serve` builds and how it listens and watches.
public struct PreviewOptions: Sendable {
    /// How each build runs; its output folder is never used, the site is served from memory.
    public var build: BuildOptions
    /// The address to listen on: a loopback address unless the user asks for another.
    public var host: String
    /// The port to listen on; `0` picks a free one (tests).
    public var port: Int
    /// Polls the sources instead of using inotify.
    public var poll: Bool
    /// How often polling looks at the sources.
    public var pollInterval: Duration
    /// How long the watcher waits for the next event before it rebuilds, so that a burst is one rebuild.
    public var quietPeriod: Duration
    /// The longest a burst may delay a rebuild.
    public var maximumDelay: Duration
    /// How often open event streams get a comment line, which notices closed connections.
    public var heartbeat: Duration
    /// Prints each build's stage times after its report line (`cnmm serve --timings`).
    public var timings = false

    public init(
        build: BuildOptions, host: String = "127.0.0.1", port: Int = 1313, poll: Bool = false,
        pollInterval: Duration = .milliseconds(300), quietPeriod: Duration = .milliseconds(10),
        maximumDelay: Duration = .seconds(1), heartbeat: Duration = .seconds(15)
    ) {
        self.build = build
        self.host = host
        self.port = port
        self.poll = poll
        self.pollInterval = pollInterval
        self.quietPeriod = quietPeriod
        self.maximumDelay = maximumDelay
        self.heartbeat = heartbeat
    }
}
