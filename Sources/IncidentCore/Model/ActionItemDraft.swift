/// A new action item as typed, before the store gives it an id.
public struct ActionItemDraft: Sendable, Equatable {
    public var title: String
    public var owner: String?
    public var dueDate: String?
    public var priority: ActionItem.Priority
    public var category: ActionItem.Category

    public init(
        title: String, owner: String? = nil, dueDate: String? = nil, priority: ActionItem.Priority = .medium,
        category: ActionItem.Category = .other
    ) {
        self.title = title
        self.owner = owner
        self.dueDate = dueDate
        self.priority = priority
        self.category = category
    }
}
