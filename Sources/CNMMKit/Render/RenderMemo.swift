import Foundation

/// The HTML of pages rendered by earlier builds, by the fingerprint of their layout and view model.
///
/// Rendering a page is a pure function of its layout, its view model and the theme, so a page whose
/// view model did not change since the last build renders to the same HTML and need not be rendered
/// again. The preview server keeps one memo across its rebuilds and drops it when the theme changes;
/// `cnmm build` has none. Entries a build did not use are forgotten when it ends.
public final class RenderMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var previous: [ContextFingerprint: String] = [:]
    private var current: [ContextFingerprint: String] = [:]
    private var rendered = 0
    private var reused = 0

    public init() {}

    /// The page's HTML from the memo, or from `render` (then kept). Called from several threads at once.
    func html(layout: String, context: Any, render: () -> String?) -> String? {
        guard let key = ContextFingerprint(layout: layout, context: context) else { return render() }
        lock.lock()
        if let html = current[key] ?? previous[key] {
            current[key] = html
            reused += 1
            lock.unlock()
            return html
        }
        lock.unlock()
        guard let html = render() else { return nil }
        lock.lock()
        current[key] = html
        rendered += 1
        lock.unlock()
        return html
    }

    /// Ends a build: keeps what it used, forgets the rest; returns how many pages it rendered and reused.
    @discardableResult
    public func endBuild() -> (rendered: Int, reused: Int) {
        lock.lock()
        defer { lock.unlock() }
        let counts = (rendered, reused)
        if !current.isEmpty { previous = current }
        current = [:]
        (rendered, reused) = (0, 0)
        return counts
    }

    /// Forgets everything (the theme changed).
    public func clear() {
        lock.lock()
        defer { lock.unlock() }
        previous = [:]
        current = [:]
    }
}
