import Foundation

/// Headless Chromium for the opt-in browser tests: found when `CNMM_BROWSER_TESTS=1`, as `CNMM_CHROMIUM` or as
/// `chromium` (or `chromium-browser`, `google-chrome`) on the PATH.
enum HeadlessChromium {
    static let path: String? = {
        let environment = ProcessInfo.processInfo.environment
        guard environment["CNMM_BROWSER_TESTS"] == "1" else { return nil }
        if let named = environment["CNMM_CHROMIUM"] { return named }
        for folder in (environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            for name in ["chromium", "chromium-browser", "google-chrome"] {
                let candidate = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }()

    /// The DOM of a local page after its scripts ran, with a minute at most for the browser.
    static func dumpDOM(_ page: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = [
            "60", path ?? "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--dump-dom", "--virtual-time-budget=5000", page.absoluteString,
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
