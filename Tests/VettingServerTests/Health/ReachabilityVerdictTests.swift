import Testing

@testable import VettingServer

/// The rule the database monitor publishes: one failed probe is not an outage.
@Suite("Database reachability verdict")
struct ReachabilityVerdictTests {
  @Test("unknown until the first answer or enough failures; then up at an answer, down after two")
  func verdictsFollowTheRule() {
    var verdict = ReachabilityVerdict()
    #expect(verdict.reachable == nil)
    #expect(verdict.record(answered: false) == nil, "one failure at start leaves it unknown")
    #expect(verdict.reachable == nil)
    #expect(verdict.record(answered: false) == false, "a second in a row declares it down")
    #expect(verdict.record(answered: false) == nil, "more failures change nothing")
    #expect(verdict.consecutiveFailures == 3)
    #expect(verdict.record(answered: true) == true, "the first answer declares it up")
    #expect(verdict.consecutiveFailures == 0)
    #expect(verdict.record(answered: true) == nil)
  }

  @Test("a single slow probe between answers never reports the database down")
  func oneFailureBetweenAnswersIsNotAnOutage() {
    var verdict = ReachabilityVerdict()
    #expect(verdict.record(answered: true) == true)
    for _ in 0..<5 {
      #expect(verdict.record(answered: false) == nil)
      #expect(verdict.reachable == true)
      #expect(verdict.record(answered: true) == nil)
    }
    #expect(verdict.record(answered: false) == nil)
    #expect(verdict.record(answered: false) == false)
    #expect(verdict.reachable == false)
  }
}
