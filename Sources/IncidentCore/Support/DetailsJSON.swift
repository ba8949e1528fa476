/// Writes a flat string map as JSON with sorted keys: deterministic bytes for the hash chain.
enum DetailsJSON {
    static func encode(_ values: [String: String]) -> String {
        var output = "{"
        for (index, key) in values.keys.sorted().enumerated() {
            if index > 0 { output += "," }
            appendQuoted(key, to: &output)
            output += ":"
            appendQuoted(values[key]!, to: &output)
        }
        return output + "}"
    }

    static func appendQuoted(_ text: String, to output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}
