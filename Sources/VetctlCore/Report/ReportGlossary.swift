import VettingCore

/// The words a report explains ids with: area titles, what each red flag means and what each
/// criterion requires, from the published rubrics (`VettingCore`).
struct ReportGlossary: Sendable {
  /// Area id → title, e.g. `medical-safety` → "Medical safety".
  var areaTitles: [String: String]
  /// Flag id → its condition in one sentence.
  var flagConditions: [String: String]
  /// Criterion id → what the provider must do.
  var requirements: [String: String]

  /// Every published rubric's words; for a shared id, the current rubric's wording (the one new
  /// assessments use), else the latest rubric's.
  static let published: ReportGlossary = {
    var glossary = ReportGlossary(areaTitles: [:], flagConditions: [:], requirements: [:])
    for area in Area.allCases { glossary.areaTitles[area.rawValue] = area.title }
    for rubric in Rubric.all + [Rubric.current] {
      for flag in rubric.flags { glossary.flagConditions[flag.id] = flag.condition }
      for criterion in rubric.criteria {
        glossary.requirements[criterion.id] = criterion.requirement
      }
    }
    return glossary
  }()

  /// The title of `area`, or the id itself for one no rubric knows.
  func areaTitle(_ area: String) -> String { areaTitles[area] ?? area }
}
