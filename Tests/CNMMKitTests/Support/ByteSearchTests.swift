import Testing

@testable import CNMMKit

@Suite("Byte search")
struct ByteSearchTests {
    private func find(_ needle: String, in text: String, from start: Int = 0) -> Int? {
        Array(text.utf8).withUnsafeBufferPointer { $0.firstIndex(of: Array(needle.utf8), from: start) }
    }

    @Test("finds the first occurrence at or after the start, at either end of the text")
    func positions() {
        #expect(find("id=\"", in: "<p id=\"a\"><b id=\"b\">") == 3)
        #expect(find("id=\"", in: "<p id=\"a\"><b id=\"b\">", from: 4) == 13)
        #expect(find("ab", in: "abxab", from: 1) == 3)
        #expect(find("<p", in: "<p") == 0)
        #expect(find("ä", in: "aäa") == 1)
    }

    @Test("finds nothing when the needle is absent, longer than the rest, empty, or the start is past the end")
    func absent() {
        #expect(find("x", in: "abc") == nil)
        #expect(find("abcd", in: "abc") == nil)
        #expect(find("bc", in: "abc", from: 2) == nil)
        #expect(find("", in: "abc") == nil)
        #expect(find("a", in: "abc", from: 3) == nil)
        #expect(find("a", in: "abc", from: 4) == nil)
        #expect(find("a", in: "") == nil)
    }

    @Test("Substring's byte search and replacement agree with the standard library")
    func substring() {
        let text: Substring = "one &amp; two &amp; three"
        #expect(text.firstUTF8Range(of: "&amp;").map { text.distance(from: text.startIndex, to: $0.lowerBound) } == 4)
        #expect(text.replacingAll("&amp;", with: "&") == "one & two & three")
        #expect(text.dropFirst(5).firstUTF8Range(of: "one") == nil)
    }
}
