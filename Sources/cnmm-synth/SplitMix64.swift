/// A small, seeded random number generator (SplitMix64): the same seed gives the same sequence on every machine.
///
/// The standard library's generator is seeded by the system and cannot be replayed, so the synthetic site would
/// differ from run to run; this one makes it byte-identical.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A generator for one part of the site: the same seed and key give the same stream, different keys differ.
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
}

extension SplitMix64 {
    /// A number in `range`, without the modulo bias mattering for the small ranges used here.
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }

    /// True with the given probability.
    mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &self) < probability }
}
