/// One kind of hostile input and the code that must survive it. `run` traps (through
/// `precondition`) when an invariant breaks, which libFuzzer and the corpus test both report.
public protocol FuzzTarget {
    /// The name `make fuzz`, `SITREP_FUZZ_TARGET` and the corpus folder use.
    static var name: String { get }
    /// How many seeded mutations the short pass in `make test` runs: fewer for slow targets.
    static var shortPassInputs: Int { get }
    mutating func run(_ input: [UInt8])
}

extension FuzzTarget {
    public static var shortPassInputs: Int { 300 }
}

/// Every target, by name; each is built once per process, since some prepare a store or a state.
public enum FuzzTargets {
    public static let names: [String] = [
        RunbookFuzzTarget.name, HealthFileFuzzTarget.name, ConditionFuzzTarget.name, ThemeFuzzTarget.name,
        ConfigFuzzTarget.name, TemplateFuzzTarget.name, AlertBodyFuzzTarget.name, ConsoleFuzzTarget.name,
    ]

    public static func make(_ name: String) throws -> any FuzzTarget {
        switch name {
        case RunbookFuzzTarget.name: return RunbookFuzzTarget()
        case HealthFileFuzzTarget.name: return HealthFileFuzzTarget()
        case ConditionFuzzTarget.name: return ConditionFuzzTarget()
        case ThemeFuzzTarget.name: return ThemeFuzzTarget()
        case ConfigFuzzTarget.name: return ConfigFuzzTarget()
        case TemplateFuzzTarget.name: return try TemplateFuzzTarget()
        case AlertBodyFuzzTarget.name: return AlertBodyFuzzTarget()
        case ConsoleFuzzTarget.name: return try ConsoleFuzzTarget()
        default: throw FuzzTargetError.unknown(name)
        }
    }
}

public enum FuzzTargetError: Error, CustomStringConvertible {
    case unknown(String)

    public var description: String {
        switch self {
        case .unknown(let name):
            "no fuzz target named \(name); the targets are \(FuzzTargets.names.joined(separator: ", "))"
        }
    }
}
