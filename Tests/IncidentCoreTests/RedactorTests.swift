import Foundation
import Testing

@testable import IncidentCore

@Suite struct RedactorTests {
    /// Each secret is planted inside ordinary text; the secret part must vanish and the marker appear.
    static let planted: [(text: String, secret: String)] = [
        ("curl -H 'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig' https://api", "eyJhbGciOiJIUzI1NiJ9"),
        ("-H \"Authorization: Basic YWxpY2U6aHVudGVyMg==\"", "YWxpY2U6aHVudGVyMg=="),
        ("Proxy-Authorization: Bearer sk_live_51HxYz", "sk_live_51HxYz"),
        ("{\"authorization\": \"Token 9f8e7d6c5b4a\"}", "9f8e7d6c5b4a"),
        ("login failed with password=hunter2 for svc", "hunter2"),
        ("PGPASSWORD=s3cr3t-pass psql -h db", "s3cr3t-pass"),
        ("db_password: 'p@ss w0rd' in values.yaml", "p@ss w0rd"),
        ("{\"password\": \"correct horse battery\"}", "correct horse battery"),
        ("mysql --password hunter3 -u root", "hunter3"),
        ("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "wJalrXUtnFEMI/K7MDENG"),
        ("export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLE"),
        ("key id AKIAIOSFODNN7EXAMPLE leaked in logs", "AKIAIOSFODNN7EXAMPLE"),
        ("temporary ASIAY34FZKBOKMUTVV7A creds", "ASIAY34FZKBOKMUTVV7A"),
        (
            "git clone https://ghp_16C7e42F292c6912E7710c838347Ae178B4a@github.com/x",
            "ghp_16C7e42F292c6912E7710c838347Ae178B4a"
        ),
        ("token gho_abcdefghijklmnopqrstuvwxyz0123456789 in CI", "gho_abcdefghijklmnopqrstuvwxyz0123456789"),
        (
            "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEF used",
            "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEF"
        ),
        ("slack bot xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx", "xoxb-1234567890-0987654321"),
        ("user token xoxp-2222222222-3333333333-4444444444-abcdef", "xoxp-2222222222"),
        (
            "posted to https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX ok",
            "T00000000/B00000000"
        ),
        ("DATABASE_URL=postgres://app:SuperSecret1@db:5432/app", "SuperSecret1"),
        ("psql postgres://app:SuperSecret2@db:5432/app -c 'select 1'", "SuperSecret2"),
        ("client_secret: 8a7b6c5d4e3f", "8a7b6c5d4e3f"),
        ("GITHUB_TOKEN=abc123def456", "abc123def456"),
        ("api_key=AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY", "AIzaSyD-9tSrke72PouQMnMX"),
        (
            "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA7bq1\nAbCdEf==\n-----END RSA PRIVATE KEY-----\ndone",
            "MIIEpAIBAAKCAQEA7bq1"
        ),
        ("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAA\n(truncated", "b3BlbnNzaC1rZXktdjEAAAA"),
        ("-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49\n-----END PRIVATE KEY-----", "MIGHAgEAMBMGByqGSM49"),
    ]

    static let innocent = [
        "Password reset emails delayed by 5 minutes",
        "Rotated the token signing key at 10:02 after review",
        "Authorization service returned 403 for 2% of requests",
        "Token bucket refill rate raised to 50/s",
        "ghost nodes in the ring; gh_pages deploy unaffected",
        "Checked https://status.example.com/api/v2 for errors",
        "xoxo from the whole team",
        "Deploy 4512 | rollback to 4511",
        "AKIA-prefixed keys must never be logged",
        "pwd showed /srv/app; secrets manager latency p99 1.2s",
        "the BEGIN of the maintenance window",
        "monkey: patched the client, key rotation scheduled",
        "Error rate 18% on POST /checkout (p99 2.4s)",
        "ssh deploy@bastion -p 2222 then tail -f /var/log/app.log",
    ]

    @Test func everyPlantedSecretIsCaught() {
        for (text, secret) in Self.planted {
            let redacted = Redactor.standard.redact(text)
            #expect(!redacted.contains(secret), "leaked \(secret) in: \(redacted)")
            #expect(redacted.contains(Redactor.marker), "no marker in: \(redacted)")
        }
    }

    @Test func innocentTextSurvivesUnchanged() {
        for text in Self.innocent {
            #expect(Redactor.standard.redact(text) == text)
        }
    }

    @Test func settingNamesStayReadable() {
        #expect(Redactor.standard.redact("password=hunter2&user=bob") == "password=[REDACTED]&user=bob")
        #expect(
            Redactor.standard.redact("Authorization: Bearer abc.def.ghi") == "Authorization: Bearer [REDACTED]")
    }

    @Test func configPatternsAreAddedAndCheckedWithTheirLine() throws {
        let config = try SitrepConfig.parse(
            "redact:\n  - 'INTERNAL-[0-9]{6}'\n  - 'corp_[a-z]{8}'\n", file: "config.yaml")
        #expect(config.redactPatterns == ["INTERNAL-[0-9]{6}", "corp_[a-z]{8}"])
        let redactor = try config.redactor()
        #expect(redactor.redact("ticket INTERNAL-123456 and corp_abcdefgh") == "ticket [REDACTED] and [REDACTED]")
        #expect(redactor.redact("password=x") == "password=[REDACTED]")
        do {
            _ = try SitrepConfig.parse("user: a\nredact:\n  - '(unclosed'\n", file: "c.yaml")
            Issue.record("a broken pattern was accepted")
        } catch let error as ConfigError {
            #expect(error.description.hasPrefix("c.yaml:3: `redact` entry is not a valid regular expression"))
        }
    }
}
