import ArgumentParser
import CommandLineSupport
import IncidentCore

struct AssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign", abstract: "Give someone a role on an incident (or take it back with --remove).",
        discussion: "Commander, scribe and comms have one holder each; assigning replaces the previous one.")

    @Argument(help: "Incident key.") var key: String
    @Argument(help: "Role.") var role: Role
    @Argument(help: "Person.") var person: String
    @Flag(name: .long, help: "Remove the person from the role instead.") var remove = false
    @OptionGroup var time: EventTimeOption
    @OptionGroup var options: StoreOptions

    func run() throws {
        try options.run { store, author in
            if remove {
                try store.releaseRole(key: key, role: role, person: person, by: time.attribution(author))
            } else {
                _ = try store.assignRole(key: key, role: role, person: person, by: time.attribution(author))
            }
        }
        print("\(key.uppercased()) \(role.rawValue) \(remove ? "-" : "")\(person)")
    }
}
