import Foundation
import Testing

@testable import CNMMKit

@Suite("Rebuild loop")
struct RebuildLoopTests {
    /// Hands each build's batch to the test and holds the build until the test lets it go.
    final class Builds: @unchecked Sendable {
        let started: AsyncStream<Set<String>>
        private let start: AsyncStream<Set<String>>.Continuation
        private let lock = NSLock()
        private var gates: [CheckedContinuation<Void, Never>] = []
        private var released = 0

        init() {
            (started, start) = AsyncStream.makeStream(of: Set<String>.self)
        }

        func build(_ batch: FileWatcher.Batch) async {
            start.yield(batch.paths)
            await withCheckedContinuation { continuation in
                lock.lock()
                if released > 0 {
                    released -= 1
                    lock.unlock()
                    continuation.resume()
                } else {
                    gates.append(continuation)
                    lock.unlock()
                }
            }
        }

        func release() {
            lock.lock()
            if gates.isEmpty {
                released += 1
                lock.unlock()
            } else {
                let gate = gates.removeFirst()
                lock.unlock()
                gate.resume()
            }
        }
    }

    static func batch(_ paths: String...) -> FileWatcher.Batch {
        FileWatcher.Batch(paths: Set(paths), firstEvent: .now)
    }

    @Test("changes during a build cause exactly one more build, with all of them")
    func oneMore() async throws {
        let builds = Builds()
        let loop = RebuildLoop { await builds.build($0) }
        let running = Task { try await loop.run() }
        defer { running.cancel() }
        var started = builds.started.makeAsyncIterator()

        loop.enqueue(Self.batch("a"))
        #expect(await started.next() == ["a"])
        // While the first build runs, three more saves arrive.
        loop.enqueue(Self.batch("b"))
        loop.enqueue(Self.batch("c"))
        loop.enqueue(Self.batch("b", "d"))
        builds.release()
        #expect(await started.next() == ["b", "c", "d"])
        builds.release()
        // Had the loop queued a build per save, the next build would not be this one.
        loop.enqueue(Self.batch("e"))
        #expect(await started.next() == ["e"])
        builds.release()
    }
}
