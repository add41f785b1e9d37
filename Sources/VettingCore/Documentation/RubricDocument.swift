/// Renders a rubric as Markdown for auditors (`docs/RUBRIC.md`). Pure: the same rubric always
/// renders the same text, which a test compares with the committed file.
public enum RubricDocument {
  /// The Markdown document for `rubric`.
  public static func markdown(for rubric: Rubric) -> String {
    var lines: [String] = []
    func add(_ line: String = "") { lines.append(line) }
    let credit = rubric.credit
    let tiers = rubric.tiers

    let totalPoints = rubric.criteria.reduce(0) { $0 + $1.points }
    add("# Vetting rubric \(rubric.version)")
    add()
    add("<!-- Generated from Sources/VettingCore/Rubric by ops/gen-rubric-doc. Do not edit:")
    add("a test fails when this file differs from the rubric in code. -->")
    add()
    add("This rubric judges ketamine-assisted therapy providers (clinics and practitioners)")
    add("against the ethical ketamine clinician guidelines and the red flags named by guides and")
    add("experts.")
    add()
    add("- Criteria: \(rubric.criteria.count), worth \(totalPoints) points in all.")
    add("- Red flags: \(rubric.flags.count).")
    add("- Version: `\(rubric.version)`. Every assessment records the version it used;")
    add("  published versions never change, so old assessments stay reproducible.")
    add(
      "- Servers score with the version they are started with (`--rubric-version`, default "
        + "`\(Rubric.current.version)`); see \"Moving the directory to a new rubric version\".")
    if rubric.version != Rubric.current.version {
      add(
        "- This version is published beside `\(Rubric.current.version)` (docs/RUBRIC.md), the "
          + "default.")
    }
    add()
    if let revised = rubric.revises, !rubric.changes.isEmpty {
      add("## Changes from \(revised)")
      add()
      add("Every criterion or flag whose points, severity, applicability or condition differs")
      add("from `\(revised)`, with the reason and the sources; the last lines are reviews that")
      add("kept a rule as it was. Anything not listed is as in `\(revised)`.")
      add()
      add("| criterion or flag | change | why | sources |")
      add("|---|---|---|---|")
      for change in rubric.changes.filter(\.changesVerdicts)
        + rubric.changes.filter({ !$0.changesVerdicts })
      {
        add(
          "| \(change.subject.rawValue) `\(change.id)` | \(cell(change.change)) | "
            + "\(cell(change.reason)) | \(sourceList(change.sources)) |")
      }
      add()
    }
    add(Self.moving(to: rubric.version))
    add()
    add(Self.scoring)
    add("   | provenance | credit |")
    add("   |---|---|")
    for provenance in Provenance.allCases.reversed() {
      add("   | \(provenance.rawValue) | \(credit.percent(for: provenance))% |")
    }
    add()
    add(Self.scoringContinued)
    add()
    add("## Tiers")
    add()
    add("| tier | score | and |")
    add("|---|---|---|")
    add(
      "| `\(Tier.recommended.rawValue)` | ≥ \(tiers.recommendedMinimum) "
        + "| no critical or major flag |")
    add(
      "| `\(Tier.vetted.rawValue)` | ≥ \(tiers.vettedMinimum) | no critical flag, "
        + "fewer than \(tiers.majorFlagsForConditional) major flags |")
    add("| `\(Tier.conditional.rawValue)` | ≥ \(tiers.conditionalMinimum) | no critical flag |")
    if tiers.separatesIncomplete {
      add(
        "| `\(Tier.incomplete.rawValue)` | below \(tiers.conditionalMinimum) | no critical flag, "
          + "and the open items, if met, would reach \(tiers.conditionalMinimum) |")
      add(
        "| `\(Tier.notVetted.rawValue)` | below \(tiers.conditionalMinimum) even with every "
          + "open item met | or any critical flag |")
    } else {
      add(
        "| `\(Tier.notVetted.rawValue)` | below \(tiers.conditionalMinimum) "
          + "| or any critical flag |")
    }
    add()
    add(
      "- Any **critical** flag puts the provider in `\(Tier.lowest.rawValue)` whatever the points.")
    add("- One **major** flag caps the tier at `\(Tier.vetted.rawValue)`.")
    add(
      "- \(tiers.majorFlagsForConditional) or more **major** flags cap it at "
        + "`\(Tier.conditional.rawValue)`.")
    add("- **Minor** flags are reported but do not move the tier.")
    add()
    if tiers.separatesIncomplete { add(Self.completeness) }
    if rubric.recordsRoles { add(Self.roles) }
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
    add(Self.inputs)
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

  /// How completeness is measured and what it decides (rubrics that separate incomplete files).
  static let completeness = """
    ## Completeness

    Every assessment reports, beside its score, how much of the evidence that applies to the
    provider is on file: the points of the applicable criteria whose fact is on record, as a
    percentage of all applicable points (rounded down). A criterion is an **open item** when the
    fact it reads is not on record or its evidence has expired; a fact recorded as not done, or
    only self-reported, is on file (it is judged, not missing). Open items are listed with the
    assessment, in search and report rows as a count, and by `vetctl due --reason open-item` for
    staff to chase.

    A provider below the conditional minimum is `incomplete`, not `not-vetted`, when its open
    items, met in full, would lift its score to the conditional minimum: the missing evidence,
    not the practice, decides its verdict. `not-vetted` means judged and failing (or a critical
    flag). Flags are raised by what is on record, with two deliberate exceptions that read an
    absence on a recorded team: `licensure.unlicensed-practitioner` (a role that needs a license
    with none on file: the directory does not vet a clinician whose license it has not seen) and
    `safety.no-life-support-staff` (IV or IM dosing with no ACLS/BLS certificate on file). The
    team-composition flags judge a roster once one is on record. Otherwise a file that fills in
    keeps its flags and moves from `incomplete` to the tier its evidence earns.

    """

  /// What an assessment says about who holds the two professional roles (2026.2 on).
  static let roles = """
    ## Roles

    Each assessment lists every person on the team and every outside partner with the
    professional role they were counted in (the guidelines' clause 3: one clinician may hold
    both the medical and the mental-health role, or two may share them) and why: a prescriber
    holds the medical role; a therapist in a mental-health discipline holds the mental-health
    role, and so does a psychiatrist or psychiatric nurse practitioner recorded as a prescriber
    with psychotherapy training; a prescribing or therapist partner holds its role until the
    partnership's evidence expires; nurses, monitors and other staff hold neither. These are the
    counts the team-composition flags and `integration.mental-health-professional` use.

    """

  /// How staff move the directory to `version`.
  static func moving(to version: String) -> String {
    """
    ## Moving the directory to a new rubric version

    An assessment keeps the version it was made with. To score the directory with `\(version)`:

    1. Start every server with `--rubric-version \(version)` (or `VETTING_RUBRIC_VERSION`). From
       then on each write re-scores the providers it touches with `\(version)`, and `GetRubric`
       without a version returns it.
    2. Run `vetctl vet --all --rubric \(version)`. It re-scores every provider, with progress,
       and stores a new assessment for each one last assessed under another version (or whose
       facts changed). A server that scores with another version refuses it (exit 75), so a
       server left on the old version is caught. A run stopped part way can be started again:
       providers assessed today with `\(version)` are skipped without being re-assessed.
    3. `vetctl changes --from T` (T: a time before step 2) lists who moved: tier, flags gained
       or lost, and flags the new version weighs differently (`severity_changes`);
       `vetctl due --reason outdated-rubric` lists providers still on another version.
    """
  }

  static let scoring = """
    ## How a provider is scored

    1. **Applicability.** A criterion counts only for the providers it applies to (at-home
       criteria only for providers that prescribe for home use; in-clinic monitoring only for
       providers where patients dose on site). Applicability depends on the routes offered and
       the team, never on the evidence, so adding or losing evidence never changes which
       criteria count.
    2. **Credit by provenance.** Each fact carries where it comes from. A criterion met with
       evidence of that provenance earns this share of its points:

    """

  static let scoringContinued = """
       Met with full credit is *met*; with partial credit, *partly met*. When a criterion needs
       several facts or every practitioner, it earns the credit of the weakest; when one of
       several is enough, the strongest. Training hours earn the credit of the strongest
       provenance at which the completed, current hours reach the minimum.
    3. **Expiry.** A fact expiring on day D is good through D. From D+1 (judged against the
       assessment's as-of date) it earns nothing, and an expired license or certificate also
       raises a flag (`licensure.license-expired`, `credentials.certificate-expired`).
    4. **Missing facts** earn nothing and raise no flag. Flags are raised by current facts on
       record (a practice recorded as not done, a claim found in an ad, a license status) or by
       the make-up of the team (no one in the mental-health or medical role). A practice fact
       whose evidence expired counts for neither points nor flags; a license's standing
       (revoked, suspended, probation, lapsed) is flagged whatever its expiry date.
    5. **Score.** Points earned over points available across the applicable criteria, as a
       percentage rounded down (0–100). Each area gets a sub-score the same way; an area with
       no applicable criterion has none.
    6. **NPI.** Ten digits starting with 1 or 2, the last being the Luhn check digit over
       `80840` followed by the first nine (CMS). An NPI that fails, or that the NPPES registry
       lookup on record found deactivated or not issued, earns nothing for
       `licensure.valid-npi` and raises `licensure.invalid-npi`; it never stops an assessment.
    """

  static func cell(_ text: String) -> String {
    String(text.flatMap { $0 == "|" ? ["\\", "|"] : [$0] })
  }

  static func sourceList(_ sources: [Source]) -> String {
    sources.map { "`" + $0.rawValue + "`" }.joined(separator: ", ")
  }
}
