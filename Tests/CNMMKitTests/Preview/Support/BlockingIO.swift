import Foundation

/// Runs blocking work (socket calls) on a thread of its own, so the concurrency pool the server's
/// tasks need is never blocked by a test waiting for the server.
func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread { continuation.resume(with: Result { try work() }) }
        thread.start()
    }
}

/// A wait that took longer than it may.
struct TimedOut: Error, CustomStringConvertible {
    var what: String
    var description: String { "timed out waiting for \(what)" }
}

/// The result of `operation`, or `TimedOut` after `seconds`: a bound on a wait, never an assertion on time.
func withTimeout<T: Sendable>(
    _ seconds: Double = 30, _ what: String, _ operation: @escaping @Sendable () async throws -> T
) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(for: .seconds(seconds))
            throw TimedOut(what: what)
        }
        defer { group.cancelAll() }
        return try await group.next()!
    }
}
