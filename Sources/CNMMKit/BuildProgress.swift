import Foundation

/// Where a running build is: its stage, and pages done of the total in the stages that go page by page.
///
/// The build writes it; a terminal display reads it (see `cnmm build`). It never prints anything itself.
public final class BuildProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var current = (stage: "load", done: 0, total: 0)

    public init() {}

    /// The stage, pages done and total, read at one moment.
    public var snapshot: (stage: String, done: Int, total: Int) {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    func start(_ stage: String, total: Int = 0) {
        lock.lock()
        current = (stage, 0, total)
        lock.unlock()
    }

    func pageDone() {
        lock.lock()
        current.done += 1
        lock.unlock()
    }
}
