import Foundation

/// `2023-10-10` as a long date in a language (`October 10, 2023`, `10. Oktober 2023`), remembered.
///
/// Making a `DateFormatter` is slow (it was an eighth of a preview rebuild), and a site has few distinct
/// commit dates, so each (date, language) is formatted once per process.
final class LongDates: @unchecked Sendable {
    static let shared = LongDates()

    private let lock = NSLock()
    private var texts: [String: String] = [:]

    func text(_ iso: String, language: String) -> String {
        let key = iso + "\u{0}" + language
        lock.lock()
        defer { lock.unlock() }
        if let text = texts[key] { return text }
        let parser = DateFormatter()
        parser.locale = Locale(identifier: "en_US_POSIX")
        parser.timeZone = TimeZone(identifier: "UTC")
        parser.dateFormat = "yyyy-MM-dd"
        guard let date = parser.date(from: iso) else { return iso }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: language)
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateStyle = .long
        let text = formatter.string(from: date)
        texts[key] = text
        return text
    }
}
