import Foundation
import IncidentCore

/// The handoff screen's store work. The preview reads the injected clock here, not in the
/// reducer, so it shows what a handoff made at this moment would freeze.
extension StoreWork {
    func perform(_ effect: HandoffEffect) throws -> ConsoleEvent {
        switch effect {
        case .preview(let request):
            return .handoff(.previewLoaded(try store.previewHandoff(request, from: user, at: clock())))
        case .submit(let request):
            do {
                return .handoff(.submitted(try store.createHandoff(request, by: Attribution(author: user))))
            } catch let error as StoreError {
                return .handoff(.refused(error.description))
            }
        case .loadLog:
            return .handoff(.logLoaded(try store.handoffs(limit: 50)))
        }
    }
}
