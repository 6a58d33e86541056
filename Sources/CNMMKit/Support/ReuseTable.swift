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

    /// The value for `key`: the one kept when it was made from an equal input, else `make()` (then kept).
    func value(_ key: String, input: Input, make: () -> Output) -> Output {
        lock.lock()
        let known = current[key] ?? previous[key]
        lock.unlock()
        if let known, known.input == input {
            lock.lock()
            current[key] = known
            lock.unlock()
            return known.output
        }
        let output = make()
        lock.lock()
        current[key] = (input, output)
        made += 1
        lock.unlock()
        return output
    }

    /// Ends a build: a complete one keeps only what it used; one that stopped early keeps everything.
    /// Returns how many values the build made (the others were reused).
    @discardableResult
    func endBuild(complete: Bool) -> Int {
        lock.lock()
        defer { lock.unlock() }
        if complete {
            previous = current
        } else {
            previous.merge(current) { _, new in new }
        }
        current = [:]
        defer { made = 0 }
        return made
    }

    /// Forgets everything.
    func clear() {
        lock.lock()
        defer { lock.unlock() }
        previous = [:]
        current = [:]
    }
}
