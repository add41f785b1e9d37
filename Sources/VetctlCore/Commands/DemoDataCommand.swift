import ArgumentParser
import Foundation
import LibPQ
import VettingCore
import VettingStore

/// `vetctl demo-data`: a realistic synthetic directory, fast.
struct DemoDataCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo-data",
    abstract: "Load synthetic clinics and practitioners for demos and benchmarks.",
    discussion: """
      Writes directly to the database (--database-url), not through the server, through the \
      store's bulk load: one INSERT ... SELECT FROM unnest(...) per table per chunk for the \
      directory rows on one connection and, one chunk behind, on a second, the assessments, made \
      from the stored rows with the same facts assembly as the server's (so a later \
      `vetctl vet --all` finds nothing to change), while the next chunk is generated. About 60% \
      clinics (each with a team of 1-4 practitioners with licenses, trainings, certificates and \
      board certifications; IV/IM clinics often with a nurse or monitor) and 40% solo \
      practitioners (most therapists with a prescribing partner), in 40 US metros with \
      coordinates and ZIP codes; practices from exemplary to predatory (VettingCore \
      SyntheticProviders), each stored with its full assessment. Every external id starts with \
      demo-<label>-; a label already loaded is refused. The audit log is not written for demo \
      rows.
      """)

  @OptionGroup var database: DatabaseOptions
  @Option(help: "Listed providers to create (clinics and solo practitioners).")
  var providers: Int = 1000
  @Option(help: "Makes external ids unique per load: demo-<label>-<n>.") var label: String = "demo"
  @Option(help: "Seed of the synthetic stream (the same seed gives the same practices).")
  var seed: UInt64 = 2026
  @Option(help: "Providers per chunk (two transactions each: directory rows, then scoring).")
  var chunk: Int = 1000
  @Flag(help: "Print the time spent per table and in generation.") var timings = false
  @Option(
    help: """
      The rubric version to score with: the one the servers are started with (env \
      VETTING_RUBRIC_VERSION; default \(Rubric.current.version)).
      """)
  var rubric: String?

  /// The rubric after flag, environment and default.
  func scoringRubric() throws -> Rubric {
    let version =
      rubric
      ?? ProcessInfo.processInfo.environment["VETTING_RUBRIC_VERSION"].flatMap {
        $0.isEmpty ? nil : $0
      }
    guard let version else { return .current }
    guard let named = Rubric.named(version) else {
      throw VetctlError.usage(
        "--rubric: \"\(version)\" is not a published rubric version; use one of "
          + Rubric.publishedVersions)
    }
    return named
  }

  func run() async throws {
    try await ErrorReporting.run {
      guard (1...5_000_000).contains(providers) else {
        throw VetctlError.usage("--providers: must be in 1...5000000")
      }
      guard !label.isEmpty, label.count <= 40,
        label.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
      else { throw VetctlError.usage("--label: 1...40 ASCII letters or digits") }
      guard (1...20_000).contains(chunk) else { throw VetctlError.usage("--chunk: 1...20000") }
      let rubric = try scoringRubric()
      let clock = ContinuousClock()
      let started = clock.now
      let (tiers, steps) = try await database.withConnections { connection, scoring in
        let prefix = "demo-\(label)-"
        let existing = try await connection.query(
          """
          select (select count(*) from clinics where external_id like $1 || '%')
               + (select count(*) from practitioners where external_id like $1 || '%'),
                 (select count(*) from practitioners)
          """, [prefix]
        ).singleRow()
        if try existing?.decode(Int.self, at: 0) ?? 0 > 0 {
          throw VetctlError(
            .conflict, "demo data with label \"\(label)\" is already loaded; pass another --label")
        }
        let asOf = Day(Date())
        let generator = DemoGenerator(
          seed: seed, label: label, asOf: asOf,
          firstNumber: try existing?.decode(Int.self, at: 1) ?? 0)
        let progress = Progress(label: "demo-data", total: providers)
        var tiers: [String: Int] = [:]
        var steps: [String: Duration] = [:]
        var done = 0
        var mark = clock.now
        var next = try generator.batch(size: min(chunk, providers))
        steps["generate (first chunk)"] = clock.now - mark
        // Three jobs at a time, one per chunk: the next chunk is generated (Swift), this
        // chunk's directory rows go in on `connection`, and the previous chunk's providers
        // (committed by then) are assessed from their stored rows on `scoring`.
        var scored: [UUID]?
        while true {
          let current = next
          let size = current.providerIDs.count
          let pending = scored?.count ?? 0
          let remaining = providers - done - pending - size
          async let following =
            remaining > 0 ? try generator.batch(size: min(chunk, remaining)) : nil
          let previous = scored
          async let assessing = Self.assess(previous, on: scoring, asOf: asOf, rubric: rubric)
          var laps: [String: Duration] = [:]
          try await DirectoryBatchWriter.insert(current, on: connection, timings: &laps)
          for (table, duration) in laps { steps[table, default: .zero] += duration }
          let (assessedTiers, assessSteps) = try await assessing
          for (step, duration) in assessSteps { steps[step, default: .zero] += duration }
          if let previous {
            for (tier, count) in assessedTiers { tiers[tier, default: 0] += count }
            done += previous.count
            progress.update(done: done)
          }
          scored = current.providerIDs
          mark = clock.now
          let generated = try await following
          steps["wait for generation", default: .zero] += clock.now - mark
          guard let batch = generated else { break }
          next = batch
        }
        if let last = scored {
          let (lastTiers, lastSteps) = try await Self.assess(
            last, on: scoring, asOf: asOf, rubric: rubric)
          for (step, duration) in lastSteps { steps[step, default: .zero] += duration }
          for (tier, count) in lastTiers { tiers[tier, default: 0] += count }
          done += last.count
          progress.update(done: done)
        }
        progress.finish()
        mark = clock.now
        try await connection.execute("analyze")
        steps["analyze"] = clock.now - mark
        return (tiers, steps)
      }
      let elapsed = clock.now - started
      let seconds =
        Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
      var rows = Tier.allCases.map { [$0.rawValue, "\(tiers[$0.rawValue] ?? 0)"] }
      rows.append(["total", "\(providers)"])
      Printer.write(Table(columns: ["tier", "providers"], rows: rows).render(.table))
      if timings {
        for (step, duration) in steps.sorted(by: { $0.key < $1.key }) {
          Printer.write("  \(step): \(duration)\n")
        }
      }
      Printer.write(
        String(
          format: "loaded %d providers in %.1f s (%.0f per second)\n", providers, seconds,
          Double(providers) / seconds))
    }
  }

  /// Assesses the committed providers `ids` (when there are any) from their stored rows on
  /// `connection`; returns the providers per tier and the time each step took.
  private static func assess(
    _ ids: [UUID]?, on connection: Connection, asOf: Day, rubric: Rubric
  ) async throws -> ([String: Int], [String: Duration]) {
    guard let ids else { return ([:], [:]) }
    var timings: [String: Duration] = [:]
    let tiers = try await BulkAssessor.assessNew(
      ids, on: connection, asOf: asOf, assessedBy: "vetctl demo-data", rubric: rubric,
      timings: &timings)
    return (tiers, timings)
  }
}
