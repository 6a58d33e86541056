import Foundation

/// One file of the built site: where it goes in the output folder and what it holds.
public struct OutputFile: Sendable {
    /// What a file holds: bytes made by the build, a source file copied as it is, or a page already written
    /// into the build's staging folder (its size, and its ids and links for the link check).
    public enum Content: Sendable {
        case data(Data)
        case copy(URL)
        case staged(bytes: Int, anchors: PageAnchors)
    }

    /// Path relative to the output folder (`level-3/index.html`).
    public var path: String
    public var content: Content

    public init(path: String, content: Content) {
        self.path = path
        self.content = content
    }

    public init(path: String, text: String) {
        self.init(path: path, content: .data(Data(text.utf8)))
    }
}
