/// Lower inotify limits than the kernel's, so that a test reaches them without changing `/proc/sys`.
///
/// With the defaults the kernel's own limits apply. Past a limit the calls fail the way the kernel
/// makes them fail: `inotify_add_watch` with ENOSPC (`fs.inotify.max_user_watches`), `inotify_init1`
/// with EMFILE (`fs.inotify.max_user_instances`). Tests set it; no option of `cnmm serve` does.
struct InotifyLimits: Sendable {
    /// Watches one instance may add before `inotify_add_watch` fails with ENOSPC.
    var watches = Int.max
    /// Whether `inotify_init1` fails with EMFILE, as when every instance the user may have is taken.
    var noInstances = false
}
