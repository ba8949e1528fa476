import Foundation
import Testing

@testable import IncidentCore

@Suite struct HealthCheckFileTests {
    @Test func readsGatusEndpointsWithDefaults() throws {
        let file = try HealthCheckFile.parse(
            """
            endpoints:
              - name: website
                url: "https://twin.sh/health"
                conditions:
                  - "[STATUS] == 200"
                  - "[BODY].status == UP"
                  - "[RESPONSE_TIME] < 300"
              - name: api
                group: core
                url: "http://127.0.0.1:8080/health"
                method: POST
                headers:
                  Content-Type: application/json
                body: '{"ping":true}'
                interval: 30s
                client:
                  timeout: 2s
                alerts:
                  - type: slack
                    failure-threshold: 5
                    success-threshold: 1
                    send-on-resolved: true
                service: checkout
              - name: db
                url: tcp://127.0.0.1:5432
                conditions: ["[CONNECTED] == true"]
              - name: cert
                url: tls://example.org:443
                conditions: ["[CERTIFICATE_EXPIRATION] > 48h"]
              - name: queue
                command: "test -d /tmp"
              - name: off
                enabled: false
                url: http://127.0.0.1:1
            """, file: "checks.yaml")
        #expect(file.problems.isEmpty)
        #expect(file.checks.map(\.key) == ["website", "core/api", "db", "cert", "queue"])
        let website = file.checks[0]
        #expect(website.interval == 60 && website.timeout == 10)
        #expect(website.failureThreshold == 3 && website.successThreshold == 2)
        #expect(website.method == "GET" && website.conditions.count == 3)
        let api = file.checks[1]
        #expect(
            api.method == "POST" && api.headers == ["Content-Type": "application/json"] && api.body == #"{"ping":true}"#
        )
        #expect(api.interval == 30 && api.timeout == 2 && api.service == "checkout")
        #expect(api.failureThreshold == 5 && api.successThreshold == 1)
        #expect(file.checks[2].target == .tcp(host: "127.0.0.1", port: 5432))
        #expect(file.checks[3].target == .tls(host: "example.org", port: 443))
        #expect(file.checks[4].target == .command("test -d /tmp"))
        #expect(file.unsupported.map(\.message).contains { $0.contains("alert key `type`") })
        #expect(file.unsupported.count == 2)
    }

    @Test func badEndpointsAreReportedWithLineAndTextWhileTheOthersLoad() throws {
        let file = try HealthCheckFile.parse(
            """
            user: dana
            endpoints:
              - name: good
                url: http://127.0.0.1:1/ok
              - name: bad-url
                url: "htp:/nowhere"
              - name: bad-condition
                url: http://127.0.0.1:1/
                conditions:
                  - "[STATUS] == 200"
                  - "[STATUS] =~ 200"
              - name: unparseable
                url: http://127.0.0.1:1/
                conditions:
                  - "[STATUS]==200"
              - name: bad-interval
                url: http://127.0.0.1:1/
                interval: soon
              - name: no-target
            """, file: "config.yaml")
        #expect(file.checks.map(\.name) == ["good"])
        let messages = file.problems.map(\.description)
        #expect(messages.count == 5)
        #expect(messages[0].hasPrefix("config.yaml:6: endpoint `bad-url`: bad URL `htp:/nowhere`"))
        #expect(messages[1].hasPrefix("config.yaml:11: endpoint `bad-condition`: unknown operator `=~`"))
        #expect(messages[1].contains("`[STATUS] =~ 200`"))
        #expect(messages[2].hasPrefix("config.yaml:15: endpoint `unparseable`: no operator"))
        #expect(messages[3].hasPrefix("config.yaml:18: endpoint `bad-interval`: bad `interval` `soon`"))
        #expect(messages[4].hasPrefix("config.yaml:19: endpoint `no-target`: needs a `url`"))
    }

    @Test func unsupportedKeysAreReportedOnceEach() throws {
        let file = try HealthCheckFile.parse(
            """
            storage:
              type: sqlite
            endpoints:
              - name: a
                url: http://127.0.0.1:1/
                ui:
                  hide-hostname: true
                dns:
                  query-name: x
              - name: b
                url: http://127.0.0.1:1/
                ui:
                  hide-hostname: true
            """, file: "gatus.yaml")
        #expect(file.checks.count == 2)
        #expect(
            file.unsupported.map(\.description) == [
                "gatus.yaml:1: `storage` is a Gatus setting sitrep does not use; it is ignored",
                "gatus.yaml:6: endpoint key `ui` is not supported by sitrep and is ignored",
                "gatus.yaml:8: endpoint key `dns` is not supported by sitrep and is ignored",
            ])
    }

    @Test func retentionAndDuplicates() throws {
        let file = try HealthCheckFile.parse(
            """
            health-retention:
              max-age: 2h
              max-samples: 50
            endpoints:
              - name: a
                url: http://127.0.0.1:1/
              - name: a
                url: http://127.0.0.1:2/
            """, file: "c.yaml")
        #expect(file.retention == HealthRetention(maximumAge: 7200, maximumSamples: 50))
        #expect(file.checks.count == 1)
        #expect(file.problems.map(\.description) == ["c.yaml:7: endpoint `a` is defined twice (first on line 5)"])
        #expect(try SitrepConfig.parse("health-retention:\n  max-age: 1h\n", file: "c.yaml") == SitrepConfig())
    }

    @Test func invalidYAMLNamesTheLine() {
        #expect(throws: ConfigError.self) {
            try HealthCheckFile.parse("endpoints:\n  - name: [unclosed\n", file: "x.yaml")
        }
    }
}
