import Foundation
import IncidentCore
import Testing

@testable import Console

/// The routing table: store work is answered by the store, everything else goes elsewhere and
/// never reaches it; a flush request is taken once.
@Suite struct EffectRouterTests {
    func work() throws -> (StoreWork, String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-router-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = try SQLiteIncidentStore(path: folder.appendingPathComponent("sitrep.sqlite").path)
        let key = try store.declareIncident(
            IncidentDeclaration(title: "Checkout API returning 500s", severity: .p1), by: Attribution(author: "dana")
        ).key
        let clock = Date(timeIntervalSince1970: 1_764_000_000)
        return (StoreWork(store: store, user: "alice", clock: { clock }), key)
    }

    @Test func storeWorkIsAnsweredAndOtherEffectsAreNot() throws {
        let (work, key) = try work()
        guard case .incidentsLoaded(let incidents)? = work.answerNow(.loadIncidents(includeInactive: false)) else {
            Issue.record("incidents were not loaded")
            return
        }
        #expect(incidents.map(\.incident.key) == [key])
        guard case .timelineLoaded(let page)? = work.answerNow(.loadTimeline(key: key, request: .tail(limit: 10)))
        else {
            Issue.record("the timeline was not loaded")
            return
        }
        #expect(page.totalCount == 1)
        for effect: ConsoleEffect in [.runbook(.loadLibrary), .cancelStep, .flushTypeAhead] {
            #expect(work.answerNow(effect) == nil, "\(effect)")
        }
    }

    @Test func aFailedStoreCallBecomesANotice() throws {
        let (work, _) = try work()
        let event = work.answerNow(.loadTimeline(key: "INC-19990101-001", request: .tail(limit: 10)))
        guard case .actionFailed(let message)? = event else {
            Issue.record("expected a failure notice, got \(String(describing: event))")
            return
        }
        #expect(message.contains("INC-19990101-001"))
    }

    @Test func aHandoffPreviewIsMadeAtTheInjectedTime() throws {
        let (work, _) = try work()
        guard case .handoff(.previewLoaded(let report))? = work.answerNow(.handoff(.preview(HandoffRequest(to: "bob"))))
        else {
            Issue.record("no preview")
            return
        }
        #expect(report.generatedAt == Date(timeIntervalSince1970: 1_764_000_000))
    }

    @Test func aFlushRequestIsTakenOnce() throws {
        let (work, _) = try work()
        let inbox = ConsoleInbox()
        let router = EffectRouter(
            work: work,
            runbooks: RunbookDriver(
                store: work.store, library: RunbookLibrary(folders: []), environment: [:], user: "alice", inbox: inbox),
            inbox: inbox)
        #expect(!router.takeFlushRequest())
        router.route(.flushTypeAhead)
        #expect(router.takeFlushRequest())
        #expect(!router.takeFlushRequest())
        router.route(.loadIncidents(includeInactive: true))
        router.waitUntilIdle()
        guard case .incidentsLoaded? = inbox.drain().first else {
            Issue.record("the store answer did not reach the inbox")
            return
        }
    }
}
