import Foundation
import Synchronization

/// Progress on standard error: a bar with rate and ETA redrawn in place on a terminal, one
/// plain line per 10% (and at the end) otherwise, so logs stay readable.
final class Progress: Sendable {
  private struct State {
    var done = 0
    var total: Int?
    var lastDecile = -1
    var lastDraw = ContinuousClock.now - .seconds(1)
  }

  private let label: String
  private let started = ContinuousClock.now
  private let terminal: Bool
  private let state: Mutex<State>

  init(label: String, total: Int?, terminal: Bool = StandardError.isTerminal) {
    self.label = label
    self.terminal = terminal
    self.state = Mutex(State(total: total))
  }

  /// Records progress and redraws when due.
  func update(done: Int, total: Int? = nil) {
    let line: String? = state.withLock { state in
      state.done = done
      if let total { state.total = total }
      let now = ContinuousClock.now
      if terminal {
        guard now - state.lastDraw >= .milliseconds(100) else { return nil }
        state.lastDraw = now
        return "\r" + render(state)
      }
      guard let total = state.total, total > 0 else { return nil }
      let decile = done * 10 / total
      guard decile > state.lastDecile else { return nil }
      state.lastDecile = decile
      return render(state) + "\n"
    }
    if let line { StandardError.write(line) }
  }

  /// Prints the final state.
  func finish() {
    let line: String? = state.withLock { state in
      if terminal { return "\r" + render(state) + "\n" }
      // Plain output already ended with the 100% line unless the total was unknown.
      return state.lastDecile >= 10 ? nil : render(state) + "\n"
    }
    if let line { StandardError.write(line) }
  }

  private func render(_ state: State) -> String {
    let elapsed = max(0.001, seconds(ContinuousClock.now - started))
    let rate = Double(state.done) / elapsed
    guard let total = state.total, total > 0 else {
      return "\(label): \(state.done) (\(Int(rate))/s)"
    }
    let fraction = min(1, Double(state.done) / Double(total))
    let remaining = rate > 0 ? Double(total - state.done) / rate : 0
    let eta = String(format: "%d:%02d", Int(remaining) / 60, Int(remaining) % 60)
    let percent = String(format: "%3.0f%%", fraction * 100)
    if terminal {
      let width = 30
      let filled = Int(fraction * Double(width))
      let bar =
        String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
      return "\(label) [\(bar)] \(percent) \(state.done)/\(total) \(Int(rate))/s ETA \(eta)"
    }
    return "\(label): \(state.done)/\(total) \(percent) \(Int(rate))/s ETA \(eta)"
  }

  private func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
  }
}
