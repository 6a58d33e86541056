import Foundation
import Logging
import ServiceLifecycle
import Testing

@testable import CNMMKit

/// The real preview server for one test: built by `buildApplication`, listening on 127.0.0.1 at a
/// port the system picked, stopped by a graceful shutdown when the test's body ends.
struct RunningPreview: Sendable {
    let port: Int
    let site: TestSite
    let reports: ReportLog

    /// Runs `body` against a server for `site`; `hooks` reach into it (a held build, lower inotify limits).
    static func serve<T: Sendable>(
        _ site: TestSite, poll: Bool = false, quietPeriod: Duration = .milliseconds(20),
        hooks: PreviewHooks = PreviewHooks(), _ body: @Sendable (RunningPreview) async throws -> T
    ) async throws -> T {
        let reports = ReportLog()
        let (listening, announce) = AsyncStream.makeStream(of: Int.self)
        let options = PreviewOptions(
            build: site.options(), host: "127.0.0.1", port: 0, poll: poll, pollInterval: .milliseconds(50),
            quietPeriod: quietPeriod, maximumDelay: .seconds(10))
        let logger = Logger(label: "cnmm.preview.test") { _ in SwiftLogNoOpLogHandler() }
        var server = PreviewServer(options: options, logger: logger) { event in
            reports.append(event)
            if case .listening(_, let port) = event { announce.yield(port) }
        }
        server.hooks = hooks
        let application = try await server.buildApplication()
        let group = ServiceGroup(configuration: .init(services: [application], logger: logger))
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            do {
                let port = try await withTimeout(60, "the server to listen") {
                    for await port in listening { return port }
                    throw TimedOut(what: "the port")
                }
                let result = try await body(RunningPreview(port: port, site: site, reports: reports))
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
                return result
            } catch {
                await group.triggerGracefulShutdown()
                try? await tasks.waitForAll()
                throw error
            }
        }
    }

    /// Sends a request with exactly these bytes and reads the answer until the server closes.
    func send(_ request: [UInt8]) async throws -> RawResponse {
        let port = port
        let bytes = try await onOwnThread {
            let socket = try RawSocket(port: port)
            try socket.send(request)
            return try socket.receiveAll()
        }
        return try RawResponse(bytes)
    }

    /// A request with a raw target (sent as it is), the server's own Host unless another is given.
    func request(
        _ target: String, method: String = "GET", host: String? = nil, headers: [String] = []
    ) async throws -> RawResponse {
        var lines = ["\(method) \(target) HTTP/1.1"]
        let host = host ?? "127.0.0.1:\(port)"
        if !host.isEmpty { lines.append("Host: \(host)") }
        lines += headers + ["Connection: close", "", ""]
        return try await send(Array(lines.joined(separator: "\r\n").utf8))
    }

    /// An open live-reload connection, past its `hello`.
    func events() async throws -> (EventStreamClient, hello: EventStreamClient.Event) {
        try await EventStreamClient.connect(port: port)
    }

    /// Waits for reload events until `path` is served the way `shows` wants; that reload, that build and that answer.
    ///
    /// A save writes a file in place: a poll can see it emptied and the next poll see it written, so
    /// one save may cause two builds of the same sources. Reloads on the way are let by.
    func reloads(
        _ events: EventStreamClient, until path: String, _ shows: @Sendable (RawResponse) -> Bool
    ) async throws -> (reload: EventStreamClient.Event, build: PreviewBuildReport, response: RawResponse) {
        while true {
            let reload = try await events.next("reload")
            let response = try await request(path)
            guard shows(response) else { continue }
            let generation = try #require(PreviewReloadTests.version(reload.data)).1
            return (reload, try await reports.build(number: generation), response)
        }
    }
}

extension TestSite {
    /// A copy of the golden fixture site (two languages, the model, a base URL with a path) in a temporary folder.
    static func goldenCopy() throws -> TestSite {
        let source = GoldenSiteTests.fixture.appendingPathComponent("source")
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("cnmm-preview-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: source, to: work)
        return TestSite(existing: work)
    }
}
