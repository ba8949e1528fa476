import Foundation
import Testing

@testable import IncidentCore

/// Gatus's own condition table (config/endpoint/condition_test.go, TestCondition_evaluate),
/// every scenario sitrep has the placeholder for, with the verdict Gatus expects. Gatus's display
/// strings differ from sitrep's and are not compared.
@Suite struct GatusConditionTableTests {
    static let now = Timestamp.parseOrFail("2025-11-04T10:00:00Z")

    /// One scenario: what the probe saw and the verdict Gatus gives.
    struct Scenario: Sendable, CustomTestStringConvertible {
        var name: String
        var condition: String
        var status: Int? = nil
        var milliseconds: Double = 0
        var body: String? = nil
        var connected = true
        var certificateHours: Double? = nil
        var passes: Bool

        var testDescription: String { name }

        var observation: CheckObservation {
            CheckObservation(
                connected: connected, statusCode: status, responseMilliseconds: milliseconds,
                body: body.map { Array($0.utf8) },
                certificateExpiresAt: certificateHours.map {
                    GatusConditionTableTests.now.addingTimeInterval($0 * 3600)
                })
        }
    }

    static let scenarios: [Scenario] = [
        Scenario(name: "status", condition: "[STATUS] == 200", status: 200, passes: true),
        Scenario(name: "status-failure", condition: "[STATUS] == 200", status: 500, passes: false),
        Scenario(name: "status-using-less-than", condition: "[STATUS] < 300", status: 201, passes: true),
        Scenario(name: "status-using-less-than-failure", condition: "[STATUS] < 300", status: 404, passes: false),
        Scenario(
            name: "response-time-using-less-than", condition: "[RESPONSE_TIME] < 500", milliseconds: 50, passes: true),
        Scenario(
            name: "response-time-using-less-than-with-duration", condition: "[RESPONSE_TIME] < 1s", milliseconds: 50,
            passes: true),
        Scenario(
            name: "response-time-using-less-than-invalid", condition: "[RESPONSE_TIME] < potato", milliseconds: 50,
            passes: false),
        Scenario(
            name: "response-time-using-greater-than", condition: "[RESPONSE_TIME] > 500", milliseconds: 750,
            passes: true),
        Scenario(
            name: "response-time-using-greater-than-with-duration", condition: "[RESPONSE_TIME] > 1s",
            milliseconds: 2000, passes: true),
        Scenario(
            name: "response-time-using-greater-than-or-equal-to-equal", condition: "[RESPONSE_TIME] >= 500",
            milliseconds: 500, passes: true),
        Scenario(
            name: "response-time-using-greater-than-or-equal-to-greater", condition: "[RESPONSE_TIME] >= 500",
            milliseconds: 499, passes: false),
        Scenario(
            name: "response-time-using-less-than-or-equal-to-equal", condition: "[RESPONSE_TIME] <= 500",
            milliseconds: 500, passes: true),
        Scenario(
            name: "response-time-using-less-than-or-equal-to-less", condition: "[RESPONSE_TIME] <= 500",
            milliseconds: 25, passes: true),
        Scenario(
            name: "response-time-using-less-than-or-equal-to-failure", condition: "[RESPONSE_TIME] <= 500",
            milliseconds: 750, passes: false),
        Scenario(name: "body", condition: "[BODY] == test", body: "test", passes: true),
        Scenario(
            name: "body-resolved-on-success", condition: "[BODY].status == UP", body: #"{"status":"UP"}"#, passes: true),
        Scenario(name: "body-numerical-equal", condition: "[BODY] == 123", body: "123", passes: true),
        Scenario(name: "body-numerical-less-than", condition: "[BODY] < 124", body: "123", passes: true),
        Scenario(name: "body-numerical-greater-than", condition: "[BODY] > 122", body: "123", passes: true),
        Scenario(name: "body-numerical-greater-than-failure", condition: "[BODY] > 123", body: "100", passes: false),
        Scenario(name: "body-jsonpath", condition: "[BODY].status == UP", body: #"{"status":"UP"}"#, passes: true),
        Scenario(
            name: "body-jsonpath-complex", condition: "[BODY].data.name == john",
            body: #"{"data": {"id": 1, "name": "john"}}"#, passes: true),
        Scenario(
            name: "body-jsonpath-complex-invalid", condition: "[BODY].data.name == john", body: #"{"data": {"id": 1}}"#,
            passes: false),
        Scenario(
            name: "body-jsonpath-complex-len-invalid", condition: "len([BODY].data.name) == john",
            body: #"{"data": {"id": 1}}"#, passes: false),
        Scenario(
            name: "body-jsonpath-double-placeholder", condition: "[BODY].user.firstName != [BODY].user.lastName",
            body: #"{"user": {"firstName": "john", "lastName": "doe"}}"#, passes: true),
        Scenario(
            name: "body-jsonpath-double-placeholder-failure",
            condition: "[BODY].user.firstName == [BODY].user.lastName",
            body: #"{"user": {"firstName": "john", "lastName": "doe"}}"#, passes: false),
        Scenario(
            name: "body-jsonpath-when-body-is-array", condition: "[BODY][0].id == 1", body: #"[{"id": 1}, {"id": 2}]"#,
            passes: true),
        Scenario(
            name: "body-jsonpath-when-body-has-null-parameter", condition: "[BODY].data == OK",
            body: #"{"data": null}""#, passes: false),
        Scenario(
            name: "body-jsonpath-when-body-has-array-with-null", condition: "[BODY].items[0] == OK",
            body: #"{"items": [null, null]}""#, passes: false),
        Scenario(name: "body-jsonpath-when-body-is-null", condition: "[BODY].data == OK", body: "null", passes: false),
        Scenario(
            name: "body-jsonpath-when-body-is-array-but-actual-body-is-not", condition: "[BODY][0].name == test",
            body: #"{"statusCode": 500, "message": "Internal Server Error"}"#, passes: false),
        Scenario(
            name: "body-jsonpath-complex-int", condition: "[BODY].data.id == 1", body: #"{"data": {"id": 1}}"#,
            passes: true),
        Scenario(
            name: "body-jsonpath-complex-array-int", condition: "[BODY].data[1].id == 2",
            body: #"{"data": [{"id": 1}, {"id": 2}, {"id": 3}]}"#, passes: true),
        Scenario(
            name: "body-jsonpath-complex-int-using-greater-than", condition: "[BODY].data.id > 0",
            body: #"{"data": {"id": 1}}"#, passes: true),
        Scenario(
            name: "body-jsonpath-hexadecimal-int-using-greater-than", condition: "[BODY].data > 0",
            body: #"{"data": "0x1"}"#, passes: true),
        Scenario(
            name: "body-jsonpath-hexadecimal-int-using-equal-to-0x1", condition: "[BODY].data == 1",
            body: #"{"data": "0x1"}"#, passes: true),
        Scenario(
            name: "body-jsonpath-hexadecimal-int-using-equals", condition: "[BODY].data == 0x1",
            body: #"{"data": "0x1"}"#, passes: true),
        Scenario(
            name: "body-jsonpath-hexadecimal-int-using-equal-to-0x2", condition: "[BODY].data == 2",
            body: #"{"data": "0x2"}"#, passes: true),
        Scenario(
            name: "body-jsonpath-hexadecimal-int-using-equal-to-0xF", condition: "[BODY].data == 15",
            body: #"{"data": "0xF"}"#, passes: true),
        Scenario(
            name: "body-jsonpath-hexadecimal-int-using-equal-to-0xC0ff33", condition: "[BODY].data == 12648243",
            body: #"{"data": "0xC0ff33"}"#, passes: true),
        Scenario(
            name: "body-jsonpath-hexadecimal-int-len", condition: "len([BODY].data) == 3", body: #"{"data": "0x1"}"#,
            passes: true),
        Scenario(
            name: "body-jsonpath-hexadecimal-int-greater", condition: "[BODY].data >= 1", body: #"{"data": "0x01"}"#,
            passes: true),
        Scenario(
            name: "body-jsonpath-hexadecimal-int-0x01-len", condition: "len([BODY].data) == 4",
            body: #"{"data": "0x01"}"#, passes: true),
        Scenario(
            name: "body-jsonpath-octal-int-using-greater-than", condition: "[BODY].data > 0", body: #"{"data": "0o1"}"#,
            passes: true),
        Scenario(
            name: "body-jsonpath-octal-int-using-equal", condition: "[BODY].data == 2", body: #"{"data": "0o2"}"#,
            passes: true),
        Scenario(
            name: "body-jsonpath-octal-int-using-equals", condition: "[BODY].data == 0o2", body: #"{"data": "0o2"}"#,
            passes: true),
        Scenario(
            name: "body-jsonpath-binary-int-using-greater-than", condition: "[BODY].data > 0",
            body: #"{"data": "0b1"}"#, passes: true),
        Scenario(
            name: "body-jsonpath-binary-int-using-equal", condition: "[BODY].data == 2", body: #"{"data": "0b0010"}"#,
            passes: true),
        Scenario(
            name: "body-jsonpath-binary-int-using-equals", condition: "[BODY].data == 0b10",
            body: #"{"data": "0b0010"}"#, passes: true),
        Scenario(
            name: "body-jsonpath-complex-int-using-greater-than-failure", condition: "[BODY].data.id > 5",
            body: #"{"data": {"id": 1}}"#, passes: false),
        Scenario(
            name: "body-jsonpath-float-using-greater-than-issue433", condition: "[BODY].balance > 100",
            body: #"{"balance": "123.40000000000005"}"#, passes: true),
        Scenario(
            name: "body-jsonpath-complex-int-using-less-than", condition: "[BODY].data.id < 5",
            body: #"{"data": {"id": 2}}"#, passes: true),
        Scenario(
            name: "body-jsonpath-complex-int-using-less-than-failure", condition: "[BODY].data.id < 5",
            body: #"{"data": {"id": 10}}"#, passes: false),
        Scenario(name: "connected", condition: "[CONNECTED] == true", connected: true, passes: true),
        Scenario(name: "connected-failure", condition: "[CONNECTED] == true", connected: false, passes: false),
        Scenario(name: "certificate-expiration-not-set", condition: "[CERTIFICATE_EXPIRATION] == 0", passes: true),
        Scenario(
            name: "certificate-expiration-greater-than-numerical", condition: "[CERTIFICATE_EXPIRATION] > 2419200000",
            certificateHours: 24 * 60, passes: true),
        Scenario(
            name: "certificate-expiration-greater-than-numerical-failure",
            condition: "[CERTIFICATE_EXPIRATION] > 2419200000", certificateHours: 24 * 14, passes: false),
        Scenario(
            name: "certificate-expiration-greater-than-duration", condition: "[CERTIFICATE_EXPIRATION] > 12h",
            certificateHours: 24, passes: true),
        Scenario(
            name: "certificate-expiration-greater-than-duration-failure", condition: "[CERTIFICATE_EXPIRATION] > 48h",
            certificateHours: 24, passes: false),
        Scenario(name: "no-placeholders", condition: "1 == 2", passes: false),
        Scenario(
            name: "len-body-jsonpath-complex", condition: "len([BODY].data.name) == 4",
            body: #"{"data": {"name": "john"}}"#, passes: true),
        Scenario(
            name: "len-body-array", condition: "len([BODY]) == 3", body: #"[{"id": 1}, {"id": 2}, {"id": 3}]"#,
            passes: true),
        Scenario(
            name: "len-body-keyed-array", condition: "len([BODY].data) == 3",
            body: #"{"data": [{"id": 1}, {"id": 2}, {"id": 3}]}"#, passes: true),
        Scenario(
            name: "len-body-array-invalid", condition: "len([BODY].data) == 8", body: #"{"name": "john.doe"}"#,
            passes: false),
        Scenario(name: "len-body-string", condition: "len([BODY]) == 8", body: "john.doe", passes: true),
        Scenario(
            name: "len-body-keyed-string", condition: "len([BODY].name) == 8", body: #"{"name": "john.doe"}"#,
            passes: true),
        Scenario(name: "len-body-keyed-int", condition: "len([BODY].age) == 2", body: #"{"age":18}"#, passes: true),
        Scenario(
            name: "len-body-keyed-bool", condition: "len([BODY].adult) == 4", body: #"{"adult":true}"#, passes: true),
        Scenario(
            name: "len-body-object-inside-array", condition: "len([BODY][0]) == 23",
            body: #"[{"age":18,"adult":true}]"#, passes: true),
        Scenario(
            name: "len-body-object-keyed-int-inside-array", condition: "len([BODY][0].age) == 2",
            body: #"[{"age":18,"adult":true}]"#, passes: true),
        Scenario(
            name: "len-body-keyed-bool-inside-array", condition: "len([BODY][0].adult) == 4",
            body: #"[{"age":18,"adult":true}]"#, passes: true),
        Scenario(name: "len-body-object", condition: "len([BODY]) == 20", body: #"{"name": "john.doe"}"#, passes: true),
        Scenario(name: "pat-body-1", condition: "[BODY] == pat(*john*)", body: #"{"name": "john.doe"}"#, passes: true),
        Scenario(
            name: "pat-body-2", condition: "[BODY].name == pat(john*)", body: #"{"name": "john.doe"}"#, passes: true),
        Scenario(
            name: "pat-body-failure", condition: "[BODY].name == pat(bob*)", body: #"{"name": "john.doe"}"#,
            passes: false),
        Scenario(name: "pat-status", condition: "[STATUS] == pat(4*)", status: 404, passes: true),
        Scenario(name: "pat-status-failure", condition: "[STATUS] == pat(4*)", status: 200, passes: false),
        Scenario(
            name: "any-body-1", condition: "[BODY].name == any(john.doe, jane.doe)", body: #"{"name": "john.doe"}"#,
            passes: true),
        Scenario(
            name: "any-body-2", condition: "[BODY].name == any(john.doe, jane.doe)", body: #"{"name": "jane.doe"}"#,
            passes: true),
        Scenario(
            name: "any-body-failure", condition: "[BODY].name == any(john.doe, jane.doe)", body: #"{"name": "bob"}"#,
            passes: false),
        Scenario(name: "any-status-1", condition: "[STATUS] == any(200, 429)", status: 200, passes: true),
        Scenario(name: "any-status-2", condition: "[STATUS] == any(200, 429)", status: 429, passes: true),
        Scenario(name: "any-status-reverse", condition: "any(200, 429) == [STATUS]", status: 429, passes: true),
        Scenario(name: "any-status-failure", condition: "[STATUS] == any(200, 429)", status: 404, passes: false),
        Scenario(name: "has", condition: "has([BODY].errors) == false", body: "{}", passes: true),
        Scenario(
            name: "has-key-of-map", condition: "has([BODY].article) == true",
            body: #"{"article": {"id": 123, "tags": ["hello"]}}"#, passes: true),
        Scenario(
            name: "has-failure", condition: "has([BODY].errors) == false", body: #"{"errors": ["1"]}"#, passes: false),
    ]

    @Test(arguments: scenarios)
    func gatusVerdict(_ scenario: Scenario) throws {
        let condition = try HealthCondition(parsing: scenario.condition)
        let result = ConditionEvaluator(observation: scenario.observation, now: Self.now).evaluate(condition)
        #expect(result.passed == scenario.passes, "\(scenario.condition) → \(result.resolved)")
    }

    @Test func integersInEveryBaseGoReads() {
        #expect(GoNumber.integer("0x1F") == 31)
        #expect(GoNumber.integer("0X1f") == 31)
        #expect(GoNumber.integer("0o17") == 15)
        #expect(GoNumber.integer("017") == 15)
        #expect(GoNumber.integer("0b101") == 5)
        #expect(GoNumber.integer("-0x10") == -16)
        #expect(GoNumber.integer("1_000") == 1000)
        #expect(GoNumber.integer("0x_1F") == 31)
        #expect(GoNumber.integer("1__0") == nil)
        #expect(GoNumber.integer("_1") == nil)
        #expect(GoNumber.integer("08") == nil)
        #expect(GoNumber.integer("9223372036854775808") == nil)
        #expect(GoNumber.integer("-9223372036854775808") == Int64.min)
        #expect(GoNumber.integer("1.5") == nil)
        #expect(GoNumber.ordering("1.9") == 1)
        #expect(GoNumber.ordering("-1.9") == -1)
        #expect(GoNumber.ordering("250ms") == 250)
        #expect(GoNumber.ordering("potato") == 0)
    }
}
