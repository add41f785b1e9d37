public import GRPCCore

extension GRPCServer {
  /// Begins a graceful shutdown that health checkers can see coming.
  ///
  /// Marks every service NOT_SERVING (``HealthStatusManager/enterTerminalState()``, which also
  /// ends open Watch calls so they do not hold the drain open), waits `notServingDelay` so load
  /// balancers polling health stop sending new calls, then stops accepting calls and lets
  /// in-flight ones finish (`beginGracefulShutdown()`). When several servers share `health`,
  /// calling this on each is safe: the terminal state is entered once.
  public func beginGracefulShutdown(
    health: HealthStatusManager,
    notServingDelay: Duration = .zero
  ) async {
    health.enterTerminalState()
    if notServingDelay > .zero {
      try? await Task.sleep(for: notServingDelay)
    }
    self.beginGracefulShutdown()
  }
}
