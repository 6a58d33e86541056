import Foundation
import ServiceLifecycle

/// Runs one build at a time for the batches of changes the watcher hands over.
///
/// Batches that arrive during a build are merged into one pending batch: a save during a build
/// causes exactly one more build, and a burst never queues a build per event.
final class RebuildLoop: Service, @unchecked Sendable {
    private let lock = NSLock()
    private var pending: FileWatcher.Batch?
    private let signals: AsyncStream<Void>
    private let signal: AsyncStream<Void>.Continuation
    private let rebuild: @Sendable (FileWatcher.Batch) async -> Void

    init(rebuild: @escaping @Sendable (FileWatcher.Batch) async -> Void) {
        (signals, signal) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        self.rebuild = rebuild
    }

    /// Adds changes to the pending batch; callable from any thread.
    func enqueue(_ batch: FileWatcher.Batch) {
        lock.lock()
        if var merged = pending {
            merged.paths.formUnion(batch.paths)
            merged.firstEvent = min(merged.firstEvent, batch.firstEvent)
            pending = merged
        } else {
            pending = batch
        }
        lock.unlock()
        signal.yield()
    }

    func run() async throws {
        for await _ in signals.cancelOnGracefulShutdown() {
            guard let batch = take() else { continue }
            await rebuild(batch)
        }
    }

    private func take() -> FileWatcher.Batch? {
        lock.lock()
        defer { lock.unlock() }
        let batch = pending
        pending = nil
        return batch
    }
}
