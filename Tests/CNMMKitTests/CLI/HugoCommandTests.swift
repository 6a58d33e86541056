import Foundation
import Testing

/// Hugo's configuration on the command line.
extension CommandLineTests {
    @Test("cnmm build reads config.toml and prints its unused keys as one note")
    func buildFromHugoConfig() throws {
        let site = try TestSite([
            "config.toml": "title = \"Hugo Title\"\nenableRobotsTXT = true\n[languages.en]\nweight = 1\n",
            "content/en/_index.md": "---\ntitle: Home\n---\nHi\n",
        ])
        defer { site.remove() }
        let result = try run(["build", "--strict", "--theme", TestSite.defaultTheme.path], in: site.root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "config.toml: note: cnmm does not use 1 key of this file: enableRobotsTXT\n")
        #expect(try site.read("public/index.html").contains("Hugo Title"))
    }
}
