import CNMMKit
import Foundation

/// Shows a long build's progress on a terminal: after a second, one line redrawn in place
/// (`cnmm: render 1200/2000 pages`). Nothing is shown when standard error is not a terminal
/// (logs, CI) or when `CI` is set.
final class ProgressDisplay: @unchecked Sendable {
    let progress = BuildProgress()
    private let lock = NSLock()
    private var stopped = false
    private var drawn = false

    static func startIfTerminal() -> ProgressDisplay? {
        guard isatty(STDERR_FILENO) == 1, ProcessInfo.processInfo.environment["CI"] == nil else { return nil }
        let display = ProgressDisplay()
        Thread.detachNewThread { display.loop() }
        return display
    }

    private func loop() {
        Thread.sleep(forTimeInterval: 1)
        while true {
            lock.lock()
            if stopped {
                lock.unlock()
                return
            }
            let (stage, done, total) = progress.snapshot
            let counts = total > 0 ? " \(done)/\(total)" : ""
            FileHandle.standardError.write(Data("\r\u{1B}[Kcnmm: \(stage)\(counts)".utf8))
            drawn = true
            lock.unlock()
            Thread.sleep(forTimeInterval: 0.2)
        }
    }

    /// Stops drawing and clears the line; safe to call more than once.
    func stop() {
        lock.lock()
        defer { lock.unlock() }
        if drawn && !stopped { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        stopped = true
    }
}
