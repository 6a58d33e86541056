import Testing

@testable import CNMMKit

@Suite("URL paths")
struct URLPathTests {
    @Test(
        "a page's path becomes its URL path: lowercase, NFC, spaces as dashes, escaped; plain paths as they are",
        arguments: [
            ("level-3", "level-3"), ("guide/first_step.v2", "guide/first_step.v2"), ("Level-3", "level-3"),
            ("Über uns", "%C3%BCber-uns"), ("U\u{0308}ber", "%C3%BCber"), ("a b/c#d", "a-b/c%23d"),
            ("q?x;y%", "q%3Fx%3By%25"), ("日本", "%E6%97%A5%E6%9C%AC"), ("", ""),
        ])
    func urlPath(path: String, expected: String) {
        #expect(SiteAssembler.urlPath(path) == expected)
    }
}
