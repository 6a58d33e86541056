import Foundation

/// A thread-safe collector of the diagnostics a build produces.
///
/// Stages report problems here instead of stopping at the first one, so that a run reports
/// all of them. A warning is kept once per distinct text.
public final class DiagnosticLog: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Diagnostic] = []
    private var seen: Set<Diagnostic> = []

    public init() {}

    public func report(_ diagnostic: Diagnostic) {
        lock.lock()
        defer { lock.unlock() }
        if seen.insert(diagnostic).inserted {
            items.append(diagnostic)
        }
    }

    public var all: [Diagnostic] {
        lock.lock()
        defer { lock.unlock() }
        return items.sorted(by: Diagnostic.sourceOrder)
    }

    public var hasErrors: Bool { all.contains { $0.severity == .error } }
    public var warnings: [Diagnostic] { all.filter { $0.severity == .warning } }
    public var notes: [Diagnostic] { all.filter { $0.severity == .note } }

    /// Throws a `BuildFailure` with everything collected when any error (or, when `strict`, any warning) was reported.
    /// Notes never fail a build; they stay notes.
    public func throwIfFailed(strict: Bool = false) throws {
        let all = self.all
        if all.contains(where: { $0.severity == .error || (strict && $0.severity == .warning) }) {
            throw BuildFailure(
                all.map {
                    strict && $0.severity == .warning
                        ? Diagnostic(.error, path: $0.path, line: $0.line, column: $0.column, $0.message) : $0
                })
        }
    }
}
