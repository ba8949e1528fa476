import Foundation
import Testing

@testable import IncidentCore

/// PATH lookup done by sitrep itself before a step starts, as execvp would do it.
@Suite struct ExecutableLookupTests {
    let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "sitrep-lookup-" + UUID().uuidString
        for name in ["empty", "plain", "tools"] {
            try FileManager.default.createDirectory(
                atPath: folder + "/" + name, withIntermediateDirectories: true)
        }
        // A directory and a non-executable file with the program's name must be passed over.
        try FileManager.default.createDirectory(atPath: folder + "/empty/probe", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(
            atPath: folder + "/plain/probe", contents: Data("#!/bin/sh\n".utf8), attributes: [.posixPermissions: 0o644])
        _ = FileManager.default.createFile(
            atPath: folder + "/tools/probe", contents: Data("#!/bin/sh\n".utf8), attributes: [.posixPermissions: 0o755])
    }

    @Test func findsTheFirstExecutableFileInPathOrder() {
        let path = [folder + "/missing", folder + "/empty", folder + "/plain", folder + "/tools"].joined(separator: ":")
        #expect(ExecutableLookup.resolve("probe", searchPath: path) == folder + "/tools/probe")
    }

    @Test func reportsNothingWhenNoFolderHasIt() {
        #expect(ExecutableLookup.resolve("probe", searchPath: folder + "/empty:" + folder + "/plain") == nil)
        #expect(ExecutableLookup.resolve("probe", searchPath: nil) == nil)
    }

    @Test func leavesPathsAndEmptyNamesAlone() {
        #expect(ExecutableLookup.resolve("./probe", searchPath: folder + "/tools") == nil)
        #expect(ExecutableLookup.resolve("", searchPath: folder + "/tools") == nil)
    }

    @Test func findsBashOnThisMachine() throws {
        let found = try #require(ExecutableLookup.resolve("bash", searchPath: "/nonexistent:/usr/bin:/bin"))
        #expect(found.hasSuffix("/bash"))
    }
}
