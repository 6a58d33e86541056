import Foundation
import Testing

/// Hugo's configuration on the command line: read by build, made into a site.yml by init --from-hugo.
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

    @Test("cnmm init --from-hugo writes site.yml once; a second run exits 1 and keeps it; without the flag exits 2")
    func initFromHugo() throws {
        let site = try TestSite([
            "config.toml": "title = \"Hugo Title\"\n[params]\ncopyright = \"CNCF\"\n",
            "content/en/_index.md": "---\ntitle: Home\n---\nHi\n",
        ])
        defer { site.remove() }
        let first = try run(["init", "--from-hugo"], in: site.root)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "Wrote site.yml from config.toml.\n")
        let written = try site.read("site.yml")
        #expect(written.contains("\ntitle: Hugo Title\n"))
        #expect(written.contains("\ncopyright: CNCF\n"))
        let second = try run(["init", "--from-hugo"], in: site.root)
        #expect(second.status == 1)
        #expect(
            second.stderr == "site.yml: error: already exists; cnmm init does not overwrite it (move it away first)\n")
        #expect(try site.read("site.yml") == written)
        #expect(try run(["init"], in: site.root).status == 2)
    }
}
