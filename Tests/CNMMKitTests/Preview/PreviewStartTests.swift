import Foundation
import Logging
import Testing

@testable import CNMMKit

@Suite("Preview server: starting")
struct PreviewStartTests {
    @Test("a port in use is a clear error that suggests --port")
    func portInUse() async throws {
        let site = try TestSite.goldenCopy()
        defer { site.remove() }
        try await RunningPreview.serve(site) { first in
            let options = PreviewOptions(build: site.options(), host: "127.0.0.1", port: first.port)
            let logger = Logger(label: "cnmm.preview.test") { _ in SwiftLogNoOpLogHandler() }
            let second = PreviewServer(options: options, logger: logger) { _ in }
            do {
                try await withTimeout(60, "the second server to fail") { try await second.run() }
                Issue.record("the second server started on a port in use")
            } catch let error as PreviewError {
                guard case .addressInUse(_, let port) = error else {
                    Issue.record("unexpected \(error)")
                    return
                }
                #expect(port == first.port)
                #expect(error.description.contains("already in use"))
                #expect(error.description.contains("--port"))
            }
        }
    }
}
