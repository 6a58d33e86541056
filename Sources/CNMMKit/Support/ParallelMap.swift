import Foundation

extension Array where Element: Sendable {
    /// Maps the elements on all cores, keeping their order. `transform` must not touch shared mutable state.
    func parallelMap<T>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        var results = [T?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { buffer in
            let slots = UncheckedSendable(buffer)
            self.withUnsafeBufferPointer { input in
                let input = UncheckedSendable(input)
                DispatchQueue.concurrentPerform(iterations: input.value.count) { index in
                    slots.value[index] = transform(input.value[index])
                }
            }
        }
        return results.map { $0! }
    }
}

/// Lets `concurrentPerform` write disjoint slots of one buffer.
struct UncheckedSendable<Value>: @unchecked Sendable {
    var value: Value
    init(_ value: Value) { self.value = value }
}
