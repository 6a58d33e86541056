import Testing

@testable import CNMMKit

@Suite("Diagnostic log")
struct DiagnosticLogTests {
    @Test("a note prints as a note and never fails a build, not even with --strict; a warning does with it")
    func notesNeverFail() throws {
        let log = DiagnosticLog()
        log.report(.note("config.toml", "cnmm does not use 1 key of this file: theme"))
        #expect(log.notes.map(\.description) == ["config.toml: note: cnmm does not use 1 key of this file: theme"])
        #expect(log.warnings.isEmpty)
        try log.throwIfFailed(strict: true)
        log.report(.warning("content/en/a.md", line: 2, "a warning"))
        #expect {
            try log.throwIfFailed(strict: true)
        } throws: { error in
            (error as? BuildFailure)?.diagnostics.map(\.severity) == [.note, .error]
        }
    }
}
