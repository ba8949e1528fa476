import Foundation
import Testing

@testable import IncidentCore

/// Gatus's documented condition examples, plus the parse errors a config author can make.
@Suite struct HealthConditionTests {
    let now = Timestamp.parseOrFail("2025-11-04T10:00:00Z")

    func verdict(_ text: String, _ observation: CheckObservation) throws -> ConditionResult {
        let condition = try HealthCondition(parsing: text)
        return ConditionEvaluator(observation: observation, now: now).evaluate(condition)
    }

    func http(_ status: Int, body: String? = nil, ms: Double = 120) -> CheckObservation {
        CheckObservation(
            connected: true, statusCode: status, responseMilliseconds: ms, body: body.map { Array($0.utf8) })
    }

    @Test(arguments: [
        ("[STATUS] == 200", 200, true), ("[STATUS] == 200", 201, false), ("[STATUS] == 200", 404, false),
        ("[STATUS] < 300", 200, true), ("[STATUS] < 300", 299, true), ("[STATUS] < 300", 301, false),
        ("[STATUS] <= 299", 299, true), ("[STATUS] <= 299", 301, false),
        ("[STATUS] > 400", 401, true), ("[STATUS] > 400", 400, false), ("[STATUS] > 400", 200, false),
        ("[STATUS] == any(200, 429)", 429, true), ("[STATUS] == any(200, 429)", 201, false),
        ("[STATUS] != 500", 200, true), ("[STATUS] != 500", 500, false),
        ("[STATUS] >= 200", 200, true), ("[STATUS] == pat(2*)", 204, true), ("[STATUS] == pat(2*)", 500, false),
    ])
    func statusExamplesFromGatusDocs(condition: String, status: Int, passes: Bool) throws {
        #expect(try verdict(condition, http(status)).passed == passes)
    }

    @Test func responseTimeIsInMilliseconds() throws {
        #expect(try verdict("[RESPONSE_TIME] < 500", http(200, ms: 499)).passed)
        #expect(try !verdict("[RESPONSE_TIME] < 500", http(200, ms: 500)).passed)
        #expect(try verdict("[RESPONSE_TIME] < 500", http(200, ms: 700)).resolved == "[RESPONSE_TIME] (700) < 500")
    }

    @Test func bodyJSONPathsFromGatusDocs() throws {
        let user = http(200, body: #"{"user":{"name":"john","id":1},"data":[{"id":1},{"id":2}],"status":"UP"}"#)
        #expect(try verdict("[BODY].status == UP", user).passed)
        #expect(try verdict("[BODY].user.name == john", user).passed)
        #expect(try !verdict("[BODY].user.name == jane", user).passed)
        #expect(try verdict("[BODY].data[0].id == 1", user).passed)
        #expect(try verdict("[BODY].data[1].id == 2", user).passed)
        #expect(try verdict("len([BODY].data) < 5", user).passed)
        #expect(try verdict("len([BODY].data) == 2", user).passed)
        #expect(try verdict("len([BODY].user.name) == 4", user).passed)
        #expect(try verdict("[BODY].user.name == pat(jo*)", user).passed)
        #expect(try verdict("[BODY].user.id == any(1, 2)", user).passed)
        #expect(try verdict("has([BODY].errors) == false", user).passed)
        #expect(try verdict("has([BODY].user) == true", user).passed)
        #expect(try verdict("[BODY] == 1", http(200, body: "1")).passed)
        #expect(
            try verdict(
                "[BODY] == pat(*<h1>Example Domain</h1>*)", http(200, body: "<html><h1>Example Domain</h1></html>")
            ).passed)
    }

    @Test func missingPathAndInvalidJSONFailWithAReason() throws {
        let missing = try verdict("[BODY].status == UP", http(200, body: #"{"state":"UP"}"#))
        #expect(!missing.passed)
        #expect(missing.resolved == "[BODY].status (INVALID: [BODY].status not found) == UP")
        let notJSON = try verdict("[BODY].status == UP", http(200, body: "<html>oops</html>"))
        #expect(!notJSON.passed)
        #expect(notJSON.resolved.contains("body is not valid JSON"))
        let notEqual = try verdict("[BODY].status != DOWN", http(200, body: "not json"))
        #expect(!notEqual.passed)
        #expect(
            try verdict("[BODY].items[3].id == 1", http(200, body: #"{"items":[{"id":1}]}"#)).resolved.contains(
                "not found"))
    }

    @Test func connectedAndCertificateExpiration() throws {
        #expect(try verdict("[CONNECTED] == true", CheckObservation(connected: true)).passed)
        #expect(try !verdict("[CONNECTED] == true", CheckObservation(connected: false)).passed)
        let inThreeDays = CheckObservation(connected: true, certificateExpiresAt: now.addingTimeInterval(72 * 3600))
        #expect(try verdict("[CERTIFICATE_EXPIRATION] > 48h", inThreeDays).passed)
        #expect(try !verdict("[CERTIFICATE_EXPIRATION] > 96h", inThreeDays).passed)
        #expect(
            try verdict("[CERTIFICATE_EXPIRATION] > 96h", inThreeDays).resolved
                == "[CERTIFICATE_EXPIRATION] (72h) > 96h")
        #expect(try !verdict("[CERTIFICATE_EXPIRATION] > 48h", CheckObservation(connected: false)).passed)
    }

    @Test func goDurations() {
        #expect(GoDuration.seconds("48h") == 172_800)
        #expect(GoDuration.seconds("1h30m") == 5400)
        #expect(GoDuration.seconds("500ms") == 0.5)
        #expect(GoDuration.seconds("1.5s") == 1.5)
        #expect(GoDuration.seconds("10") == nil)
        #expect(GoDuration.seconds("5 minutes") == nil)
        #expect(GoDuration.text(seconds: 5400) == "1h30m")
    }

    @Test(arguments: [
        ("[STATUS] =~ 200", "unknown operator `=~`"),
        ("[STATUS] => 200", "unknown operator `=>`"),
        ("[STATUS]==200", "no operator"),
        ("[STAUTS] == 200", "unknown placeholder `[STAUTS]`"),
        ("[BODY].data[x] == 1", "bad JSON path"),
        ("size([BODY].data) == 1", "unknown function `size()`"),
        ("[STATUS] < pat(2*)", "pat() only works with == and !="),
        ("[STATUS] == ", "a side of the comparison is empty"),
        ("[STATUS].code == 200", "only [BODY] takes a path"),
    ])
    func parseErrorsNameTheProblem(condition: String, reason: String) {
        #expect {
            try HealthCondition(parsing: condition)
        } throws: { error in
            "\(error)".contains(reason) && "\(error)".contains(condition.trimmingCharacters(in: .whitespaces))
        }
    }

    @Test func wildcardPatterns() {
        #expect(WildcardPattern.matches("*", "anything"))
        #expect(WildcardPattern.matches("2*", "204"))
        #expect(WildcardPattern.matches("*UP*", "status UP now"))
        #expect(WildcardPattern.matches("a*c*e", "abcde"))
        #expect(!WildcardPattern.matches("a*c*e", "abcd"))
        #expect(!WildcardPattern.matches("2*", "500"))
    }
}
