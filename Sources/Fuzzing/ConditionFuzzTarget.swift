import Foundation
import IncidentCore

/// A condition string (the first line) judged against a response whose body is the rest: parsing
/// either fails with a reason or gives a condition whose verdict is the same every time.
public struct ConditionFuzzTarget: FuzzTarget {
    public static let name = "condition"
    static let now = Date(timeIntervalSince1970: 1_764_000_000)

    public init() {}

    public mutating func run(_ input: [UInt8]) {
        let (head, body) = FuzzInput.split(input)
        let condition: HealthCondition
        do {
            condition = try HealthCondition(parsing: FuzzInput.text(head))
        } catch {
            precondition(!"\(error)".isEmpty, "a condition is refused without a reason")
            return
        }
        let status = body.first.map { 100 + Int($0) * 2 }
        let observation = CheckObservation(
            connected: !body.isEmpty, statusCode: status, responseMilliseconds: Double(body.count % 997), body: body,
            certificateExpiresAt: Self.now.addingTimeInterval(Double(body.count) * 3600),
            error: body.isEmpty ? "connection refused" : nil, exitStatus: Int32(body.count % 3))
        let evaluator = ConditionEvaluator(observation: observation, now: Self.now)
        let first = evaluator.evaluate(condition)
        precondition(evaluator.evaluate(condition) == first, "the same condition judged twice differs")
    }
}
