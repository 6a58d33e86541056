import Foundation

/// The page the browser shows while the site does not build: every problem as `path:line:col: error:
/// message`, escaped, with no path of the machine, and the live-reload script so the next good save
/// brings the site back by itself.
struct ErrorPage: Sendable {
    /// The problems, one per line, as the console prints them.
    var problems: [String]

    init(problems: [String]) {
        self.problems = problems
    }

    /// The problems of a failed build; the message of any other error, without the machine's paths.
    init(error: any Error, roots: [URL]) {
        if let failure = error as? BuildFailure {
            problems = failure.diagnostics.map { SafeText.withoutMachinePaths($0.description, roots: roots) }
        } else {
            let message = (error as? LocalizedError)?.errorDescription ?? "\(error)"
            problems = ["error: " + SafeText.withoutMachinePaths(message, roots: roots)]
        }
    }

    /// The problems for the console: control characters escaped.
    var consoleText: String {
        problems.map { SafeText.console($0) }.joined(separator: "\n")
    }

    /// The whole HTML document, for the given site version.
    func html(version: String) -> Data {
        let items = problems.map { "<li><code>\(SafeText.html(SafeText.console($0)))</code></li>" }
        let count = problems.count
        let text = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Build failed · cnmm serve</title>
            <style>
            body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1f2328}
            h1{color:#b42318;font-size:1.5rem}ul{padding:0;list-style:none}
            li{background:#fff4f2;border-left:4px solid #b42318;margin:.5rem 0;padding:.5rem .75rem;white-space:pre-wrap}
            code{font:14px/1.4 ui-monospace,monospace}
            @media (prefers-color-scheme:dark){body{background:#161b22;color:#e6edf3}li{background:#3b1714}}
            </style>
            </head>
            <body>
            <h1>The site does not build</h1>
            <p>\(count) problem\(count == 1 ? "" : "s"). Fix \(count == 1 ? "it" : "them") and save: \
            this page reloads by itself.</p>
            <ul>
            \(items.joined(separator: "\n"))
            </ul>
            </body>
            </html>

            """
        return LiveReload.inject(into: Data(text.utf8), version: version)
    }
}
