extension RubricDocument {
  /// The "## Inputs" section: that every criterion and flag can be reached through the Admin
  /// API, and the vocabulary staff record facts in (roles, disciplines, training programs,
  /// evidence subjects).
  static var inputs: String {
    var lines: [String] = [
      "## Inputs",
      "",
      "Every criterion can be earned in full and every red flag raised by a provider onboarded",
      "only through the Admin API (`vetctl`, `docs/VETCTL.md`): `RubricReachabilityTests` reads",
      "this rubric over the wire, builds providers through Admin calls and fails by name for any",
      "criterion or flag without an input path; `ImportReachabilityTests` does the same through",
      "`vetctl import` alone. Every criterion and flag is reachable; `ops/test` runs both tests.",
      "Every input refuses an NPI that fails the check digit (a typo is caught at entry), so",
      "`licensure.invalid-npi` is raised through the NPPES lookup staff record with the NPI",
      "(`npi_status` `deactivated` or `not_found`: a number that passes the check digit but is",
      "retired or was never issued).",
      "Worked examples of whole practices are in `docs/ONBOARDING.md`.",
      "",
      "### Roles",
      "",
      "| role | holds | needs a license |",
      "|---|---|---|",
    ]
    for role in PractitionerRole.allCases {
      let holds: String
      switch role {
      case .therapist: holds = "the mental-health role"
      case .prescriber: holds = "the medical role"
      default: holds = "staff beside the two roles"
      }
      lines.append("| `\(role.rawValue)` | \(holds) | \(role.requiresLicense ? "yes" : "no") |")
    }
    lines += [
      "",
      "A prescriber in psychiatry or psychiatric nursing recorded with psychotherapy training",
      "holds the therapist role too. Partners outside the team (`prescriber`, `therapist`,",
      "`medical-director`) count toward the team-composition criteria and flags.",
      "",
      "### Disciplines",
      "",
      Discipline.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", ")
        + ". Mental-health disciplines: "
        + Discipline.allCases.filter(\.isMentalHealth).map { "`\($0.rawValue)`" }
        .joined(separator: ", ") + ". Boards accepted for clinic oversight: "
        + Discipline.allCases.filter(\.isAcceptedOversightBoard).map { "`\($0.rawValue)`" }
        .joined(separator: ", ") + ".",
      "",
      "### Training programs",
      "",
      "| program id | recognised |",
      "|---|---|",
    ]
    for program in TrainingProgram.allCases {
      lines.append("| `\(program.rawValue)` | \(program.isRecognised ? "yes" : "no") |")
    }
    lines += [
      "",
      "### Facts and evidence subjects",
      "",
      "Reasons name facts by these keys. An evidence item's subject is one of the keys marked",
      "*evidence*, optionally prefixed by its area (`screening.urine-toxicology`); license and",
      "training evidence also names the row it proves.",
      "",
      "| key | fact | evidence |",
      "|---|---|---|",
    ]
    let subjects = Set(FactKey.evidenceSubjects)
    for key in FactKey.allCases {
      let evidence =
        subjects.contains(key) ? (key.evidenceRow.map { "yes, with `\($0)`" } ?? "yes") : "no"
      lines.append("| `\(key.rawValue)` | \(cell(key.label)) | \(evidence) |")
    }
    return lines.joined(separator: "\n")
  }
}
