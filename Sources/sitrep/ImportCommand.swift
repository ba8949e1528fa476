import ArgumentParser
import CommandLineSupport
import Foundation
import IncidentCore

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Load a dump from `sitrep export --all` into this store (a file or postgres://…).",
        discussion: """
            All or nothing: every timeline's hash chain is checked first, and a dump that does not verify, \
            or holds a key the store already has, writes nothing.
            """)

    @Argument(help: "The dump file, or - for standard input.") var file: String
    @OptionGroup var options: StoreOptions

    func run() throws {
        let data: Data
        if file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let contents = FileManager.default.contents(atPath: file) else {
                FileHandle.standardError.write(Data("sitrep: \(file): cannot read the file\n".utf8))
                throw ExitCode(66)
            }
            data = contents
        }
        let counts = try options.run { store, _ in
            try store.load(try StoreDump.decode(data, source: file == "-" ? "standard input" : file))
        }
        print("imported \(counts.incidents) incidents (\(counts.entries) entries) and \(counts.handoffs) handoffs")
    }
}
