import Foundation

/// A file's bytes as a memo's input: two values that share one buffer are equal without reading it.
///
/// The preview's rebuilds hand a page the previous build made on to the next stage as the same `Data` (the
/// render shortcut keeps it), so the link check and the snapshot see the same buffer again and need not compare
/// tens of megabytes byte by byte. Bytes in different buffers are compared as usual.
struct PageBytes: Equatable, Sendable {
    var data: Data

    init(_ data: Data) {
        self.data = data
    }

    static func == (lhs: PageBytes, rhs: PageBytes) -> Bool {
        guard lhs.data.count == rhs.data.count else { return false }
        // Both values are alive here, so one address means one buffer: the bytes cannot differ.
        let shared = lhs.data.withUnsafeBytes { left in
            rhs.data.withUnsafeBytes { right in left.baseAddress != nil && left.baseAddress == right.baseAddress }
        }
        return shared || lhs.data == rhs.data
    }
}
