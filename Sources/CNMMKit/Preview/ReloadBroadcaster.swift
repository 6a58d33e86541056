import Foundation
import ServiceLifecycle

/// Sends live-reload messages to every open event stream (Server-Sent Events).
///
/// A connection subscribes and first gets `hello` with the current site version, then `reload`
/// with each new one. As a service it writes a comment line to every stream each `heartbeat`, so a
/// closed connection is noticed and let go, and it ends every stream on shutdown.
final class ReloadBroadcaster: Service, @unchecked Sendable {
    /// One open event stream.
    struct Subscription: Sendable {
        var id: Int
        var messages: AsyncStream<String>
    }

    let heartbeat: Duration
    private let lock = NSLock()
    private var subscribers: [Int: AsyncStream<String>.Continuation] = [:]
    private var nextID = 0
    private var version: String
    private var closed = false

    init(version: String, heartbeat: Duration = .seconds(15)) {
        self.version = version
        self.heartbeat = heartbeat
    }

    /// A new stream, starting with `hello` and the current version.
    func subscribe() -> Subscription {
        let (stream, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(8))
        lock.lock()
        defer { lock.unlock() }
        let id = nextID
        nextID += 1
        continuation.yield("retry: 1000\n" + Self.event("hello", version))
        if closed {
            continuation.finish()
        } else {
            subscribers[id] = continuation
        }
        return Subscription(id: id, messages: stream)
    }

    func unsubscribe(_ id: Int) {
        lock.lock()
        let continuation = subscribers.removeValue(forKey: id)
        lock.unlock()
        continuation?.finish()
    }

    /// Tells every open page that the site is now at `version`.
    func publish(version: String) {
        lock.lock()
        defer { lock.unlock() }
        self.version = version
        for continuation in subscribers.values { continuation.yield(Self.event("reload", version)) }
    }

    var subscriberCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return subscribers.count
    }

    func run() async throws {
        _ = await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try? await Task.sleep(for: self.heartbeat)
                self.send(": keep-alive\n\n")
            }
        }
        close()
    }
}

extension ReloadBroadcaster {
    fileprivate static func event(_ name: String, _ data: String) -> String {
        "event: \(name)\ndata: \(data)\n\n"
    }

    /// Ends every stream; later subscribers get `hello` and the end.
    fileprivate func close() {
        lock.lock()
        closed = true
        let open = subscribers.values
        subscribers = [:]
        lock.unlock()
        for continuation in open { continuation.finish() }
    }

    fileprivate func send(_ message: String) {
        lock.lock()
        defer { lock.unlock() }
        for continuation in subscribers.values { continuation.yield(message) }
    }
}
