extension VettingClient {
  /// Retries of idempotent reads (the Directory methods and ListTokens) that failed with
  /// UNAVAILABLE: exponential backoff with jitter, a bounded number of attempts, and never past
  /// the call's deadline. Writes are never retried: a create or update may have been applied
  /// before the connection broke.
  public struct RetryPolicy: Sendable, Hashable {
    /// Attempts in all, the first included; 1 disables retries. Default 5.
    public var maxAttempts: Int
    /// Delay before the first retry (before jitter). Default 100 ms.
    public var initialBackoff: Duration
    /// Growth of the delay per retry. Default 2.
    public var multiplier: Double
    /// Largest delay (before jitter). Default 2 s.
    public var maxBackoff: Duration
    /// Random spread: each delay is drawn uniformly from `[d × (1 − jitter), d]`. Default 0.5.
    public var jitter: Double

    public init(
      maxAttempts: Int = 5,
      initialBackoff: Duration = .milliseconds(100),
      multiplier: Double = 2,
      maxBackoff: Duration = .seconds(2),
      jitter: Double = 0.5
    ) {
      self.maxAttempts = max(1, maxAttempts)
      self.initialBackoff = initialBackoff
      self.multiplier = max(1, multiplier)
      self.maxBackoff = maxBackoff
      self.jitter = min(max(jitter, 0), 1)
    }

    /// The delay before attempt `attempt + 1`, after `attempt` attempts failed (1-based).
    public func delay(afterAttempt attempt: Int) -> Duration {
      let base = self.initialBackoff * pow(self.multiplier, Double(max(0, attempt - 1)))
      let capped = min(base, self.maxBackoff)
      let factor = 1 - self.jitter * Double.random(in: 0...1)
      return capped * factor
    }

    private func pow(_ base: Double, _ exponent: Double) -> Double {
      var result = 1.0
      for _ in 0..<Int(exponent) { result *= base }
      return result
    }
  }
}
