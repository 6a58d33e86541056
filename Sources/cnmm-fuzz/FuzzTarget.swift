import CNMMKit
import Foundation

/// Feeds one input to the front matter splitter and decoder and to the preview server's request-path gate:
/// each must return a result or an error, never crash or hang.
///
/// Built with libFuzzer: `swift build -c debug --product cnmm-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING`,
/// then `.build/debug/cnmm-fuzz Tests/Fuzz/front-matter -max_total_time=300`. Without `FUZZING` it is a plain
/// program that replays the files named on its command line (the seed corpus), so CI builds and runs it.
func fuzzFrontMatter(_ data: Data) {
    FuzzEntry.frontMatter(data)
    FuzzEntry.requestPath(data)
}

#if FUZZING
    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzerTestOneInput(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
        fuzzFrontMatter(Data(bytes: start, count: count))
        return 0
    }

    typealias TestOneInput = @convention(c) (UnsafeRawPointer, Int) -> CInt

    @_silgen_name("LLVMFuzzerRunDriver")
    func runDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ test: TestOneInput
    ) -> CInt

    // SwiftPM links an executable's entry point under the name <target>_main; hand control to libFuzzer's driver.
    @_cdecl("cnmm_fuzz_main")
    public func fuzzMain(
        _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
    ) -> CInt {
        var count = argc
        var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
        return withUnsafeMutablePointer(to: &arguments) { pointer in
            runDriver(&count, pointer, fuzzerTestOneInput)
        }
    }
#else
    @main
    struct Replay {
        static func main() throws {
            var count = 0
            for argument in CommandLine.arguments.dropFirst() {
                let url = URL(fileURLWithPath: argument)
                let files =
                    (try? FileManager.default.contentsOfDirectory(atPath: url.path))?.sorted()
                    .map { url.appendingPathComponent($0) } ?? [url]
                for file in files {
                    fuzzFrontMatter(try Data(contentsOf: file))
                    count += 1
                }
            }
            print("replayed \(count) inputs")
        }
    }
#endif
