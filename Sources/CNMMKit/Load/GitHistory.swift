import Foundation

/// The last commit of each file under a folder, read with one `git log` call.
///
/// Output: source path (relative to the source root) → commit. Empty when the folder is not in a
/// git work tree or git is missing: "last modified" is then left out, never invented.
struct GitHistory {
    var sourceRoot: URL

    func lastCommits(under folder: String) -> [String: Commit] {
        guard let top = git(["rev-parse", "--show-toplevel"])?.trimmingCharacters(in: .whitespacesAndNewlines),
            !top.isEmpty
        else { return [:] }
        let root = sourceRoot.resolvingSymlinksInPath().standardizedFileURL.path
        let topPath = URL(fileURLWithPath: top).resolvingSymlinksInPath().standardizedFileURL.path
        guard root == topPath || root.hasPrefix(topPath + "/") else { return [:] }
        let prefix = root == topPath ? "" : String(root.dropFirst(topPath.count + 1)) + "/"
        let format = "%x1e%H%x1f%h%x1f%cs%x1f%s"
        guard let log = git(["log", "--format=\(format)", "--name-only", "--no-renames", "-z", "--", folder]) else {
            return [:]
        }
        var result: [String: Commit] = [:]
        for record in log.split(separator: "\u{1e}") {
            // With -z the header ends in a newline, then NUL-separated file names.
            guard let newline = record.firstIndex(of: "\n") else { continue }
            let fields = record[..<newline].split(separator: "\u{1f}", omittingEmptySubsequences: false)
            guard fields.count == 4 else { continue }
            // With -z the header ends in NUL, newline: keep neither in the subject.
            let clean = fields.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\0\n")) }
            let commit = Commit(hash: clean[0], shortHash: clean[1], date: clean[2], subject: clean[3])
            for name in record[record.index(after: newline)...].split(separator: "\0") {
                let name = name.trimmingCharacters(in: .newlines)
                guard name.hasPrefix(prefix) else { continue }
                let relative = String(name.dropFirst(prefix.count))
                if result[relative] == nil { result[relative] = commit }
            }
        }
        return result
    }

    private func git(_ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", sourceRoot.path] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
