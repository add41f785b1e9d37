// Measures assessments per second on one core: a varied set of generated providers, assessed
// round-robin for a fixed wall time after a warm-up. Prints the figure and a checksum (so the
// work cannot be optimised away).
import Foundation
import VettingCore

let asOf = Day(year: 2026, month: 11, day: 21)!
let arguments = CommandLine.arguments.dropFirst()
let seconds = arguments.first.flatMap(Double.init) ?? 3
let count = 2_000
let generator = SyntheticProviders(seed: 0x5EED, around: asOf)
let providers = (0..<count).map { _ in generator.next() }
let rubric = Rubric.current

var checksum = 0
var tiers: [Tier: Int] = [:]
var flagCounts: [String: Int] = [:]
var scoreSum = 0
for provider in providers {  // warm-up, and the mix of the set
  let assessment = Engine.assess(provider, rubric: rubric, asOf: asOf)
  tiers[assessment.tier, default: 0] += 1
  scoreSum += assessment.score
  for flag in assessment.flags { flagCounts[flag.flagID, default: 0] += 1 }
  checksum &+= assessment.score
}

/// CPU time consumed by this thread, in seconds: on a shared machine, wall time also counts the
/// time other processes held the core.
func threadCPUSeconds() -> Double {
  var spec = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
  return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

let clock = ContinuousClock()
let cpuStart = threadCPUSeconds()
let budget = Duration.milliseconds(Int(seconds * 1000))
var assessments = 0
let start = clock.now
var elapsed = Duration.zero
while elapsed < budget {
  for provider in providers {
    let assessment = Engine.assess(provider, rubric: rubric, asOf: asOf)
    checksum &+= assessment.score &+ assessment.flags.count
  }
  assessments += providers.count
  elapsed = start.duration(to: clock.now)
}
let cpu = threadCPUSeconds() - cpuStart
let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
let perSecond = Double(assessments) / wall
let mix = Tier.allCases.map { "\($0.rawValue) \(tiers[$0, default: 0])" }.joined(separator: ", ")
print("rubric \(rubric.version): \(rubric.criteria.count) criteria, \(rubric.flags.count) flags")
let common = flagCounts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(5)
  .map { "\($0.key) \($0.value)" }.joined(separator: ", ")
print("providers: \(count) generated (seed 0x5EED), mean score \(scoreSum / count)")
print("tiers: \(mix)")
print("most raised flags: \(common)")
print(
  "assessments: \(assessments) in \(String(format: "%.2f", wall)) s wall, "
    + "\(String(format: "%.2f", cpu)) s CPU, on one thread")
print("assessments per second (wall): \(Int(perSecond))")
print("assessments per CPU-second (one core): \(Int(Double(assessments) / cpu))")
print("checksum: \(checksum)")
