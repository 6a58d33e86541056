import NIOCore

/// One file of the site as the server sends it: its bytes, ready to send, and its content type.
struct ServedFile: Sendable {
    var body: ByteBuffer
    var contentType: String

    init(body: ByteBuffer, contentType: String) {
        self.body = body
        self.contentType = contentType
    }

    init(path: String, bytes: some Sequence<UInt8>) {
        self.init(body: ByteBuffer(bytes: bytes), contentType: ContentType.of(path: path))
    }
}
