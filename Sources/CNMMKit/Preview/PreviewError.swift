import NIOCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why the preview server could not start, said so that the person knows what to do.
public enum PreviewError: Error, Sendable, CustomStringConvertible {
    case addressInUse(host: String, port: Int)
    case cannotListen(host: String, port: Int, reason: String)

    public var description: String {
        switch self {
        case .addressInUse(let host, let port):
            "\(Self.address(host, port)) is already in use (another cnmm serve?); choose another port with --port, "
                + "for example --port \(port == 65535 ? 1313 : port + 1)"
        case .cannotListen(let host, let port, let reason):
            "cannot listen on \(Self.address(host, port)): \(SafeText.console(reason, keepNewlines: false))"
        }
    }

    /// The preview error an error of the network layer means, if any.
    init?(_ error: any Error, host: String, port: Int) {
        if let error = error as? IOError {
            self =
                error.errnoCode == EADDRINUSE
                ? .addressInUse(host: host, port: port)
                : .cannotListen(host: host, port: port, reason: String(cString: strerror(error.errnoCode)))
        } else if error is SocketAddressError || error is SocketAddressError.UnknownHost {
            self = .cannotListen(host: host, port: port, reason: "unknown host")
        } else {
            return nil
        }
    }

    private static func address(_ host: String, _ port: Int) -> String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}
