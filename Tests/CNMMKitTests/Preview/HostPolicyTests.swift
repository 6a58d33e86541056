import Testing

@testable import CNMMKit

@Suite("Host check")
struct HostPolicyTests {
    @Test(
        "on 127.0.0.1: loopback names only",
        arguments: [
            ("127.0.0.1:1313", true), ("127.0.0.1", true), ("localhost:1313", true), ("LocalHost.", true),
            ("[::1]:1313", true), ("127.0.0.2", true), ("evil.example", false), ("evil.example:1313", false),
            ("127.0.0.1.nip.io", false), ("localhost.evil.example", false), ("192.168.1.10:1313", false),
            ("", false), ("127.0.0.1:x", false), ("[::1", false), ("a:b:c", false),
        ])
    func loopback(header: String, allowed: Bool) {
        #expect(HostPolicy(boundHost: "127.0.0.1").allows(header) == allowed, "\(header)")
    }

    @Test("a missing Host header is refused")
    func missing() {
        #expect(!HostPolicy(boundHost: "127.0.0.1").allows(nil))
    }

    @Test("on every interface: any IP literal and localhost, never a name")
    func wildcard() {
        let policy = HostPolicy(boundHost: "0.0.0.0")
        #expect(policy.allows("192.168.1.10:1313"))
        #expect(policy.allows("[fe80::1]:1313"))
        #expect(policy.allows("localhost"))
        #expect(!policy.allows("evil.example:1313"))
    }

    @Test("a loopback address gives no warning; others do")
    func warning() {
        #expect(PreviewServer.addressWarning(host: "127.0.0.1") == nil)
        #expect(PreviewServer.addressWarning(host: "::1") == nil)
        #expect(PreviewServer.addressWarning(host: "localhost") == nil)
        #expect(PreviewServer.addressWarning(host: "0.0.0.0")?.contains("other machines") == true)
        #expect(PreviewServer.addressWarning(host: "192.168.1.10") != nil)
    }
}
