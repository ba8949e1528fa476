import Foundation
import Fuzzing

#if FUZZING
    /// The target libFuzzer drives, picked once from `SITREP_FUZZ_TARGET` (see `make fuzz`).
    nonisolated(unsafe) var selected: (any FuzzTarget)?

    @_cdecl("LLVMFuzzerInitialize")
    public func initialize(
        _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
    )
        -> CInt
    {
        let name = ProcessInfo.processInfo.environment["SITREP_FUZZ_TARGET"] ?? ""
        do {
            selected = try FuzzTargets.make(name)
        } catch {
            FileHandle.standardError.write(Data("sitrep-fuzz: SITREP_FUZZ_TARGET: \(error)\n".utf8))
            exit(64)
        }
        return 0
    }

    @_cdecl("LLVMFuzzerTestOneInput")
    public func testOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
        selected?.run(Array(UnsafeBufferPointer(start: data, count: size)))
        return 0
    }
#else
    /// Without the fuzzer (a plain `swift build`), the same targets replay files:
    /// `sitrep-fuzz TARGET FILE...`, to reproduce a crash under a debugger.
    @main enum FuzzReplay {
        static func main() {
            let arguments = CommandLine.arguments.dropFirst()
            guard let name = arguments.first, arguments.count > 1 else {
                print("usage: sitrep-fuzz TARGET FILE...  (targets: \(FuzzTargets.names.joined(separator: ", ")))")
                exit(64)
            }
            do {
                var target = try FuzzTargets.make(name)
                for path in arguments.dropFirst() {
                    guard let data = FileManager.default.contents(atPath: path) else {
                        FileHandle.standardError.write(Data("sitrep-fuzz: \(path): cannot be read\n".utf8))
                        exit(66)
                    }
                    target.run(Array(data))
                    print("\(path): ok")
                }
            } catch {
                FileHandle.standardError.write(Data("sitrep-fuzz: \(error)\n".utf8))
                exit(64)
            }
        }
    }
#endif
