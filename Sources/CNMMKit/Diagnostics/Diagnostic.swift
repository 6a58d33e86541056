import Foundation

/// One problem found in a build: where it is, which stage found it, and what it is.
///
/// Diagnostics print in the form editors and CI parse: `path:line:col: error: message`.
/// Line and column are 1-based and always refer to the real file (front matter included);
/// `0` means unknown and is left out of the printed form.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
        /// Information that is no problem: printed, never counted as a warning, not failed by `--strict`.
        case note
    }

    public var severity: Severity
    /// A path relative to the source root where possible, so messages never name the machine.
    public var path: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(_ severity: Severity, path: String, line: Int = 0, column: Int = 0, _ message: String) {
        self.severity = severity
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    public static func error(_ path: String, line: Int = 0, column: Int = 0, _ message: String) -> Diagnostic {
        Diagnostic(.error, path: path, line: line, column: column, message)
    }

    public static func warning(_ path: String, line: Int = 0, column: Int = 0, _ message: String) -> Diagnostic {
        Diagnostic(.warning, path: path, line: line, column: column, message)
    }

    public static func note(_ path: String, line: Int = 0, _ message: String) -> Diagnostic {
        Diagnostic(.note, path: path, line: line, message)
    }

    public var description: String {
        var location = path
        if line > 0 {
            location += ":\(line)"
            if column > 0 { location += ":\(column)" }
        }
        return "\(location): \(severity.rawValue): \(message)"
    }
}
