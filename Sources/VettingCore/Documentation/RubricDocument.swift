/// Renders a rubric as Markdown for auditors (`docs/RUBRIC.md`). Pure: the same rubric always
/// renders the same text, which a test compares with the committed file.
public enum RubricDocument {
  /// The Markdown document for `rubric`.
  public static func markdown(for rubric: Rubric) -> String {
    var lines: [String] = []
    func add(_ line: String = "") { lines.append(line) }
    let credit = rubric.credit
    let tiers = rubric.tiers

    add("# Vetting rubric \(rubric.version)")
    add()
    add(
      "<!-- Generated from Sources/VettingCore/Rubric by `ops/gen-rubric-doc`. Do not edit: a test")
    add("fails when this file differs from the rubric in code. -->")
    add()
    add(
      "This rubric judges ketamine-assisted therapy providers (clinics and practitioners) against")
    add("the ethical ketamine clinician guidelines and the red flags named by guides and experts.")
    add(
      "It has \(rubric.criteria.count) criteria worth \(rubric.criteria.reduce(0) { $0 + $1.points })"
    )
    add("points in all, and \(rubric.flags.count) red flags. Every assessment records the rubric")
    add("version it used; published versions never change, so old assessments stay reproducible.")
    add()
    add("## How a provider is scored")
    add()
    add(
      "1. **Applicability.** A criterion counts only for the providers it applies to (for example,")
    add("   at-home criteria only for providers that prescribe for home use; in-clinic monitoring")
    add("   only for providers where patients dose on site). Applicability depends on the routes")
    add(
      "   offered and the team, never on the evidence, so adding or losing evidence never changes")
    add("   which criteria count.")
    add("2. **Credit by provenance.** Each fact carries where it comes from. A criterion met with")
    add("   evidence of that provenance earns this share of its points:")
    add()
    add("   | provenance | credit |")
    add("   |---|---|")
    for provenance in Provenance.allCases.reversed() {
      add("   | \(provenance.rawValue) | \(credit.percent(for: provenance))% |")
    }
    add()
    add("   Met with full credit is *met*; with partial credit, *partly met*. When a criterion")
    add("   needs several facts or every practitioner, it earns the credit of the weakest one;")
    add("   when one of several is enough, the strongest. Training hours earn the credit of the")
    add("   strongest provenance at which the completed hours reach the minimum.")
    add("3. **Expiry.** A fact expiring on day D is good through D. From D+1 (judged against the")
    add("   assessment's as-of date) it earns nothing, and an expired license or certificate also")
    add("   raises a flag (`licensure.license-expired`, `credentials.certificate-expired`).")
    add("4. **Missing facts** earn nothing and raise no flag. Flags are raised by facts on record")
    add("   (a practice recorded as not done, a claim found in an ad, a license status) or by the")
    add("   make-up of the team (no one in the mental-health or medical role).")
    add("5. **Score.** Points earned over points available across the applicable criteria, as a")
    add("   percentage rounded down (0–100). Each area gets a sub-score the same way; an area with")
    add("   no applicable criterion has none.")
    add()
    add("## Tiers")
    add()
    add("| tier | score | and |")
    add("|---|---|---|")
    add(
      "| `\(Tier.recommended.rawValue)` | ≥ \(tiers.recommendedMinimum) | no critical or major flag |"
    )
    add(
      "| `\(Tier.vetted.rawValue)` | ≥ \(tiers.vettedMinimum) | no critical flag, "
        + "fewer than \(tiers.majorFlagsForConditional) major flags |")
    add("| `\(Tier.conditional.rawValue)` | ≥ \(tiers.conditionalMinimum) | no critical flag |")
    add(
      "| `\(Tier.notVetted.rawValue)` | below \(tiers.conditionalMinimum) | or any critical flag |")
    add()
    add("Any **critical** flag puts the provider in `\(Tier.lowest.rawValue)` whatever the points.")
    add(
      "One **major** flag caps the tier at `\(Tier.vetted.rawValue)`; \(tiers.majorFlagsForConditional)"
    )
    add("or more cap it at `\(Tier.conditional.rawValue)`. **Minor** flags are reported but do not")
    add("move the tier.")
    add()
    add("## Criteria")
    for area in Area.allCases {
      let criteria = rubric.criteria.filter { $0.area == area }
      guard !criteria.isEmpty else { continue }
      add()
      add("### \(area.title) (`\(area.rawValue)`, \(criteria.reduce(0) { $0 + $1.points }) points)")
      add()
      add("| id | points | requirement | evidence that proves it | applies to | sources |")
      add("|---|---|---|---|---|---|")
      for criterion in criteria {
        add(
          "| `\(criterion.id)` | \(criterion.points) | \(cell(criterion.requirement)) | "
            + "\(cell(criterion.evidence)) | \(criterion.applicability.phrase) | "
            + "\(sourceList(criterion.sources)) |")
      }
    }
    add()
    add("## Red flags")
    for severity in Severity.allCases {
      let flags = rubric.flags.filter { $0.severity == severity }
      guard !flags.isEmpty else { continue }
      add()
      add("### \(severity.rawValue.capitalized) (\(flags.count))")
      add()
      add("| id | condition | checked for | sources |")
      add("|---|---|---|---|")
      for flag in flags {
        add(
          "| `\(flag.id)` | \(cell(flag.condition)) | \(flag.applicability.phrase) | "
            + "\(sourceList(flag.sources)) |")
      }
    }
    add()
    add("## Sources")
    add()
    add(
      "The evidence base is `shared/reference/RUBRIC-SOURCES.md` and the seed articles beside it.")
    add()
    add("| key | citation |")
    add("|---|---|")
    for source in Source.allCases {
      add("| `\(source.rawValue)` | \(cell(source.citation)) |")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func cell(_ text: String) -> String {
    String(text.flatMap { $0 == "|" ? ["\\", "|"] : [$0] })
  }

  static func sourceList(_ sources: [Source]) -> String {
    sources.map { "`" + $0.rawValue + "`" }.joined(separator: ", ")
  }
}
