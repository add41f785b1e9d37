/// Exponential backoff with jitter between reconnection attempts.
struct ConnectionBackoff {
  private let initial: Duration
  private let multiplier: Double
  private let maximum: Duration
  private let jitter: Double
  private var next: Duration

  init(initial: Duration, multiplier: Double, maximum: Duration, jitter: Double) {
    self.initial = initial
    self.multiplier = max(multiplier, 1)
    self.maximum = maximum
    self.jitter = min(max(jitter, 0), 1)
    self.next = initial
  }

  /// The delay before the next attempt; grows the one after.
  mutating func nextDelay() -> Duration {
    let base = self.next
    self.next = min(base * self.multiplier, self.maximum)
    let spread = self.jitter == 0 ? 1 : Double.random(in: (1 - self.jitter)...(1 + self.jitter))
    return base * spread
  }

  /// A connection succeeded: start again from the initial delay.
  mutating func reset() {
    self.next = self.initial
  }
}
