import Foundation

/// The practice questionnaire as directory staff submit it: what a referral network searches on
/// (routes, conditions, insurance, pricing, telehealth, accepting new patients) and the
/// ``PracticeProfile`` facts the rubric reads.
///
/// The JSON document (all keys optional; unknown keys, at the top level and in
/// `practice` and its groups, are refused so a misspelt key is not silently ignored):
///
/// ```json
/// {
///   "routes": ["iv", "at-home"],
///   "conditionsTreated": ["depression", "ptsd"],
///   "acceptsInsurance": true, "insurancePayers": ["aetna"],
///   "slidingScale": true,
///   "pricing": {"perSessionUSD": 450, "notes": "..."},
///   "telehealthStates": ["MI", "OH"],
///   "acceptingNewPatients": true,
///   "practice": {"screening": {"urineToxicology": {"value": true, "provenance": "self-reported"}}}
/// }
/// ```
///
/// Decode with ``decode(json:)``, which also validates; its errors name the JSON path.
public struct PracticeQuestionnaire: Sendable, Hashable, Codable {
  /// Routes offered (VettingCore ``Route`` raw values).
  public var routes: [Route]
  /// Conditions treated, as lower-case slugs (`depression`, `ptsd`, `ocd`).
  public var conditionsTreated: [String]
  /// Whether any insurance is accepted.
  public var acceptsInsurance: Bool
  /// Payers accepted, as lower-case slugs (`medicare`, `aetna`).
  public var insurancePayers: [String]
  /// Whether fees slide with income.
  public var slidingScale: Bool
  /// Published prices.
  public var pricing: PracticePricing?
  /// USPS codes of the states served by telehealth.
  public var telehealthStates: [String]
  /// Whether new patients are accepted now.
  public var acceptingNewPatients: Bool
  /// The facts the rubric reads, each with provenance and optional expiry.
  public var practice: PracticeProfile

  /// Creates a questionnaire.
  public init(
    routes: [Route] = [], conditionsTreated: [String] = [], acceptsInsurance: Bool = false,
    insurancePayers: [String] = [], slidingScale: Bool = false, pricing: PracticePricing? = nil,
    telehealthStates: [String] = [], acceptingNewPatients: Bool = false,
    practice: PracticeProfile = PracticeProfile()
  ) {
    self.routes = routes
    self.conditionsTreated = conditionsTreated
    self.acceptsInsurance = acceptsInsurance
    self.insurancePayers = insurancePayers
    self.slidingScale = slidingScale
    self.pricing = pricing
    self.telehealthStates = telehealthStates
    self.acceptingNewPatients = acceptingNewPatients
    self.practice = practice
  }

  enum CodingKeys: String, CodingKey, CaseIterable {
    case routes, conditionsTreated, acceptsInsurance, insurancePayers, slidingScale, pricing
    case telehealthStates, acceptingNewPatients, practice
  }

  private static let knownKeys = UnknownKeys.Known(CodingKeys.allCases.map(\.rawValue))

  public init(from decoder: any Decoder) throws {
    try UnknownKeys.refuse(in: decoder, allowed: Self.knownKeys)
    let container = try decoder.container(keyedBy: CodingKeys.self)
    routes = try container.decodeIfPresent([Route].self, forKey: .routes) ?? []
    conditionsTreated =
      try container.decodeIfPresent([String].self, forKey: .conditionsTreated) ?? []
    acceptsInsurance = try container.decodeIfPresent(Bool.self, forKey: .acceptsInsurance) ?? false
    insurancePayers = try container.decodeIfPresent([String].self, forKey: .insurancePayers) ?? []
    slidingScale = try container.decodeIfPresent(Bool.self, forKey: .slidingScale) ?? false
    pricing = try container.decodeIfPresent(PracticePricing.self, forKey: .pricing)
    telehealthStates = try container.decodeIfPresent([String].self, forKey: .telehealthStates) ?? []
    acceptingNewPatients =
      try container.decodeIfPresent(Bool.self, forKey: .acceptingNewPatients) ?? false
    practice =
      try container.decodeIfPresent(PracticeProfile.self, forKey: .practice)
      ?? PracticeProfile()
  }

  /// Decodes and validates a questionnaire document.
  /// - Throws: ``QuestionnaireError`` naming the JSON path of the first problem.
  public static func decode(json: Data) throws(QuestionnaireError) -> PracticeQuestionnaire {
    let value: PracticeQuestionnaire
    do {
      value = try JSONDecoder().decode(PracticeQuestionnaire.self, from: json)
    } catch let error as DecodingError {
      throw QuestionnaireError(error)
    } catch {
      throw QuestionnaireError(path: "", message: "not a JSON object: \(error)")
    }
    try value.validate()
    return value
  }

  /// Checks what the types cannot: slugs, state codes, non-negative prices, no NUL characters,
  /// evaluation lengths within a day.
  /// - Throws: ``QuestionnaireError`` naming the JSON path of the first problem.
  public func validate() throws(QuestionnaireError) {
    try Self.checkSlugs(conditionsTreated, "conditionsTreated")
    try Self.checkSlugs(insurancePayers, "insurancePayers")
    for (index, state) in telehealthStates.enumerated() where !USState.isValid(state) {
      throw QuestionnaireError(
        path: "telehealthStates[\(index)]",
        message: "\"\(state)\" is not a USPS state or territory code")
    }
    try Self.checkMinutes(
      practice.screening.psychiatricEvaluationMinutes,
      "practice.screening.psychiatricEvaluationMinutes")
    try Self.checkMinutes(
      practice.home.evaluationBeforePrescribingMinutes,
      "practice.home.evaluationBeforePrescribingMinutes")
    if let pricing {
      if let price = pricing.perSessionUSD, price < 0 || price > 1_000_000 {
        throw QuestionnaireError(path: "pricing.perSessionUSD", message: "must be 0...1000000")
      }
      if let price = pricing.consultationUSD, price < 0 || price > 1_000_000 {
        throw QuestionnaireError(path: "pricing.consultationUSD", message: "must be 0...1000000")
      }
      if let notes = pricing.notes, notes.count > 2000 || notes.contains("\u{0}") {
        throw QuestionnaireError(
          path: "pricing.notes", message: "must be at most 2000 characters without NUL")
      }
    }
  }

  /// An evaluation's length, which decides brief vs live video: whole minutes within a day.
  private static func checkMinutes(_ fact: Attested<Int>?, _ name: String)
    throws(QuestionnaireError)
  {
    guard let fact, fact.value < 0 || fact.value > 1440 else { return }
    throw QuestionnaireError(path: name + ".value", message: "must be 0...1440 minutes")
  }

  private static func checkSlugs(_ values: [String], _ name: String) throws(QuestionnaireError) {
    for (index, value) in values.enumerated() where !isSlug(value) {
      throw QuestionnaireError(
        path: "\(name)[\(index)]",
        message:
          "\"\(value)\" is not a slug: lower-case letters, digits and _, starting with a letter, "
          + "at most 63 characters")
    }
  }

  private static func isSlug(_ value: String) -> Bool {
    let bytes = Array(value.utf8)
    guard let first = bytes.first, bytes.count <= 63,
      (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first)
    else { return false }
    return bytes.allSatisfy {
      (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0)
        || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "_")
    }
  }
}
