import Foundation

/// A browser's live-reload connection: reads `/__cnmm/events` over a raw socket on a thread of its
/// own and hands the test each Server-Sent Event.
final class EventStreamClient: @unchecked Sendable {
    struct Event: Sendable, Equatable {
        var name: String
        var data: String
    }

    private let socket: RawSocket
    private var iterator: AsyncStream<Event>.AsyncIterator

    /// Connects and waits for the server's `hello`.
    static func connect(port: Int) async throws -> (EventStreamClient, hello: Event) {
        let socket = try await onOwnThread {
            let socket = try RawSocket(port: port)
            try socket.send(Array("GET /__cnmm/events HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n".utf8))
            return socket
        }
        let client = EventStreamClient(socket: socket)
        let hello = try await client.next("hello")
        return (client, hello)
    }

    private init(socket: RawSocket) {
        self.socket = socket
        let (stream, continuation) = AsyncStream.makeStream(of: Event.self)
        iterator = stream.makeAsyncIterator()
        let thread = Thread {
            var parser = Parser()
            while let bytes = try? socket.receive(), !bytes.isEmpty {
                for event in parser.feed(bytes) { continuation.yield(event) }
            }
            continuation.finish()
        }
        thread.start()
    }

    /// The next event, which must be called `name`.
    func next(_ name: String, seconds: Double = 30) async throws -> Event {
        let event = try await withTimeout(seconds, "the event '\(name)'") { [self] in
            await nextEvent()
        }
        guard let event else { throw RawSocket.Failure(description: "the event stream ended before '\(name)'") }
        guard event.name == name else {
            throw RawSocket.Failure(description: "expected the event '\(name)', got '\(event.name)' (\(event.data))")
        }
        return event
    }

    func close() {
        socket.shutDown()
    }

    private func nextEvent() async -> Event? {
        await iterator.next()
    }
}

extension EventStreamClient {
    /// Takes the response head off, undoes chunked transfer encoding, and cuts the text into events.
    fileprivate struct Parser {
        private var buffer: [UInt8] = []
        private var headDone = false
        private var chunked = false
        private var text = ""

        mutating func feed(_ bytes: [UInt8]) -> [Event] {
            buffer += bytes
            if !headDone {
                guard let end = buffer.firstRange(of: Array("\r\n\r\n".utf8)) else { return [] }
                let head = String(decoding: buffer[..<end.lowerBound], as: UTF8.self).lowercased()
                chunked = head.contains("transfer-encoding: chunked")
                buffer.removeSubrange(..<end.upperBound)
                headDone = true
            }
            if chunked {
                while let lineEnd = buffer.firstRange(of: Array("\r\n".utf8)),
                    let size = Int(String(decoding: buffer[..<lineEnd.lowerBound], as: UTF8.self), radix: 16),
                    buffer.count >= lineEnd.upperBound + size + 2
                {
                    let start = lineEnd.upperBound
                    text += String(decoding: buffer[start..<start + size], as: UTF8.self)
                    buffer.removeSubrange(..<(start + size + 2))
                }
            } else {
                text += String(decoding: buffer, as: UTF8.self)
                buffer = []
            }
            var events: [Event] = []
            while let end = text.range(of: "\n\n") {
                var event = Event(name: "message", data: "")
                for line in text[..<end.lowerBound].split(separator: "\n") {
                    if line.hasPrefix("event: ") { event.name = String(line.dropFirst(7)) }
                    if line.hasPrefix("data: ") { event.data = String(line.dropFirst(6)) }
                }
                text.removeSubrange(..<end.upperBound)
                if !text.isEmpty || event.name != "message" || !event.data.isEmpty { events.append(event) }
            }
            return events
        }
    }
}
