import ArgumentParser
import CNMMKit
import Foundation

/// The `cnmm` command: lists the subcommands, nothing else.
@main
struct CNMM: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cnmm",
        abstract: "Build the Cloud Native Maturity Model site.",
        subcommands: [BuildCommand.self, ServeCommand.self, TranslationsCommand.self, InitCommand.self]
    )

    /// Runs like `ParsableCommand.main()`, but usage errors (a folder with no site among them) exit with 2 and build
    /// failures with 1.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch let error as ExitCode {
            Foundation.exit(error.rawValue)
        } catch let error as CommandError {
            FileHandle.standardError.write(Data((error.message + "\n").utf8))
            Foundation.exit(1)
        } catch let error as NoSiteError {
            // Run in the wrong folder: a usage error.
            FileHandle.standardError.write(Data(("error: \(error)\n").utf8))
            Foundation.exit(2)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((message + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// A failure already described for the user.
struct CommandError: Error {
    var message: String
}
