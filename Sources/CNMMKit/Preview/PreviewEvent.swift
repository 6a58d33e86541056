/// What the preview server tells the person running it, as it happens.
public enum PreviewEvent: Sendable {
    /// The server listens; the site is at `url`.
    case listening(url: String, port: Int)
    /// A build ended, good or not.
    case built(PreviewBuildReport)
    /// Something about the server itself: an address reachable from other machines, a fallback to polling.
    case note(String)

    /// The line (or lines) to print; control characters are already escaped.
    public var text: String {
        switch self {
        case .listening(let url, _): "Serving the site at \(url) (Ctrl-C stops)"
        case .built(let report): report.text
        case .note(let text): "note: " + SafeText.console(text)
        }
    }

    /// Whether the text belongs on standard error.
    public var isProblem: Bool {
        switch self {
        case .listening: false
        case .built(let report): !report.succeeded || !report.warnings.isEmpty
        case .note: true
        }
    }
}
