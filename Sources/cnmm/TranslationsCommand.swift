import ArgumentParser
import CNMMKit
import Foundation

/// `cnmm translations`: what each language lacks, page by page and section by section.
struct TranslationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translations",
        abstract: "Show which pages and sections are translated, missing or outdated, per language.")

    @OptionGroup var source: SourceOptions

    @Flag(help: "Print the report as JSON.")
    var json = false

    func run() throws {
        let options = BuildOptions(
            sourceRoot: source.sourceRoot, configPath: source.config, themePath: source.themePath,
            includeDrafts: source.drafts)
        let report: TranslationReport
        do {
            guard let built = try SiteBuilder(options: options).render().site.translationReport else {
                print("The site has one language: nothing to translate.")
                return
            }
            report = built
        } catch let failure as BuildFailure {
            throw CommandError(message: failure.description + "\nThe site does not build; fix these first.")
        }
        if json {
            FileHandle.standardOutput.write(try report.json())
        } else {
            print(TranslationTable(report: report, colour: isatty(STDOUT_FILENO) == 1).text)
        }
        if source.strict && report.hasGaps { throw ExitCode(1) }
    }
}
