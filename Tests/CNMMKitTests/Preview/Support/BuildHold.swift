import Foundation

@testable import CNMMKit

/// Holds one rebuild in its middle (through `PreviewHooks.midBuild`) until the test lets it go.
///
/// The build blocks on the builder's own thread; the test hears that it got there through `reached()`.
/// Once released, no build is held again, so a failing test can never leave the server stuck.
final class BuildHold: @unchecked Sendable {
    private let lock = NSLock()
    private var armed = false
    private var released = false
    private let gate = DispatchSemaphore(value: 0)
    private let arrivals: AsyncStream<Void>
    private let arrival: AsyncStream<Void>.Continuation

    init() {
        (arrivals, arrival) = AsyncStream.makeStream(of: Void.self)
    }

    var hooks: PreviewHooks {
        PreviewHooks(midBuild: { [self] in pause() })
    }

    /// Holds the next build that reaches its middle.
    func arm() {
        lock.lock()
        armed = true
        lock.unlock()
    }

    /// Returns once the armed build is held.
    func reached() async throws {
        let arrivals = arrivals
        try await withTimeout(30, "a build to reach its middle") {
            for await _ in arrivals { return }
            throw TimedOut(what: "the held build")
        }
    }

    /// Lets the held build go on, and every later one.
    func release() {
        lock.lock()
        let wasReleased = released
        released = true
        lock.unlock()
        if !wasReleased { gate.signal() }
    }

    private func pause() {
        lock.lock()
        guard armed, !released else {
            lock.unlock()
            return
        }
        armed = false
        lock.unlock()
        arrival.yield()
        gate.wait()
    }
}
