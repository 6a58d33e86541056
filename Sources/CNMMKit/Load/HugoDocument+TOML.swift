import Foundation
internal import TOMLKit

/// TOML through TOMLKit (toml++ underneath), the only file that imports it.
///
/// TOMLKit quirks written down: on a syntax error it leaks the error's C string (a few bytes once per failed
/// parse); its values carry no source positions, so only syntax errors have a line; its tables iterate in
/// sorted key order (toml++ keeps them in a `std::map`); and date and time values are formatted here from their
/// fields, as TOML writes them, because TOMLKit's own `debugDescription` of them leaks a C string each call.
extension HugoDocument {
    static func toml(_ text: String, path: String) throws(BuildFailure) -> HugoDocument {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let position = error.source.begin
            throw BuildFailure([
                .error(path, line: position.line, column: position.column, "TOML: \(error.description)")
            ])
        } catch {
            throw BuildFailure([.error(path, "TOML: \(error)")])
        }
        return HugoDocument(table: value(of: table).mapValue ?? [:])
    }

    private static func value(of item: any TOMLValueConvertible) -> YAMLValue {
        switch item.type {
        case .table:
            var map: [String: YAMLValue] = [:]
            for (key, child) in item.table ?? TOMLTable() { map[key] = value(of: child) }
            return .map(map)
        case .array: return .list((item.array ?? TOMLArray()).map { value(of: $0) })
        case .string: return .string(item.string ?? "")
        case .int: return .int(item.int ?? 0)
        case .double: return .double(item.double ?? 0)
        case .bool: return .bool(item.bool ?? false)
        case .date: return .string(item.date.map(text) ?? "")
        case .time: return .string(item.time.map(text) ?? "")
        case .dateTime: return .string(item.dateTime.map(text) ?? "")
        }
    }

    private static func text(_ date: TOMLDate) -> String {
        String(format: "%04d-%02d-%02d", date.year, date.month, date.day)
    }

    private static func text(_ time: TOMLTime) -> String {
        let fraction = time.nanoSecond == 0 ? "" : String(format: ".%09d", time.nanoSecond)
        return String(format: "%02d:%02d:%02d", time.hour, time.minute, time.second) + fraction
    }

    private static func text(_ dateTime: TOMLDateTime) -> String {
        var result = text(dateTime.date) + "T" + text(dateTime.time)
        if let minutes = dateTime.offset?.offset {
            let sign = minutes < 0 ? "-" : "+"
            result += minutes == 0 ? "Z" : sign + String(format: "%02d:%02d", abs(minutes) / 60, abs(minutes) % 60)
        }
        return result
    }
}
