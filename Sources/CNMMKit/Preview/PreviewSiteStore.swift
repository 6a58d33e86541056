import Foundation

/// The site the server answers from: one snapshot, replaced whole after each build.
///
/// Requests read the current snapshot once and answer from it; a build publishes the next one.
final class PreviewSiteStore: @unchecked Sendable {
    private let lock = NSLock()
    private var snapshot: PreviewSnapshot

    init(_ snapshot: PreviewSnapshot) {
        self.snapshot = snapshot
    }

    var current: PreviewSnapshot {
        lock.lock()
        defer { lock.unlock() }
        return snapshot
    }

    func publish(_ next: PreviewSnapshot) {
        lock.lock()
        defer { lock.unlock() }
        snapshot = next
    }
}
