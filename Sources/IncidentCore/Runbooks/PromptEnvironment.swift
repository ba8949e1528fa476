/// runme's `promptEnv` attribute: whether to ask for the variables a step uses.
public enum PromptEnvironment: String, Codable, Sendable {
    /// Ask only for variables not already known (from the run or sitrep's own environment).
    case auto
    /// Always ask, even when the environment already has a value.
    case always
    /// Never ask: the step sets or tolerates its variables itself.
    case never

    /// runme writes `yes`/`no`/`auto` and sometimes `true`/`false`.
    init?(attribute: String) {
        switch attribute.lowercased() {
        case "auto": self = .auto
        case "yes", "true", "always": self = .always
        case "no", "false", "never": self = .never
        default: return nil
        }
    }
}
