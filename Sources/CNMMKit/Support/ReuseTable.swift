import Foundation

/// Values a stage made from an input, kept from one preview build to the next: a key's value is reused
/// while its input equals the one it was made from.
///
/// The preview server keeps one table per stage in `BuildReuse`; `cnmm build` has none. Inputs are
/// compared, never hashed, so a reuse costs a comparison of the page's text (far less than making it
/// again) and does not depend on the file watcher having noticed the change. Entries a complete build
/// did not use are forgotten when it ends. Called from several threads at once.
final class ReuseTable<Input: Equatable & Sendable, Output: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var previous: [String: (input: Input, output: Output)] = [:]
    private var current: [String: (input: Input, output: Output)] = [:]
    private var made = 0
    private var reused = 0

    /// The value for `key`: the one kept when it was made from an equal input, else `make()` (then kept).
    func value(_ key: String, input: Input, make: () -> Output) -> Output {
        if let known = known(key, input: input) { return known }
        let output = make()
        keep(key, input: input, output: output)
        return output
    }

    /// The value kept for `key` when it was made from an equal input (then it is used by this build), else nil.
    func known(_ key: String, input: Input) -> Output? {
        lock.lock()
        defer { lock.unlock() }
        guard let known = current[key] ?? previous[key], known.input == input else { return nil }
        current[key] = known
        reused += 1
        return known.output
    }

    /// Keeps a value made from `input` for `key`.
    func keep(_ key: String, input: Input, output: Output) {
        lock.lock()
        defer { lock.unlock() }
        current[key] = (input, output)
        made += 1
    }

    /// Ends a build: a complete one keeps only what it used; one that stopped early keeps everything; one that
    /// asked nothing changes nothing.
    /// Returns how many values the build made and how many it reused.
    @discardableResult
    func endBuild(complete: Bool) -> (made: Int, reused: Int) {
        lock.lock()
        defer { lock.unlock() }
        if made + reused == 0 {
            // A build that asked nothing (or a second call) leaves the table as it was.
        } else if complete {
            previous = current
        } else {
            previous.merge(current) { _, new in new }
        }
        current = [:]
        defer { (made, reused) = (0, 0) }
        return (made, reused)
    }

    /// Forgets everything.
    func clear() {
        lock.lock()
        defer { lock.unlock() }
        previous = [:]
        current = [:]
    }
}
