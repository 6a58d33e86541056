import Foundation

/// The write stage: puts the built files into the output folder all at once, or not at all.
///
/// Every file is first written into a staging folder beside the output. Only when that succeeded are
/// the files moved into place (one rename each) and the files of the previous build that are no longer
/// produced removed. A manifest (`.cnmm-manifest`) records what the build wrote, so files someone else
/// put there (`.git`, `CNAME`) are never deleted.
struct OutputWriter {
    static let manifestName = ".cnmm-manifest"

    var output: URL
    var fileManager = FileManager.default

    struct Summary: Sendable {
        var filesWritten: Int
        var bytesWritten: Int
        var filesRemoved: Int
        /// Files that replaced one in the output by an exchange: the staging folder now holds the old ones.
        var exchanged: [String] = []
    }

    /// Writes `files` into place. `staging` is the folder where the build already wrote its `.staged` files
    /// (its maker removes it); without one, the writer makes one and removes it at the end.
    func write(_ files: [OutputFile], staging given: StagingFolder? = nil) throws -> Summary {
        let folder = try given ?? StagingFolder(beside: output)
        defer { if given == nil { folder.remove() } }
        let staging = folder.url

        let bytes = try stage(files, into: folder)
        let current = Set(files.map(\.path))
        folder.removeStale(keeping: current)
        // A new output folder holds nothing in the way.
        let existed = fileManager.fileExists(atPath: output.path)
        try fileManager.createDirectory(at: output, withIntermediateDirectories: true)
        let previous = readManifest()
        // What an earlier build wrote where this one needs a folder (or a file) is cleared first.
        for path in try existed ? conflicts(files, ours: previous) : [] {
            try fileManager.removeItem(at: output.appendingPathComponent(path))
        }
        let exchanged = try moveIntoPlace(files, from: staging)
        var removed = 0
        for stale in previous.subtracting(current).sorted() where Self.isSafeRelative(stale) {
            let url = output.appendingPathComponent(stale)
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
                continue
            }
            try fileManager.removeItem(at: url)
            removed += 1
            removeEmptyFolders(from: url.deletingLastPathComponent())
        }
        let manifest = current.sorted().joined(separator: "\n") + "\n"
        try Data(manifest.utf8).write(to: output.appendingPathComponent(Self.manifestName), options: .atomic)
        return Summary(filesWritten: files.count, bytesWritten: bytes, filesRemoved: removed, exchanged: exchanged)
    }

    /// Writes every file not staged yet into the staging folder, on all cores.
    private func stage(_ files: [OutputFile], into folder: StagingFolder) throws -> Int {
        let results = files.parallelMap { file -> Result<Int, Error> in
            let target = folder.url.appendingPathComponent(file.path)
            do {
                switch file.content {
                case .staged(let bytes, _):
                    return .success(bytes)
                case .data(let data):
                    try folder.write(data, to: file.path)
                    return .success(data.count)
                case .copy(let source):
                    try folder.makeFolder(Self.parent(of: file.path))
                    unlink(target.path)  // a spare's copy of it: `copyItem` makes a new file
                    try FileManager.default.copyItem(at: source, to: target)
                    let size = (try? FileManager.default.attributesOfItem(atPath: target.path)[.size] as? Int) ?? 0
                    return .success(size)
                }
            } catch {
                return .failure(error)
            }
        }
        var total = 0
        for result in results { total += try result.get() }
        return total
    }

    /// Moves the staged files into the output: a folder the output does not have yet moves whole (one rename
    /// for everything in it), every other file on its own. A folder that is new holds nothing of anyone else's.
    /// A file that replaces one is exchanged with it where the system can (`renameat2` with `RENAME_EXCHANGE`),
    /// so the old file goes to the staging folder instead of being deleted; returns those files' paths.
    private func moveIntoPlace(_ files: [OutputFile], from staging: URL) throws -> [String] {
        var exchanged: [String] = []
        var present: [String: Bool] = [:]
        var movedWhole = Set<String>()
        func isFolderInOutput(_ folder: String) -> Bool {
            if let known = present[folder] { return known }
            var isDirectory: ObjCBool = false
            let found =
                fileManager.fileExists(atPath: output.appendingPathComponent(folder).path, isDirectory: &isDirectory)
                && isDirectory.boolValue
            present[folder] = found
            return found
        }
        func move(_ path: String, exchange: Bool = false) throws {
            let from = staging.appendingPathComponent(path).path
            let to = output.appendingPathComponent(path).path
            if exchange, let swap = Self.renameExchange, swap(AT_FDCWD, from, AT_FDCWD, to, Self.exchangeFlag) == 0 {
                exchanged.append(path)
                return
            }
            if rename(from, to) != 0 { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        }
        fileLoop: for file in files {
            var folder = ""
            for part in file.path.split(separator: "/").dropLast() {
                folder = folder.isEmpty ? String(part) : folder + "/" + part
                if movedWhole.contains(folder) { continue fileLoop }
                if !isFolderInOutput(folder) {
                    try move(folder)
                    movedWhole.insert(folder)
                    present[folder] = true
                    continue fileLoop
                }
            }
            try move(file.path, exchange: true)
        }
        return exchanged
    }

    /// `renameat2(2)`, found at run time: Swift's Glibc module does not declare it (glibc 2.28 and later have it).
    private static let renameExchange:
        (@convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32)? = {
            guard let symbol = dlsym(nil, "renameat2") else { return nil }
            return unsafeBitCast(
                symbol,
                to: (@convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32).self)
        }()
    /// `RENAME_EXCHANGE` from `<linux/fs.h>`: both paths must exist; each takes the other's place atomically.
    private static let exchangeFlag: UInt32 = 2

    /// Writes a new file in the staging folder with plain `open`/`write`/`close`.
    ///
    /// Foundation's `Data.write(to:)` calls `fsync` on every file on Linux, which made writing a site of
    /// thousands of pages wait on the disk. The staging folder needs no durability: what makes the output
    /// all-or-nothing is that nothing is moved into it before every file was written.
    ///
    /// A file that is there already (the spare's) is written over and then cut to the new length, rather than
    /// emptied first: its blocks are kept instead of freed and found again. One with other names too (a hard
    /// link someone made to a page of an earlier output, `cp -al`) is replaced by a new file instead: a build
    /// changes nothing outside its output.
    static func writeWithoutSync(_ data: Data, to path: String) throws {
        var descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o666)
        var status = stat()
        if descriptor >= 0, fstat(descriptor, &status) == 0, status.st_nlink > 1 {
            close(descriptor)
            unlink(path)
            descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        }
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        defer { close(descriptor) }
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else {
                    throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
                }
                offset += written
            }
        }
        if ftruncate(descriptor, off_t(data.count)) != 0 {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
    }

    /// A file cannot replace a folder, nor a folder a file: find that out before anything is moved. Returns the
    /// paths in the way that earlier builds made (`ours`, the manifest: a file, or a folder holding only such
    /// files), to be removed; anything else in the way is an error.
    private func conflicts(_ files: [OutputFile], ours: Set<String>) throws -> [String] {
        var problems: [Diagnostic] = []
        var clear: [String] = []
        var checkedFolders = Set<String>()
        // Paths joined as strings: a URL for each of a large site's files and folders took longer than the checks.
        let root = output.path + "/"
        for file in files {
            var isDirectory: ObjCBool = false
            if fileManager.fileExists(atPath: root + file.path, isDirectory: &isDirectory),
                isDirectory.boolValue
            {
                if holdsOnly(ours, folder: file.path) {
                    clear.append(file.path)
                } else {
                    problems.append(
                        .error(
                            output.lastPathComponent + "/" + file.path,
                            "is a folder in the output, but the site has a file there"))
                }
            }
            var folder = Self.parent(of: file.path)
            while !folder.isEmpty, checkedFolders.insert(folder).inserted {
                if fileManager.fileExists(atPath: root + folder, isDirectory: &isDirectory),
                    !isDirectory.boolValue
                {
                    if ours.contains(folder) {
                        clear.append(folder)
                    } else {
                        problems.append(
                            .error(
                                output.lastPathComponent + "/" + folder,
                                "is a file in the output, but the site has a folder there"))
                    }
                }
                folder = Self.parent(of: folder)
            }
        }
        if !problems.isEmpty { throw BuildFailure(problems) }
        return clear
    }

    /// Whether every file below a folder of the output is one of `ours` (and no symbolic link is among them).
    private func holdsOnly(_ ours: Set<String>, folder: String) -> Bool {
        let root = output.appendingPathComponent(folder)
        guard let enumerator = fileManager.enumerator(atPath: root.path) else { return false }
        while let relative = enumerator.nextObject() as? String {
            var status = stat()
            guard lstat(root.appendingPathComponent(relative).path, &status) == 0 else { return false }
            switch status.st_mode & S_IFMT {
            case S_IFDIR: continue
            case S_IFREG: if !ours.contains(folder + "/" + relative) { return false }
            default: return false
            }
        }
        return true
    }

    private func readManifest() -> Set<String> {
        guard let data = fileManager.contents(atPath: output.appendingPathComponent(Self.manifestName).path) else {
            return []
        }
        return Set(String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init))
    }

    /// Removes folders left empty by a stale file, up to (never including) the output folder.
    private func removeEmptyFolders(from folder: URL) {
        var folder = folder.standardizedFileURL
        let root = output.standardizedFileURL.path
        while folder.path.hasPrefix(root + "/"),
            let entries = try? fileManager.contentsOfDirectory(atPath: folder.path), entries.isEmpty
        {
            try? fileManager.removeItem(at: folder)
            folder = folder.deletingLastPathComponent()
        }
    }

    /// `a/b/c.html` → `a/b`; `c.html` → empty. (Foundation's `deletingLastPathComponent` crashed here on Linux.)
    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// A manifest line may only name something inside the output folder.
    static func isSafeRelative(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.split(separator: "/").contains("..") && !path.contains("\0")
    }
}
