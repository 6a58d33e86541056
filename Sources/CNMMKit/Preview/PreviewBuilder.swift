import Foundation
import NIOCore

/// Builds the site in memory for the preview server, one build at a time.
///
/// Input: the build options (the output folder is never touched). Output: a snapshot with the
/// live-reload script in every HTML file; when the sources do not build, the last good site with
/// the error page. Files the site copies as they are (static files, page resources) are read here,
/// so a request never reads the disk; a copied file that resolves outside the site's folders (a
/// symbolic link pointing elsewhere) is left out.
final class PreviewBuilder: @unchecked Sendable {
    /// What one build gave.
    struct Outcome: Sendable {
        var snapshot: PreviewSnapshot
        /// The build's summary when it succeeded.
        var summary: BuildSummary?
        var failure: ErrorPage?
        var milliseconds: Double
        /// Problems of the preview itself (files left out), already safe to print.
        var notes: [String]
        /// Pages rendered by this build, and pages whose view model had not changed, taken from the build before.
        var pagesRendered = 0
        var pagesReused = 0
    }

    let options: BuildOptions
    /// Folders a copied file may resolve into: the source folder and the theme.
    let roots: [URL]
    private let instance: String
    private let queue = DispatchQueue(label: "cnmm.preview.build")
    private let reuse: BuildReuse
    /// A test's hold in the middle of a build (`PreviewHooks.midBuild`).
    private let midBuild: (@Sendable () -> Void)?
    // The state below is only touched on `queue`.
    private var generation = 0
    private var lastGood: PreviewSnapshot?
    private var copies: [String: CopiedFile] = [:]
    /// The pages of the last good build as served, with the bytes each was made from.
    private var pages: [String: (bytes: PageBytes, file: ServedFile)] = [:]

    init(
        options: BuildOptions, instance: String = String(UInt32.random(in: 0...UInt32.max), radix: 36),
        midBuild: (@Sendable () -> Void)? = nil
    ) {
        self.options = options
        self.roots = [options.sourceRoot, options.themeFolder]
        self.instance = instance
        self.midBuild = midBuild
        reuse = BuildReuse(options: options)
    }

    /// Builds the site on the builder's own thread (a build blocks, the server's threads must not).
    ///
    /// `changed` (absolute paths) tells what may have changed since the last build; nil for the first.
    func build(changed: Set<String>? = nil) async -> Outcome {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: self.buildNow(changed: changed)) }
        }
    }

    private func buildNow(changed: Set<String>?) -> Outcome {
        if let changed { reuse.forget(changed: changed) }
        let clock = ContinuousClock()
        let start = clock.now
        generation += 1
        let version = "\(instance)-\(generation)"
        var notes: [String] = []
        do {
            let rendered = try SiteBuilder(options: options, reuse: reuse).render()
            var stageClock = StageClock()
            var files: [String: ServedFile] = [:]
            files.reserveCapacity(rendered.files.count)
            var served: [String: (bytes: PageBytes, file: ServedFile)] = [:]
            for (index, file) in rendered.files.enumerated() {
                if index == rendered.files.count / 2 { midBuild?() }
                switch file.content {
                case .data(let data) where file.path.hasSuffix(".html"):
                    // A page the render shortcut took over is the same buffer as before: its served file stays.
                    let bytes = PageBytes(data)
                    let page: (bytes: PageBytes, file: ServedFile) =
                        pages[file.path].flatMap { $0.bytes == bytes ? $0 : nil }
                        ?? (bytes, ServedFile(page: data, path: file.path))
                    served[file.path] = page
                    files[file.path] = page.file
                case .data(let data):
                    files[file.path] = ServedFile(path: file.path, bytes: data)
                case .staged:
                    // Only `cnmm build` writes pages while rendering; a preview keeps them in memory.
                    notes.append("\(file.path): written to disk by the build, not kept for serving")
                case .copy(let url):
                    switch readCopied(url) {
                    case .success(let body):
                        files[file.path] = ServedFile(body: body, contentType: ContentType.of(path: file.path))
                    case .failure(let note): notes.append(note.message)
                    }
                }
            }
            let snapshot = PreviewSnapshot(
                version: version, files: files, basePath: rendered.site.config.basePath, failure: nil)
            lastGood = snapshot
            pages = served
            let pages = reuse.endBuild(complete: true)
            var summary = rendered.summary
            // The preview's "write": the snapshot the server serves, and the end of the build's memos.
            summary.stages.write = stageClock.lap()
            return Outcome(
                snapshot: snapshot, summary: summary, failure: nil,
                milliseconds: milliseconds(since: start, clock), notes: notes, pagesRendered: pages.rendered,
                pagesReused: pages.reused)
        } catch {
            reuse.endBuild(complete: false)
            let page = ErrorPage(error: error, roots: roots)
            let failure = ServedFile(
                body: page.html(version: version), contentType: "text/html; charset=utf-8")
            let snapshot = PreviewSnapshot(
                version: version, files: lastGood?.files ?? [:], basePath: lastGood?.basePath ?? "/",
                failure: failure)
            return Outcome(
                snapshot: snapshot, summary: nil, failure: page, milliseconds: milliseconds(since: start, clock),
                notes: notes)
        }
    }
}

extension PreviewBuilder {
    /// A copied file as last read, kept while its size, time and inode stay the same.
    fileprivate struct CopiedFile {
        var signature: Signature
        var body: Data
    }

    fileprivate struct Signature: Equatable {
        var size: Int?
        var modified: Date?
        var inode: String

        init(_ attributes: [FileAttributeKey: Any]) {
            size = (attributes[.size] as? NSNumber)?.intValue
            modified = attributes[.modificationDate] as? Date
            inode = "\(attributes[.systemFileNumber] ?? "")"
        }
    }

    struct Note: Error, Equatable {
        var message: String
    }

    /// The bytes of a file the site copies, when it lies inside the site's folders (only on the builder's queue).
    func readCopied(_ url: URL) -> Result<Data, Note> {
        let shown = SafeText.console(SafeText.withoutMachinePaths(url.path, roots: roots), keepNewlines: false)
        let real = url.resolvingSymlinksInPath().standardizedFileURL
        let inside = roots.contains { root in
            let base = root.resolvingSymlinksInPath().standardizedFileURL.path
            return real.path.hasPrefix(base + "/")
        }
        guard inside else { return .failure(Note(message: "\(shown): links outside the site's folders; not served")) }
        let manager = FileManager.default
        guard let attributes = try? manager.attributesOfItem(atPath: real.path) else {
            return .failure(Note(message: "\(shown): cannot be read"))
        }
        let signature = Signature(attributes)
        if let cached = copies[real.path], cached.signature == signature { return .success(cached.body) }
        guard let data = manager.contents(atPath: real.path) else {
            return .failure(Note(message: "\(shown): cannot be read"))
        }
        let body = data
        copies[real.path] = CopiedFile(signature: signature, body: body)
        return .success(body)
    }

    fileprivate func milliseconds(since start: ContinuousClock.Instant, _ clock: ContinuousClock) -> Double {
        let elapsed = clock.now - start
        return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    }
}
