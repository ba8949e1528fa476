import Foundation
import Testing

@testable import IncidentCore

@Suite struct RunbookParserTests {
    /// The repository's Runbooks/ folder, found from this file so tests run from any directory.
    static let shippedFolder: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Runbooks").path
    }()

    static var shippedFiles: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: shippedFolder)) ?? []).filter { $0.hasSuffix(".md") }
            .sorted().map { shippedFolder + "/" + $0 }
    }

    @Test func everyShippedRunbookIsCleanAndRunnable() throws {
        let files = Self.shippedFiles
        #expect(files.count >= 7)
        #expect(files.contains { $0.hasSuffix("/demo.md") })
        for file in files {
            let runbook = try RunbookParser.parse(fileAt: file)
            #expect(runbook.problems.isEmpty, "\(file): \(runbook.problems)")
            #expect(!runbook.title.isEmpty && !runbook.title.lowercased().hasPrefix("runbook"))
            #expect(runbook.metadata("Category") != nil, "\(file)")
            #expect(runbook.metadata("Owner") != nil, "\(file)")
            let commands = runbook.steps.filter { $0.kind == .command }
            #expect(commands.count >= 3, "\(file)")
            #expect(Set(runbook.steps.map(\.id)).count == runbook.steps.count)
            #expect(runbook.steps.map(\.number) == Array(1...runbook.steps.count))
            let sections = Set(commands.map(\.section))
            #expect(sections.contains { $0.contains("Diagnosis") } && sections.contains("Verification"), "\(file)")
            #expect(runbook.steps.contains { $0.risk == .high } || file.hasSuffix("high-latency.md"), "\(file)")
        }
    }

    @Test func demoStepsOnlyUseToolsEveryLinuxHas() throws {
        let demo = try RunbookParser.parse(fileAt: Self.shippedFolder + "/demo.md")
        #expect(demo.title == "Demo — look around a Linux host")
        #expect(demo.step(id: "restart-demo-worker")?.risk == .high)
        #expect(demo.step(id: "disk-space")?.expect == "%")
        #expect(demo.steps.contains { $0.kind == .manual })
        #expect(
            demo.step(id: "probe-health")?.variables == [
                RunbookVariable(name: "DEMO_URL", defaultValue: "http://localhost:8080/health")
            ])
    }

    static let tricky = """
        # Runbook: Tricky one

        ## Metadata

        - **Category**: Database
        - Owner: db team

        ## Overview

        Everything Markdown can throw at us.

        ## Diagnosis Steps

        ### Pool status

        Check the pool first.

        ```bash {name=pool-status timeout=30s expect="max_connections"}
        psql -h "$DB_HOST" -c 'select $NOT_A_VAR'
        ```

        1. In a list item:

           ~~~sh
           echo tilde fence in a list
           ~~~

        ````shell {risk=low cwd=/tmp}
        echo '```'
        ```
        still inside
        ````

        ```sql
        SELECT 1;
        ```

        ```python {interpreter=python3 name=py-step}
        print("hi")
        ```

        ```
        plain text, no language
        ```

            indented code is prose, not a step

        ## Resolution

        **Risk level**: High

        ### Restart

        ```bash
        systemctl restart app
        ```

        **Risk level**: High

        ```bash {promptEnv=no}
        REGION=eu; echo "$REGION ${ZONE:-a}"
        ```

        - [ ] Tell the customer success team
        - [x] Already done thing

        > ```bash
        > echo quoted
        > ```
        """

    @Test func trickyMarkdownComesOutRight() throws {
        let runbook = RunbookParser.parse(Self.tricky, path: "tricky.md")
        #expect(runbook.problems == [])
        #expect(runbook.title == "Tricky one")
        #expect(
            runbook.metadata == [
                RunbookMetadataItem(key: "Category", value: "Database"),
                RunbookMetadataItem(key: "Owner", value: "db team"),
            ])
        #expect(runbook.overview == "Everything Markdown can throw at us.")
        let steps = runbook.steps
        #expect(
            steps.map(\.kind) == [
                .command, .command, .command, .snippet, .command, .snippet, .command, .command, .manual, .manual,
                .command,
            ])
        let pool = steps[0]
        #expect(pool.id == "pool-status")
        #expect(pool.section == "Diagnosis Steps")
        #expect(pool.title == "Pool status")
        #expect(pool.summary == "Check the pool first.")
        #expect(pool.timeout == 30)
        #expect(pool.expect == "max_connections")
        #expect(pool.variables.map(\.name) == ["DB_HOST"])
        #expect(pool.line == 18)
        #expect(steps[1].command == "echo tilde fence in a list\n")
        #expect(steps[1].summary == "In a list item:")
        #expect(steps[1].id == "pool-status-2")
        #expect(steps[2].command == "echo '```'\n```\nstill inside\n")
        #expect(steps[2].risk == .low)
        #expect(steps[2].workingDirectory == "/tmp")
        #expect(steps[3].language == "sql")
        #expect(steps[4].interpreter == ["python3"])
        #expect(steps[4].id == "py-step")
        #expect(steps[5].language == "")
        #expect(steps[6].section == "Resolution")
        #expect(steps[6].title == "Restart")
        #expect(steps[6].risk == .medium, "a risk line above a heading does not carry past it")
        #expect(steps[7].risk == .high)
        #expect(steps[7].promptEnvironment == .never)
        #expect(steps[7].variables.map(\.name) == ["ZONE"])
        #expect(steps[8].title == "Tell the customer success team")
        #expect(steps[9].title == "Already done thing")
        #expect(steps[10].command == "echo quoted\n")
        #expect(steps.allSatisfy { $0.timeout == 30 || $0.timeout == RunbookStep.defaultTimeout })
    }

    func problems(_ text: String) -> [String] {
        RunbookParser.parse("# Runbook: T\n\n" + text, path: "bad.md").problems.map(\.description)
    }

    /// The problems of the steps that cannot run, as `file:line: message`.
    func brokenSteps(_ text: String) -> [String] {
        RunbookParser.parse("# Runbook: T\n\n" + text, path: "bad.md").stepProblems.map(\.description)
    }

    @Test func unclosedFenceBreaksOnlyItsStepAtItsOpeningLine() {
        #expect(
            brokenSteps("## S\n\n```bash\necho never closed\n") == [
                "bad.md:5: the ``` fence opened here is never closed"
            ])
        #expect(brokenSteps("````bash\necho\n```\n") == ["bad.md:3: the ```` fence opened here is never closed"])
        #expect(
            brokenSteps("- item\n\n  ```sh\n  echo\n\nafter\n") == [
                "bad.md:5: the ``` fence opened here is never closed"
            ])
        #expect(brokenSteps("> ```sh\n> echo\n\nafter\n") == ["bad.md:3: the ``` fence opened here is never closed"])
        #expect(brokenSteps("```sh\necho ok\n```\n") == [])
        #expect(brokenSteps("- item\n\n  ```sh\n  echo ok\n  ```\n") == [])
        #expect(brokenSteps("> ```sh\n> echo ok\n> ```\n") == [])
        #expect(brokenSteps("```sh\necho ok\n```") == [], "a closing fence on the last line without a newline")
        #expect(
            brokenSteps("```sh\necho\n    ```\n") == ["bad.md:3: the ``` fence opened here is never closed"],
            "four spaces before the fence make it content")
        #expect(problems("## S\n\n```bash\necho never closed\n") == [], "the runbook itself still loads")
    }

    /// A list item's fence left open ends where the item ends; the line that ends it (here a
    /// fence at the top level) opens a block of its own and is no closing fence.
    @Test func aFenceEndedByItsListItemIsNotClosedByTheNextLine() {
        let runbook = RunbookParser.parse(
            "# Runbook: T\n\n- item\n  ```sh\n  echo in item\n```\nafter\n\n```sh {name=later}\nls\n```\n",
            path: "b.md")
        #expect(runbook.problems == [])
        #expect(runbook.steps.map(\.line) == [4, 6])
        #expect(runbook.stepProblems.map(\.line) == [4])
        #expect(runbook.steps[0].command == "echo in item\n")
        // As every CommonMark renderer shows it, the top-level fence then swallows the next block.
        #expect(runbook.steps[1].kind == .snippet)
        #expect(runbook.steps[1].command == "after\n\n```sh {name=later}\nls\n")
    }

    @Test func anIndentedBlockThatQuotesAFenceIsProse() {
        let text = "# Runbook: T\n\nThe rule:\n\n    ```sh\n    rm -rf /tmp/x\n    ```\n\n```sh\necho real\n```\n"
        let runbook = RunbookParser.parse(text, path: "i.md")
        #expect(runbook.problems == [] && runbook.stepProblems == [])
        #expect(runbook.steps.map(\.command) == ["echo real\n"])
        let unclosedQuote = RunbookParser.parse("# Runbook: T\n\nText.\n\n    ```sh\n    ls\n", path: "i.md")
        #expect(unclosedQuote.steps == [] && unclosedQuote.problems == [])
        let tabbed = RunbookParser.parse("# Runbook: T\n\n\t```\n\tls\n", path: "i.md")
        #expect(tabbed.steps == [])
    }

    @Test func taskItemsAtEveryDepthAreStepsInOrder() {
        let runbook = RunbookParser.parse(
            "# Runbook: T\n\n- [ ] apply to the fleet\n  - [ ] knife ssh web\n    - [x] web-01 by hand\n"
                + "  - plain note\n    - [ ] deep under a note\n- [ ] last\n",
            path: "t.md")
        #expect(
            runbook.steps.map(\.title) == [
                "apply to the fleet", "knife ssh web", "web-01 by hand", "deep under a note", "last",
            ])
        #expect(runbook.steps.map(\.number) == [1, 2, 3, 4, 5])
        #expect(runbook.steps.map(\.line) == [3, 4, 5, 7, 8])
        #expect(runbook.steps.allSatisfy { $0.kind == .manual })
    }

    @Test func runmeJSONAttributes() {
        let runbook = RunbookParser.parse(
            "# Runbook: T\n\n```sh {\"id\":\"01HF\",\"name\":\"x\",\"timeout\":30,\"interactive\":true,\"newKey\":\"v\"}\nls\n```\n",
            path: "j.md")
        #expect(runbook.problems == [])
        let step = runbook.steps.first
        #expect(step?.id == "x")
        #expect(step?.timeout == 30)
        #expect(step?.otherAttributes == ["id": "01HF", "interactive": "true", "newKey": "v"])
        #expect(FenceInfo("sh { \"name\": \"a b\" }").attributes.map(\.value) == ["a b"])
        #expect(
            problems("```sh {\"name\":\"x\" \"risk\":\"low\"}\nls\n```\n") == [
                "bad.md:3: bad info string: the attributes are not a valid JSON object"
            ])
        #expect(
            problems("```sh {\"name\":[\"x\"]}\nls\n```\n") == [
                "bad.md:3: bad info string: the value of `name` is not a string, number or boolean"
            ])
        #expect(
            problems("```sh {\"timeout\":\"soon\"}\nls\n```\n") == [
                "bad.md:3: bad timeout `soon` (use 30s, 5m, 1h, 1m30s or seconds)"
            ], "known keys are checked as in key=value form")
    }

    @Test func shellSessionRule() {
        func session(_ language: String, _ body: String) -> ShellSession? {
            ShellSession(literal: body, language: language, shellLanguages: RunbookParser.shellLanguages)
        }
        #expect(session("console", "$ ls\nfile\n") == ShellSession(prompt: "$ ", command: "ls\n"))
        #expect(
            session("sh", "\n$ ls \\\n  -l\nout\n$ pwd\n") == ShellSession(prompt: "$ ", command: "ls \\\n  -l\npwd\n"))
        #expect(session("", "$ uptime\n 10:00 up\n")?.command == "uptime\n")
        #expect(session("console", "# id -u\n0\n# whoami\n") == ShellSession(prompt: "# ", command: "id -u\nwhoami\n"))
        #expect(
            session("shell-session", "$ cat /etc/hosts\n# static table\n127.0.0.1 x\n")?.command == "cat /etc/hosts\n")
        #expect(session("sh", "# a comment\necho $HOME\n") == nil, "a shell block's # is a comment")
        #expect(session("bash", "$HOME/bin/tool\n") == nil)
        #expect(session("", "# Heading-like text\n") == nil)
        #expect(session("python", "$ python3 -V\n") == nil)
        #expect(session("console", "user@host:~$ ls\n") == nil)
    }

    @Test func sessionStepsAreCommandsWithoutTheirOutput() {
        let runbook = RunbookParser.parse(
            "# Runbook: T\n\n## Look\n\n```console\n$ echo \"$WHO\"\nalice $OUTPUT_VAR\n```\n\n```\n$ date\n```\n\n```console\nno prompt\n```\n",
            path: "s.md")
        #expect(runbook.steps.map(\.kind) == [.command, .command, .snippet])
        #expect(runbook.steps[0].command == "echo \"$WHO\"\n")
        #expect(runbook.steps[0].variables.map(\.name) == ["WHO"], "variables of output lines are not asked for")
        #expect(runbook.steps[1].sessionPrompt == "$ ")
        let card = RunbookText.stepCard(runbook.steps[0], of: 3, invocation: nil, variables: [:], inherited: [:])
        #expect(card.contains("shell session: runs only what was typed at its `$ ` prompts"))
        #expect(card.hasSuffix("  $ echo \"$WHO\"\n"))
        #expect(!card.contains("alice"))
    }

    @Test func badAttributesAreReportedWithFileAndLine() {
        #expect(
            problems("```bash {tmeout=5s}\necho\n```\n") == [
                "bad.md:3: unknown attribute `tmeout` (known: cwd, expect, interpreter, name, promptEnv, risk, timeout)"
            ])
        #expect(
            problems("```bash {timeout=soon}\necho\n```\n") == [
                "bad.md:3: bad timeout `soon` (use 30s, 5m, 1h, 1m30s or seconds)"
            ])
        #expect(problems("```bash {timeout=0}\necho\n```\n").count == 1)
        #expect(
            problems("```bash {risk=extreme}\necho\n```\n") == ["bad.md:3: unknown risk `extreme` (low, medium, high)"])
        #expect(problems("```bash {name=\"a b\"}\necho\n```\n").count == 1)
        #expect(
            problems("```bash {name=x\necho\n```\n") == [
                "bad.md:3: bad info string: the attribute list has no closing `}`"
            ])
        #expect(problems("```bash {expect=\"open}\necho\n```\n").count == 2)
        #expect(problems("```bash\n\n```\n") == ["bad.md:3: the step `T` has an empty command"])
        #expect(
            problems("```bash {interactive=true id=01HF}\necho\n```\n") == [], "runme's own attributes are accepted")
    }

    @Test func duplicateStepNamesAreReported() {
        let found = problems("```sh {name=a}\necho 1\n```\n\n```sh {name=a}\necho 2\n```\n")
        #expect(found == ["bad.md:7: duplicate step name `a` (first used at line 3)"])
    }

    @Test func riskLineWithUnknownLevelIsAProblem() {
        #expect(
            problems("**Risk level**: Catastrophic\n\n```sh\necho\n```\n") == [
                "bad.md:3: unknown risk level `Catastrophic` (low, medium, high)"
            ])
    }

    @Test func explicitNameWinsOverAnEarlierAutomaticId() {
        let runbook = RunbookParser.parse(
            "# Runbook: T\n\n## Check\n\n```sh\necho 1\n```\n\n```sh {name=check}\necho 2\n```\n", path: "x.md")
        #expect(runbook.problems == [])
        #expect(runbook.steps.map(\.id) == ["check-2", "check"])
    }

    @Test func titleComesFromTheRunbookHeadingFrontMatterFirstHeadingOrFileName() {
        func title(_ text: String) -> (String, RunbookTitleSource, [String]) {
            let runbook = RunbookParser.parse(text, path: "Runbooks/x-y.md")
            return (runbook.title, runbook.titleSource, runbook.problems.map(\.description))
        }
        #expect(title("---\ntitle: From YAML\n---\n\n# Runbook: Heading\n") == ("Heading", .runbookHeading, []))
        #expect(title("---\ntitle: From YAML\n---\n\n# Plain heading\n") == ("From YAML", .frontMatter, []))
        #expect(title("## Only a section\n\n```sh\necho\n```\n") == ("Only a section", .firstHeading, []))
        #expect(title("# Team page\n\n# Runbook: Second\n") == ("Second", .runbookHeading, []))
        #expect(title("Just text.\n") == ("x-y", .fileName, []))
        #expect(title("---\nowner: me\n...\n## S\n") == ("S", .firstHeading, []))
        let badYAML = title("---\ntitle: [unclosed\n---\n").2
        #expect(
            badYAML == [
                "Runbooks/x-y.md:3: front matter is not valid YAML: 3:1: error: parser: while parsing a flow sequence "
                    + "in line 2, column 8 did not find expected ',' or ']':"
            ])
        #expect(title("---\n\n## After a rule\n").1 == .firstHeading, "without a closing line it is Markdown")
    }

    @Test func frontMatterIsNotMarkdownAndKeepsLineNumbers() {
        let runbook = RunbookParser.parse(
            "---\ntitle: T\nsteps: \"- [ ] not a task\"\n---\n\n## Check\n\n```sh\nls\n```\n", path: "f.md")
        #expect(runbook.steps.map(\.line) == [8])
        #expect(runbook.steps.first?.section == "Check")
    }

    @Test func unreadableFileThrowsAProblemNamingIt() {
        #expect(throws: RunbookProblem.self) { try RunbookParser.parse(fileAt: "/nonexistent/runbook.md") }
    }

    @Test func invalidUTF8DoesNotStopTheParser() {
        var bytes = Array("# Runbook: Bytes\n\n```sh\necho ".utf8)
        bytes += [0xFF, 0xFE]
        bytes += Array("\n```\n".utf8)
        let runbook = RunbookParser.parse(bytes, path: "b.md")
        #expect(runbook.problems == [])
        #expect(runbook.steps.count == 1)
    }

    @Test func variablesAreFoundButNotAssignedOrQuotedOnes() {
        func names(_ command: String) -> [String] { ShellVariables.used(in: command).map(\.name) }
        #expect(names("echo $DB_HOST ${PORT:-5432} ${#LIST} $1 $? $$ $HOME") == ["DB_HOST", "PORT", "LIST"])
        #expect(ShellVariables.used(in: "echo ${PORT:-5432}") == [RunbookVariable(name: "PORT", defaultValue: "5432")])
        #expect(names("X=1; echo $X $Y") == ["Y"])
        #expect(names("export A=1\nlocal B\necho $A $B $C") == ["C"])
        #expect(names("for host in a b; do ping $host; done") == [])
        #expect(names("read -r ANSWER; echo $ANSWER") == [])
        #expect(names("echo '$NOT_ME' \"$ME\" \\$ESCAPED") == ["ME"])
        #expect(names("# uses $COMMENTED\necho ok # $ALSO_COMMENT") == [])
        #expect(names("echo $(cat $FILE) `echo $OTHER`") == ["FILE", "OTHER"])
        #expect(names("echo $A $A ${A}") == ["A"])
    }

    @Test func infoStringsAndDurations() {
        let info = FenceInfo("bash {name=pool-status timeout=30s expect=\"a b\" risk='high'}")
        #expect(info.language == "bash")
        #expect(info.attributes.map(\.key) == ["name", "timeout", "expect", "risk"])
        #expect(info.attributes.map(\.value) == ["pool-status", "30s", "a b", "high"])
        #expect(info.errors.isEmpty)
        #expect(FenceInfo("SH").language == "sh")
        #expect(FenceInfo("sh { name=a, risk=low }").attributes.count == 2)
        #expect(DurationText.seconds("30s") == 30)
        #expect(DurationText.seconds("5m") == 300)
        #expect(DurationText.seconds("1h") == 3600)
        #expect(DurationText.seconds("1m30s") == 90)
        #expect(DurationText.seconds("500ms") == 0.5)
        #expect(DurationText.seconds("45") == 45)
        #expect(DurationText.seconds("-5s") == nil)
        #expect(DurationText.seconds("5x") == nil)
        #expect(DurationText.seconds("") == nil)
        #expect(DurationText.text(300) == "5m")
        #expect(DurationText.text(90) == "1m30s")
        #expect(DurationText.text(0.5) == "0.5s")
    }

    @Test func confirmationNeedsTheNameForHighRisk() {
        let high = RunbookStep(
            id: "drop-cache", number: 1, kind: .command, section: "", title: "", command: "x", risk: .high, line: 1)
        let low = RunbookStep(
            id: "look", number: 2, kind: .command, section: "", title: "", command: "x", risk: .low, line: 1)
        #expect(StepConfirmation(step: high) == .typeName("drop-cache"))
        #expect(!StepConfirmation(step: high).accepts("y"))
        #expect(!StepConfirmation(step: high).accepts("yes"))
        #expect(StepConfirmation(step: high).accepts(" drop-cache "))
        #expect(StepConfirmation(step: low).accepts("y"))
        #expect(!StepConfirmation(step: low).accepts("ok"))
    }

    @Test func libraryFindsByNameAndSearchesFoldersInOrder() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-lib-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/first", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/second", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "# Runbook: A1\n".write(toFile: root + "/first/a.md", atomically: true, encoding: .utf8)
        try "# Runbook: A2\n".write(toFile: root + "/second/a.md", atomically: true, encoding: .utf8)
        try "# Runbook: B\n".write(toFile: root + "/second/b.md", atomically: true, encoding: .utf8)
        let library = RunbookLibrary(
            config: SitrepConfig(runbookFolders: [root + "/first"]), environment: ["SITREP_RUNBOOKS": root + "/second"])
        #expect(library.folders == [root + "/first", root + "/second", "Runbooks"])
        #expect(library.entries().filter { $0.path.hasPrefix(root) }.map(\.name) == ["a", "b"])
        #expect(try library.resolve("a") == root + "/first/a.md")
        #expect(try library.resolve("b") == root + "/second/b.md")
        #expect(throws: RunbookLookupError.self) { try library.resolve("missing") }
        #expect(throws: RunbookLookupError.self) { try library.resolve("./missing.md") }
    }
}
