import Foundation
import NIOCore

/// One file of the site as the server sends it: its bytes and its content type.
///
/// The bytes are the build's own (`Data`, shared, never copied while building); a response copies them into
/// a buffer of its own, which for a page also takes the live-reload script.
struct ServedFile: Sendable {
    var body: Data
    var contentType: String
    /// Where the live-reload script goes in a page (before its last `</body>`); nil for every other file.
    ///
    /// The script names the build's version, so it is put in as the page is sent: a page a rebuild did not
    /// change is then the very same file in the next snapshot.
    var reloadAt: Int?

    init(body: Data, contentType: String, reloadAt: Int? = nil) {
        self.body = body
        self.contentType = contentType
        self.reloadAt = reloadAt
    }

    init(path: String, bytes: Data) {
        self.init(body: bytes, contentType: ContentType.of(path: path))
    }

    /// A page of the site, which gets the live-reload script when it is sent.
    init(page: Data, path: String) {
        self.init(body: page, contentType: ContentType.of(path: path), reloadAt: LiveReload.insertionPoint(in: page))
    }

    /// The bytes to send for a snapshot of the given version.
    func body(version: String) -> ByteBuffer {
        guard let reloadAt, reloadAt <= body.count else { return ByteBuffer(bytes: body) }
        let script = LiveReload.script(version: version)
        var result = ByteBuffer()
        result.reserveCapacity(body.count + script.utf8.count)
        let split = body.startIndex + reloadAt
        result.writeBytes(body[body.startIndex..<split])
        result.writeString(script)
        result.writeBytes(body[split...])
        return result
    }
}
