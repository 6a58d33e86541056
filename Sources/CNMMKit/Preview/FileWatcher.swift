import Foundation
import ServiceLifecycle

/// Watches the sources of a site and hands over the changed files in batches.
///
/// inotify on Linux, with a watch on every folder below the watched ones, or polling where inotify
/// is missing, fails (the watch limit) or is not wanted (`--poll`). A burst of events, a checkout of
/// 200 files, is one batch: a batch is handed over once no event came for the quiet period (or the
/// maximum delay passed). Hidden files and editor litter do not count; an editor's save by writing a
/// temporary file and renaming it over the original counts as a change of the original. Runs on a
/// thread of its own, started and stopped as a service.
final class FileWatcher: Service, @unchecked Sendable {
    /// Changed files, absolute paths, and when the first of them was seen.
    struct Batch: Sendable {
        var paths: Set<String>
        var firstEvent: ContinuousClock.Instant
    }

    enum Mode: Sendable {
        case inotify
        case poll
    }

    /// How long the watcher waits: for quiet after an event, at most, and between polls.
    struct Timing: Sendable {
        var quietPeriod: Duration = .milliseconds(10)
        var maximumDelay: Duration = .seconds(1)
        var pollInterval: Duration = .milliseconds(300)
    }

    let targets: WatchTargets
    let mode: Mode
    let timing: Timing
    let limits: InotifyLimits
    /// Opens once the watches are set: changes from then on are seen.
    let ready = Latch()
    private let note: @Sendable (String) -> Void
    private let onChange: @Sendable (Batch) -> Void

    /// `note` hears about the watcher itself (a fallback to polling); `onChange` gets each batch, on the watcher's thread.
    /// `limits` lowers inotify's limits for tests.
    init(
        targets: WatchTargets, mode: Mode, timing: Timing = Timing(), limits: InotifyLimits = InotifyLimits(),
        note: @escaping @Sendable (String) -> Void, onChange: @escaping @Sendable (Batch) -> Void
    ) {
        self.targets = targets
        self.mode = mode
        self.timing = timing
        self.limits = limits
        self.note = note
        self.onChange = onChange
    }

    /// Watches until the task is cancelled or the service group shuts down.
    func run() async throws {
        let wakeUp = try WakeUp()
        let (finished, done) = AsyncStream.makeStream(of: Void.self)
        let thread = Thread { [self] in
            watch(wakeUp: wakeUp)
            done.finish()
        }
        thread.name = "cnmm file watcher"
        thread.start()
        await withTaskCancellationHandler {
            await withGracefulShutdownHandler {
                for await _ in finished {}
            } onGracefulShutdown: {
                wakeUp.signal()
            }
        } onCancel: {
            wakeUp.signal()
        }
    }
}

extension FileWatcher {
    /// The watcher's thread: waits for events or the next poll, collects a batch, hands it over when quiet.
    fileprivate func watch(wakeUp: WakeUp) {
        let clock = ContinuousClock()
        var source = makeSource()
        ready.open()
        var pending = Set<String>()
        var firstEvent: ContinuousClock.Instant?
        var lastEvent = clock.now
        var nextPoll = clock.now + timing.pollInterval
        while true {
            var deadline: ContinuousClock.Instant?
            if let firstEvent { deadline = min(lastEvent + timing.quietPeriod, firstEvent + timing.maximumDelay) }
            if case .polling = source { deadline = min(deadline ?? nextPoll, nextPoll) }
            let descriptor: Int32?
            switch source {
            #if canImport(Glibc)
                case .inotify(let inotify): descriptor = inotify.descriptor
            #endif
            case .polling: descriptor = nil
            }
            let result = wakeUp.wait(for: descriptor, timeout: deadline.map { $0 - clock.now })
            if case .woken = result { return }
            var changed = Set<String>()
            switch source {
            #if canImport(Glibc)
                case .inotify(let inotify):
                    if case .readable = result {
                        do throws(WatchError) {
                            changed = try changes(from: inotify)
                        } catch {
                            note(fallbackNote("cannot go on watching the sources", error))
                            // Changes may have been missed meanwhile: build once more.
                            changed = Set(targets.folders)
                            source = .polling(PollingScanner(targets: targets))
                            nextPoll = clock.now + timing.pollInterval
                        }
                    }
            #endif
            case .polling(var scanner):
                if clock.now >= nextPoll {
                    changed = scanner.scan()
                    source = .polling(scanner)
                    nextPoll = clock.now + timing.pollInterval
                }
            }
            if !changed.isEmpty {
                pending.formUnion(changed)
                lastEvent = clock.now
                if firstEvent == nil { firstEvent = lastEvent }
            }
            if let first = firstEvent,
                clock.now >= min(lastEvent + timing.quietPeriod, first + timing.maximumDelay)
            {
                onChange(Batch(paths: pending, firstEvent: first))
                pending = []
                firstEvent = nil
            }
        }
    }

    fileprivate enum Source {
        #if canImport(Glibc)
            case inotify(Inotify)
        #endif
        case polling(PollingScanner)
    }

    fileprivate func makeSource() -> Source {
        #if canImport(Glibc)
            if mode == .inotify {
                do throws(WatchError) {
                    return .inotify(try Self.inotify(watching: targets, limits: limits))
                } catch {
                    note(fallbackNote("cannot watch the sources", error))
                }
            }
        #endif
        return .polling(PollingScanner(targets: targets))
    }

    /// One line on a fallback to polling: what failed and, for a limit of the kernel, how to raise it or not need it.
    fileprivate func fallbackNote(_ what: String, _ error: WatchError) -> String {
        let text = "\(what) with inotify: \(error); polling every \(timing.pollInterval) instead"
        guard let limit = error.limit else { return text }
        return text + ". Raise the limit (sudo sysctl \(limit.setting)=\(limit.raiseTo)) or use cnmm serve --poll"
    }

    #if canImport(Glibc)
        /// An inotify instance with a watch on each parent folder, and on every folder of each folder target.
        static func inotify(watching targets: WatchTargets, limits: InotifyLimits) throws(WatchError) -> Inotify {
            let inotify = try Inotify(limits: limits)
            for parent in targets.parents { try inotify.watch(folder: parent) }
            for folder in targets.folders { try inotify.watch(tree: folder) }
            return inotify
        }

        /// The relevant paths among the waiting events; watches folders that appeared.
        fileprivate func changes(from inotify: Inotify) throws(WatchError) -> Set<String> {
            var changed = Set<String>()
            for event in inotify.read() {
                if event.overflow {
                    // Events were lost: watch every folder again and count the watched folders as changed.
                    for folder in targets.folders { try inotify.watch(tree: folder) }
                    changed.formUnion(targets.folders)
                    continue
                }
                guard targets.isRelevant(event.path) else { continue }
                if event.folderAppeared, targets.folder(containing: event.path) != nil {
                    try inotify.watch(tree: event.path)
                }
                changed.insert(event.path)
            }
            return changed
        }
    #endif
}
