import Foundation
import IncidentCore
import TerminalUI

/// The console's loop: owns the terminal, feeds keys, ticks and effect results to the reducer,
/// runs effects in the background, and presents a frame only when the state changed.
public final class ConsoleRuntime {
    let device: any TerminalDevice
    let makeTheme: (ColorDepth) -> ThemeResolver.Resolution
    /// Polls the configured checks while the console is open; nil when none are configured.
    let healthMonitor: HealthMonitor?
    public private(set) var theme = Theme.dark
    let clock: @Sendable () -> Date
    /// Runs runbook steps and their records without holding up the loop or the store queue.
    let runbooks: RunbookDriver
    let router: EffectRouter
    let inbox = ConsoleInbox()
    var interruptIsKey = false
    public private(set) var state: ConsoleState
    /// How often the clock ticks and other processes' writes are looked for.
    let tickInterval: TimeInterval = 0.25

    public init(
        device: any TerminalDevice, store: any ConsoleStore, state: ConsoleState,
        clock: @escaping @Sendable () -> Date = { Date() }, healthMonitor: HealthMonitor? = nil,
        runbookLibrary: RunbookLibrary = RunbookLibrary(folders: []),
        environment: [String: String] = ProcessInfo.processInfo.environment,
        makeTheme: @escaping (ColorDepth) -> ThemeResolver.Resolution
    ) {
        self.healthMonitor = healthMonitor
        self.device = device
        self.state = state
        self.makeTheme = makeTheme
        self.clock = clock
        runbooks = RunbookDriver(
            store: store, library: runbookLibrary, environment: environment, user: state.user, inbox: inbox)
        router = EffectRouter(
            work: StoreWork(store: store, user: state.user, clock: clock), runbooks: runbooks, inbox: inbox)
    }

    /// Runs until the user quits. The terminal is given back however this returns.
    public func run() throws {
        try device.start()
        defer { device.stop() }
        let resolution = makeTheme(device.colorDepth)
        theme = resolution.theme
        if let notice = resolution.notice {
            state.themeNotice = notice
            state.notice = Notice(notice, level: .error, now: clock())
        }
        dispatch(.resized(device.size))
        perform(ConsoleReducer.start(&state))
        settleInitialLoad()
        let health = startHealth()
        defer { health?.cancel() }
        var lastTick = Date.distantPast
        var presented: ConsoleState?
        while !state.quitRequested {
            let now = clock()
            if now.timeIntervalSince(lastTick) >= tickInterval {
                lastTick = now
                dispatch(.tick(now))
                router.pollChanges()
            }
            for event in inbox.drain() { dispatch(event) }
            if let output = runbooks.takeOutput() { dispatch(.runbook(.output(output))) }
            let stepRunning = state.runbooks.run?.isStepRunning == true
            if stepRunning != interruptIsKey {
                device.setInterruptAsKey(stepRunning)
                interruptIsKey = stepRunning
            }
            if presented != state {
                let frame = ConsoleView.render(state, theme: theme)
                try device.present(frame.buffer, cursor: frame.cursor)
                presented = state
            }
            if router.takeFlushRequest() {
                device.flushInput()
                dispatch(.runbook(.typeAheadFlushed))
                continue
            }
            if let key = try device.readKey(timeout: .milliseconds(100)) {
                dispatch(key == .resize ? .resized(device.size) : .key(key))
            }
        }
        if interruptIsKey { device.setInterruptAsKey(false) }
        runbooks.shutdown()
        router.waitUntilIdle()
    }

    /// Starts polling in the background and forwards each result as the checks' current states.
    /// Probes never run on the terminal's thread, so a hanging endpoint cannot freeze the screen.
    func startHealth() -> Task<Void, Never>? {
        guard let monitor = healthMonitor else { return nil }
        let inbox = self.inbox
        return Task.detached {
            let events = await monitor.events()
            inbox.post(.healthUpdated(await monitor.statuses()))
            await monitor.start()
            for await _ in events {
                inbox.post(.healthUpdated(await monitor.statuses()))
            }
            await monitor.stop()
        }
    }

    /// Lets the first reads (incident list, then the selected timeline) land before the first
    /// frame and the first key, so the console opens on data rather than on an empty screen.
    func settleInitialLoad() {
        for _ in 0..<3 {
            router.waitUntilIdle()
            let events = inbox.drain()
            if events.isEmpty { return }
            events.forEach(dispatch)
        }
    }

    func dispatch(_ event: ConsoleEvent) {
        perform(ConsoleReducer.apply(&state, event))
    }

    func perform(_ effects: [ConsoleEffect]) {
        effects.forEach(router.route)
    }
}
