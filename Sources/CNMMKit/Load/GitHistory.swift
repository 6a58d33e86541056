import Foundation

/// The last commit of each file under a folder, read with one `git log` call.
///
/// Output: source path (relative to the source root) → commit. Empty when the folder is not in a
/// git work tree or git is missing: "last modified" is then left out, never invented.
struct GitHistory {
    var sourceRoot: URL
    /// The preview's memory of git's answers, when building for the preview server.
    var reuse: BuildReuse?

    func lastCommits(under folder: String) -> [String: Commit] {
        guard let top = output(["rev-parse", "--show-toplevel"])?.trimmingCharacters(in: .whitespacesAndNewlines),
            !top.isEmpty
        else { return [:] }
        let root = sourceRoot.resolvingSymlinksInPath().standardizedFileURL.path
        let topPath = URL(fileURLWithPath: top).resolvingSymlinksInPath().standardizedFileURL.path
        guard root == topPath || root.hasPrefix(topPath + "/") else { return [:] }
        let prefix = root == topPath ? "" : String(root.dropFirst(topPath.count + 1)) + "/"
        let format = "%x1e%H%x1f%h%x1f%cs%x1f%ct%x1f%s"
        guard let log = output(["log", "--format=\(format)", "--name-only", "--no-renames", "-z", "--", folder]) else {
            return [:]
        }
        var result: [String: Commit] = [:]
        for record in log.split(separator: "\u{1e}") {
            // With -z the header ends in a newline, then NUL-separated file names.
            guard let newline = record.firstIndex(of: "\n") else { continue }
            let fields = record[..<newline].split(separator: "\u{1f}", omittingEmptySubsequences: false)
            guard fields.count == 5 else { continue }
            // With -z the header ends in NUL, newline: keep neither in the subject.
            let clean = fields.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\0\n")) }
            let commit = Commit(
                hash: clean[0], shortHash: clean[1], date: clean[2], subject: clean[4], timestamp: Int(clean[3]) ?? 0)
            for name in record[record.index(after: newline)...].split(separator: "\0") {
                let name = name.trimmingCharacters(in: .newlines)
                guard name.hasPrefix(prefix) else { continue }
                let relative = String(name.dropFirst(prefix.count))
                if result[relative] == nil { result[relative] = commit }
            }
        }
        return result
    }

    /// What git answers, from the preview's memory when there is one.
    private func output(_ arguments: [String]) -> String? {
        guard let reuse else { return run(arguments) }
        return reuse.gitOutput(arguments) { run(arguments) }
    }

    func run(_ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", sourceRoot.path] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        // Not `waitUntilExit()`: on Linux it polls a run loop every 50 ms, which made each git call cost 50 ms.
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        exited.wait()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}

extension GitHistory {
    /// The new-file line numbers a file's changes since `commit` touch (`git diff -U0 COMMIT -- path`).
    /// A deletion counts as touching the line where it happened. Nil when git cannot tell.
    func changedLines(of path: String, since commit: String) -> [Int]? {
        guard let diff = output(["diff", "-U0", "--no-color", commit, "--", path]) else { return nil }
        var lines: [Int] = []
        for line in diff.split(separator: "\n") where line.hasPrefix("@@ ") {
            // @@ -a,b +c,d @@
            guard let plus = line.split(separator: " ").first(where: { $0.hasPrefix("+") }) else { continue }
            let numbers = plus.dropFirst().split(separator: ",").compactMap { Int($0) }
            guard let start = numbers.first else { continue }
            let count = numbers.count > 1 ? numbers[1] : 1
            lines += count == 0 ? [max(start, 1)] : Array(start..<(start + count))
        }
        return lines
    }
}
