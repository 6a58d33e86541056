import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import Testing

@testable import CNMMKit

@Suite("Live-reload broadcaster")
struct ReloadBroadcasterTests {
    @Test("a stream starts with hello and the current version, then gets reload with each new one")
    func messages() async {
        let broadcaster = ReloadBroadcaster(version: "a-1")
        let subscription = broadcaster.subscribe()
        broadcaster.publish(version: "a-2")
        var messages = subscription.messages.makeAsyncIterator()
        #expect(await messages.next() == "retry: 1000\nevent: hello\ndata: a-1\n\n")
        #expect(await messages.next() == "event: reload\ndata: a-2\n\n")
        #expect(broadcaster.subscriberCount == 1)
        broadcaster.unsubscribe(subscription.id)
        #expect(await messages.next() == nil)
        #expect(broadcaster.subscriberCount == 0)
    }

    @Test("the router's event stream lets go of a browser as soon as it closes the connection")
    func closedConnection() async throws {
        let site = try TestSite.goldenCopy()
        defer { site.remove() }
        let broadcaster = ReloadBroadcaster(version: "v-1")
        let store = PreviewSiteStore(
            PreviewSnapshot(version: "v-1", files: [:], basePath: "/", failure: nil))
        let server = PreviewServer(options: PreviewOptions(build: site.options(), port: 0), logger: Self.logger) { _ in
        }
        let (ports, announce) = AsyncStream.makeStream(of: Int.self)
        let application = Application(
            router: server.buildRouter(store: store, broadcaster: broadcaster),
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { announce.yield($0.localAddress?.port ?? 0) }, logger: Self.logger)
        let group = ServiceGroup(configuration: .init(services: [application], logger: Self.logger))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            let port = try await withTimeout(60, "the server") {
                for await port in ports { return port }
                throw TimedOut(what: "the port")
            }
            let (client, hello) = try await EventStreamClient.connect(port: port)
            #expect(hello.data == "v-1")
            #expect(broadcaster.subscriberCount == 1)
            client.close()
            try await withTimeout(10, "the subscription to end") {
                while broadcaster.subscriberCount > 0 { try await Task.sleep(for: .milliseconds(10)) }
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    static let logger = Logger(label: "cnmm.preview.test") { _ in SwiftLogNoOpLogHandler() }
}
