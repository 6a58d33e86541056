import Hummingbird
import ServiceLifecycle

extension PreviewServer {
    /// The routes: the `Host` and method checks before everything, the live-reload event stream, and
    /// every other path answered from the site in memory.
    func buildRouter(store: PreviewSiteStore, broadcaster: ReloadBroadcaster) -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: PreviewGuardMiddleware(hosts: HostPolicy(boundHost: options.host)))
        router.add(middleware: SiteMiddleware(store: store))
        router.get(RouterPath(LiveReload.eventsPath)) { request, _ in
            Self.eventStream(broadcaster, request: request)
        }
        return router
    }

    /// A Server-Sent Events response that lasts until the browser goes or the server shuts down.
    static func eventStream(_ broadcaster: ReloadBroadcaster, request: Request) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"],
            body: ResponseBody { writer in
                let subscription = broadcaster.subscribe()
                defer { broadcaster.unsubscribe(subscription.id) }
                // Ends as soon as the browser closes the connection, not at the next write.
                _ = try? await request.body.consumeWithCancellationOnInboundClose { _ in
                    for await message in subscription.messages.cancelOnGracefulShutdown() {
                        try await writer.write(ByteBuffer(string: message))
                    }
                }
                try await writer.finish(nil)
            })
    }
}
