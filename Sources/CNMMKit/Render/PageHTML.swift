import Mustache

/// A page's HTML in its view model, with a digest made once: what `{{{page.content}}}` places.
///
/// The preview fingerprints every page's view model on every rebuild (`RenderMemo`); hashing each page's
/// HTML again was most of that. The digest is made when the Markdown is rendered and kept with it, so an
/// unchanged page costs one number. Renders as its text, like a plain string.
final class PageHTML: MustacheCustomRenderable, Sendable {
    let text: String
    let digest: Int

    init(_ text: String, digest: Int) {
        self.text = text
        self.digest = digest
    }

    var renderText: String { text }
    var isNull: Bool { false }

    /// A hash of the text's UTF-8 bytes (within one process).
    static func digest(of text: String) -> Int {
        var text = text
        var hasher = Hasher()
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        hasher.combine(text.utf8.count)
        return hasher.finalize()
    }
}
