import Foundation

@testable import CNMMKit

/// Every build the server reported, in order, with a way to wait for the next; and its notes.
final class ReportLog: @unchecked Sendable {
    private let lock = NSLock()
    private var reports: [PreviewBuildReport] = []
    private var noted: [String] = []
    private var waiters: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []

    func append(_ event: PreviewEvent) {
        if case .note(let text) = event {
            lock.lock()
            noted.append(text)
            lock.unlock()
        }
        guard case .built(let report) = event else { return }
        lock.lock()
        reports.append(report)
        let count = reports.count
        let ready = waiters.filter { $0.count <= count }
        waiters.removeAll { $0.count <= count }
        lock.unlock()
        for waiter in ready { waiter.continuation.resume() }
    }

    /// The report of the `number`th build (1: the first, at start), once it is there.
    func build(number: Int) async throws -> PreviewBuildReport {
        try await withTimeout(30, "build \(number)") { [self] in
            await withCheckedContinuation { continuation in
                lock.lock()
                if reports.count >= number {
                    lock.unlock()
                    continuation.resume()
                } else {
                    waiters.append((number, continuation))
                    lock.unlock()
                }
            }
        }
        return builds[number - 1]
    }

    var builds: [PreviewBuildReport] {
        lock.lock()
        defer { lock.unlock() }
        return reports
    }

    /// The server's notes so far (a fallback to polling), as reported.
    var notes: [String] {
        lock.lock()
        defer { lock.unlock() }
        return noted
    }
}
