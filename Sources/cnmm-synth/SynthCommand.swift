import ArgumentParser
import Foundation

/// `cnmm-synth`: writes a deterministic synthetic site of level-like pages in English and German, for benchmarks.
@main
struct SynthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cnmm-synth",
        abstract: "Write a synthetic site: N level-like pages (about 10 KB each) per language, en and de.")

    @Option(help: "Level pages per language.")
    var pages: Int = 1000

    @Option(name: .customLong("per-section"), help: "Level pages per section.")
    var perSection: Int = 100

    @Option(help: "The seed: the same seed gives the same files.")
    var seed: UInt64 = 8

    @Flag(help: "Keep the maturity model (every page becomes a level of it) instead of declaring no dimensions.")
    var model = false

    @Option(help: "The folder to write; it must not exist yet, or be empty.")
    var output: String

    func validate() throws {
        guard pages >= 1, perSection >= 1 else { throw ValidationError("--pages and --per-section must be at least 1") }
    }

    func run() throws {
        let root = URL(fileURLWithPath: output)
        if let existing = try? FileManager.default.contentsOfDirectory(atPath: root.path), !existing.isEmpty {
            throw ValidationError("\(output) is not empty; remove it first")
        }
        let site = SyntheticSite(pages: pages, pagesPerSection: perSection, seed: seed, model: model)
        let bytes = try site.write(to: root)
        let count = SyntheticSite.languages.count
        print(
            "Wrote \(pages) level pages × \(count) languages in \(site.sectionCount) sections, "
                + "\(bytes / 1024) KiB of Markdown (\(bytes / (pages * count)) bytes per level page on average)")
    }
}
