import Foundation
import Testing

@testable import CNMMKit

/// Builds the fixture site `Fixtures/golden-site/source` and compares every output file with
/// `Fixtures/golden-site/expected`. Re-record with `CNMM_RECORD_GOLDEN=1 swift test --filter Golden`.
@Suite("Golden site")
struct GoldenSiteTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/golden-site")

    @Test("the fixture site builds to exactly the recorded files")
    func matchesGolden() throws {
        // Copy the source out of the repository, so git history does not leak into "last modified".
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("cnmm-golden-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.fixture.appendingPathComponent("source"), to: work)
        defer { try? FileManager.default.removeItem(at: work) }
        let site = TestSite(existing: work)
        let summary = try site.build()
        #expect(summary.warnings.isEmpty, "\(summary.warnings)")
        let actual = try site.snapshot()
        let expectedFolder = Self.fixture.appendingPathComponent("expected")

        if ProcessInfo.processInfo.environment["CNMM_RECORD_GOLDEN"] != nil {
            try? FileManager.default.removeItem(at: expectedFolder)
            for (path, data) in actual {
                let url = expectedFolder.appendingPathComponent(path)
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
        }
        let expected = try TestSite(existing: Self.fixture).snapshot("expected")
        #expect(actual.keys.sorted() == expected.keys.sorted())
        for (path, data) in expected.sorted(by: { $0.key < $1.key }) {
            let got = actual[path].map { String(decoding: $0, as: UTF8.self) } ?? "<missing>"
            #expect(got == String(decoding: data, as: UTF8.self), "\(path) differs from the golden file")
        }
    }
}
