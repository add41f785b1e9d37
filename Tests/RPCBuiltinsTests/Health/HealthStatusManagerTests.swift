import Testing

@testable import RPCBuiltins

@Suite("HealthStatusManager")
struct HealthStatusManagerTests {
  @Test("the whole server starts serving and nothing else is known")
  func initialState() {
    let health = HealthStatusManager()
    #expect(health.status(forService: HealthStatusManager.server) == .serving)
    #expect(health.status(forService: "echo.v1.Echo") == nil)
    #expect(health.statuses == ["": .serving])
    #expect(!health.isTerminal)
  }

  @Test("set, change and clear a service", arguments: [ServingStatus.serving, .notServing])
  func setAndClear(status: ServingStatus) {
    let health = HealthStatusManager()
    health.setStatus(status, forService: "echo.v1.Echo")
    #expect(health.status(forService: "echo.v1.Echo") == status)
    health.clearStatus(forService: "echo.v1.Echo")
    #expect(health.status(forService: "echo.v1.Echo") == nil)
    #expect(health.status(forService: "") == .serving)
  }

  @Test("the terminal state is NOT_SERVING for everything and ignores later changes")
  func terminalState() {
    let health = HealthStatusManager()
    health.setStatus(.serving, forServices: ["a.v1.A", "b.v1.B"])
    health.enterTerminalState()
    #expect(health.isTerminal)
    #expect(health.statuses == ["": .notServing, "a.v1.A": .notServing, "b.v1.B": .notServing])

    health.setStatus(.serving, forService: "")
    health.setStatus(.serving, forService: "c.v1.C")
    health.clearStatus(forService: "a.v1.A")
    #expect(health.statuses == ["": .notServing, "a.v1.A": .notServing, "b.v1.B": .notServing])
  }

  @Test("a watcher sees the current status, each change, SERVICE_UNKNOWN and the end at shutdown")
  func observeSequence() async {
    let health = HealthStatusManager()
    var updates = health.observe(service: "echo.v1.Echo").updates.makeAsyncIterator()
    var observed = await updates.next()
    #expect(observed == .unknown)
    health.setStatus(.serving, forService: "echo.v1.Echo")
    observed = await updates.next()
    #expect(observed == .known(.serving))
    health.setStatus(.serving, forService: "echo.v1.Echo")  // no change: nothing sent
    health.setStatus(.notServing, forService: "echo.v1.Echo")
    observed = await updates.next()
    #expect(observed == .known(.notServing))
    health.clearStatus(forService: "echo.v1.Echo")
    observed = await updates.next()
    #expect(observed == .unknown)
    health.setStatus(.notServing, forService: "other.v1.Other")  // another service: not sent
    health.setStatus(.serving, forService: "echo.v1.Echo")
    observed = await updates.next()
    #expect(observed == .known(.serving))
    health.enterTerminalState()
    observed = await updates.next()
    #expect(observed == .known(.notServing))
    observed = await updates.next()
    #expect(observed == nil)
    #expect(health.watcherCount == 0)
  }

  @Test("a slow watcher is sent only the newest status, not a backlog")
  func slowWatcherKeepsLatestOnly() async {
    let health = HealthStatusManager()
    var updates = health.observe(service: "").updates.makeAsyncIterator()
    for _ in 0..<1000 {
      health.setStatus(.notServing, forService: "")
      health.setStatus(.serving, forService: "")
    }
    health.setStatus(.notServing, forService: "")
    var observed = await updates.next()
    #expect(observed == .known(.notServing))
    health.enterTerminalState()
    observed = await updates.next()
    #expect(observed == .known(.notServing))
    observed = await updates.next()
    #expect(observed == nil)
  }

  @Test("a watcher whose consumer goes away is released")
  func watcherReleasedOnCancel() async {
    let health = HealthStatusManager()
    let watching = Task {
      var count = 0
      for await _ in health.observe(service: "").updates {
        count += 1
      }
      return count
    }
    while health.watcherCount == 0 {
      await Task.yield()
    }
    watching.cancel()
    #expect(await watching.value >= 1)
    #expect(health.watcherCount == 0)
  }

  @Test("stopping a watch (the RPC was cancelled) ends it and releases the watcher")
  func stopEndsWatch() async {
    let health = HealthStatusManager()
    let (updates, stop) = health.observe(service: "")
    #expect(health.watcherCount == 1)
    stop()
    var seen: [HealthStatusManager.Observation] = []
    for await observation in updates {
      seen.append(observation)
    }
    #expect(seen == [.known(.serving)])
    #expect(health.watcherCount == 0)
  }

  @Test("watching after shutdown began sends NOT_SERVING once and ends")
  func observeAfterTerminal() async {
    let health = HealthStatusManager()
    health.enterTerminalState()
    var updates = health.observe(service: "").updates.makeAsyncIterator()
    var observed = await updates.next()
    #expect(observed == .known(.notServing))
    observed = await updates.next()
    #expect(observed == nil)
    #expect(health.watcherCount == 0)
  }
}
