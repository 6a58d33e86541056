/// A small, seeded random number generator (SplitMix64): the same seed gives the same sequence on every machine.
///
/// The same algorithm as cnmm-synth's, which a test target cannot import. `SystemRandomNumberGenerator` cannot be
/// replayed; a property test seeded with this one gives the same cases on every run of the same seed.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A generator for one case: the same seed and key give the same stream, different keys differ.
    init(seed: UInt64, key: [UInt64]) {
        var mixer = SplitMix64(seed: seed)
        for value in key { mixer = SplitMix64(seed: mixer.next() ^ value) }
        state = mixer.next()
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }

    /// True with the given probability.
    mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &self) < probability }

    /// One element of a non-empty collection.
    mutating func pick<C: Collection>(_ elements: C) -> C.Element { elements.randomElement(using: &self)! }
}
