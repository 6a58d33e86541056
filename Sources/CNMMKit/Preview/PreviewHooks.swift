/// Where a test reaches into the preview server: a hold in the middle of a build, lower inotify limits.
///
/// Empty outside tests; no option of `cnmm serve` sets them.
struct PreviewHooks: Sendable {
    /// Called on the builder's thread in the middle of each build that renders: the next site is
    /// rendered and half of its files are in the snapshot being made, which nothing serves yet. A test
    /// blocks here to hold a rebuild.
    var midBuild: (@Sendable () -> Void)?
    var inotifyLimits = InotifyLimits()
}
