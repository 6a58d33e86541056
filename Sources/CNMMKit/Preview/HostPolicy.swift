import Foundation

/// Which `Host` headers the preview server answers, against DNS rebinding.
///
/// A page on another site can make the browser send requests to the preview server through a host
/// name that resolves to 127.0.0.1; such requests carry that foreign name in `Host`. Allowed are
/// `localhost`, the address the server is bound to, and, when bound to every interface (`0.0.0.0`,
/// `::`), any IP address literal (a literal cannot be rebound). The port is not compared.
struct HostPolicy: Sendable {
    /// The address the server listens on, as given (`127.0.0.1`, `::1`, `0.0.0.0`, `localhost`).
    var boundHost: String

    /// Whether a request with this `Host` header (or HTTP/2 authority) is answered.
    func allows(_ header: String?) -> Bool {
        guard let name = header.flatMap(Self.hostName) else { return false }
        let bound = Self.normalise(boundHost)
        if name == "localhost" || name == bound { return true }
        if Self.isLoopback(bound) || bound == "localhost" { return Self.isLoopback(name) }
        if bound == "0.0.0.0" || bound == "::" { return Self.isIPLiteral(name) }
        return false
    }

    /// The host name of a `Host` header without port or IPv6 brackets, lowercased; nil when malformed.
    static func hostName(_ header: String) -> String? {
        let value = header.trimmingCharacters(in: .whitespaces)
        guard !value.isEmpty else { return nil }
        if value.hasPrefix("[") {
            guard let end = value.firstIndex(of: "]") else { return nil }
            let rest = value[value.index(after: end)...]
            guard rest.isEmpty || (rest.hasPrefix(":") && rest.dropFirst().allSatisfy(\.isASCIIDigit)) else {
                return nil
            }
            return normalise(String(value[value.index(after: value.startIndex)..<end]))
        }
        let parts = value.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count <= 2, !parts[0].isEmpty else { return nil }
        if parts.count == 2, parts[1].isEmpty || !parts[1].allSatisfy(\.isASCIIDigit) { return nil }
        return normalise(String(parts[0]))
    }
}

extension HostPolicy {
    /// Whether an address to listen on is reachable from this machine only.
    static func isLoopbackAddress(_ host: String) -> Bool {
        let name = normalise(host)
        return name == "localhost" || isLoopback(name)
    }

    fileprivate static func normalise(_ host: String) -> String {
        var host = host.lowercased()
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        if host.hasSuffix("."), host.count > 1 { host.removeLast() }
        return host
    }

    fileprivate static func isLoopback(_ host: String) -> Bool {
        host == "::1" || (isIPv4(host) && host.hasPrefix("127."))
    }

    fileprivate static func isIPLiteral(_ host: String) -> Bool {
        isIPv4(host) || (host.contains(":") && host.allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." })
    }

    fileprivate static func isIPv4(_ host: String) -> Bool {
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4
            && parts.allSatisfy { !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isASCIIDigit) && Int($0)! <= 255 }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
