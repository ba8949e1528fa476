import ArgumentParser
import IncidentCore

extension Severity: ExpressibleByArgument {}
extension Role: ExpressibleByArgument {}
extension IncidentField: ExpressibleByArgument {}
extension ActionItem.Priority: ExpressibleByArgument {}
extension ActionItem.Category: ExpressibleByArgument {}

extension StatusMove: ExpressibleByArgument {
    public static var allValueStrings: [String] { argumentWords }
}
