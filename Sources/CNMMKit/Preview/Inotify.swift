#if canImport(Glibc)
    import Foundation
    import Glibc

    /// inotify, the Linux kernel's file events: the only code of the watcher that calls it.
    ///
    /// inotify is not recursive: `watch(tree:)` adds the folder and every folder below it, and the
    /// watcher adds folders as they appear. C quirks, written down: `read` returns whole records of
    /// variable length (a 16-byte `inotify_event`, then `len` bytes of NUL-padded name), so they are
    /// loaded unaligned at running offsets; a record with `IN_IGNORED` ends a watch (its folder went
    /// away) and its descriptor may be reused; `IN_Q_OVERFLOW` (descriptor -1) means events were lost.
    final class Inotify {
        /// One event, as the path it concerns.
        struct Event: Equatable {
            /// The folder's path joined with the event's name, or the watched folder itself.
            var path: String
            /// A folder appeared (created or moved in): it needs watches of its own.
            var folderAppeared: Bool
            /// The kernel dropped events: everything may have changed.
            var overflow: Bool
        }

        let descriptor: Int32
        private let limits: InotifyLimits
        private var folders: [Int32: String] = [:]

        init(limits: InotifyLimits = InotifyLimits()) throws(WatchError) {
            guard !limits.noInstances else { throw WatchError(call: "inotify_init1", code: EMFILE) }
            self.limits = limits
            let descriptor = inotify_init1(Int32(IN_NONBLOCK) | Int32(IN_CLOEXEC))
            guard descriptor >= 0 else { throw WatchError(call: "inotify_init1", code: errno) }
            self.descriptor = descriptor
        }

        deinit {
            close(descriptor)
        }

        /// The folders watched now.
        var watchCount: Int { folders.count }

        /// Watches one folder (not the folders below it). False when there is no folder at the path.
        @discardableResult
        func watch(folder path: String) throws(WatchError) -> Bool {
            let watch = inotify_add_watch(descriptor, path, Self.mask)
            guard watch >= 0 else {
                let code = errno
                if code == ENOENT || code == ENOTDIR || code == EACCES { return false }
                // ENOSPC: the user's watch limit (fs.inotify.max_user_watches) is reached.
                throw WatchError(call: "inotify_add_watch", code: code)
            }
            if folders[watch] == nil, folders.count >= limits.watches {
                // A test's lower limit, checked where the kernel checks its own: after the path, for new watches.
                inotify_rm_watch(descriptor, watch)
                throw WatchError(call: "inotify_add_watch", code: ENOSPC)
            }
            folders[watch] = path
            return true
        }

        /// Watches a folder and every folder below it, hidden ones excepted.
        func watch(tree path: String) throws(WatchError) {
            guard try watch(folder: path) else { return }
            for folder in Self.subfolders(of: path) { try watch(folder: folder) }
        }

        /// Every event waiting to be read; empty when there is none.
        func read() -> [Event] {
            var events: [Event] = []
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            while true {
                let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
                guard count > 0 else { break }  // EAGAIN: nothing more to read
                buffer.withUnsafeBytes { events += parse($0.prefix(count)) }
            }
            return events
        }
    }

    extension Inotify {
        fileprivate static let mask: UInt32 =
            UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO) | UInt32(IN_MOVED_FROM) | UInt32(IN_CREATE)
            | UInt32(IN_DELETE) | UInt32(IN_ATTRIB) | UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF)
            | UInt32(IN_ONLYDIR) | UInt32(IN_EXCL_UNLINK)

        fileprivate func parse(_ bytes: Slice<UnsafeRawBufferPointer>) -> [Event] {
            let raw = UnsafeRawBufferPointer(rebasing: bytes)
            let header = MemoryLayout<inotify_event>.size
            var events: [Event] = []
            var offset = 0
            while offset + header <= raw.count {
                let watch = raw.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                let mask = raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                let length = Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                let nameBytes = raw[(offset + header)..<min(raw.count, offset + header + length)]
                offset += header + length
                if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                    events.append(Event(path: "", folderAppeared: false, overflow: true))
                    continue
                }
                guard let folder = folders[watch] else { continue }
                if mask & UInt32(IN_IGNORED) != 0 {
                    folders[watch] = nil
                    continue
                }
                let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                let path = name.isEmpty ? folder : folder + "/" + name
                let isFolder = mask & UInt32(IN_ISDIR) != 0
                let appeared = isFolder && mask & (UInt32(IN_CREATE) | UInt32(IN_MOVED_TO)) != 0
                events.append(Event(path: path, folderAppeared: appeared, overflow: false))
            }
            return events
        }

        /// The folders below a folder, hidden ones and their contents left out (the loader skips them too).
        fileprivate static func subfolders(of path: String) -> [String] {
            guard
                let enumerator = FileManager.default.enumerator(
                    at: URL(fileURLWithPath: path), includingPropertiesForKeys: [.isDirectoryKey],
                    options: [.skipsHiddenFiles])
            else { return [] }
            var result: [String] = []
            for case let url as URL in enumerator
            where (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true {
                result.append(url.standardizedFileURL.path)
            }
            return result
        }
    }
#endif
