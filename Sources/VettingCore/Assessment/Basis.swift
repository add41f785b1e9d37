/// The facts behind one criterion outcome or flag, kept compact so the engine can record it
/// without formatting text; ``reason`` renders the one-line explanation on demand.
public struct Basis: Sendable, Hashable, Codable {
  /// The fact used.
  public var fact: FactKey
  /// What was found.
  public var finding: Finding
  /// A value or status named in the reason (e.g. "questionnaire-only", "revoked", "cure").
  public var detail: String?
  /// A number used (hours, minutes, mg, count).
  public var number: Int?
  /// The threshold the number was compared with.
  public var limit: Int?
  /// The unit of `number` and `limit` (e.g. "h", "min", "mg").
  public var unit: Unit?
  /// Provenance of the evidence used.
  public var provenance: Provenance?
  /// A date used (expiry).
  public var date: Day?
  /// Whose fact it is (a practitioner's name), if not the provider's.
  public var subject: String?
  /// A qualifier, such as a license's state.
  public var qualifier: String?

  /// Creates a basis.
  @inlinable
  public init(
    _ fact: FactKey, _ finding: Finding, detail: String? = nil, number: Int? = nil,
    limit: Int? = nil, unit: Unit? = nil, provenance: Provenance? = nil, date: Day? = nil,
    subject: String? = nil, qualifier: String? = nil
  ) {
    self.fact = fact
    self.finding = finding
    self.detail = detail
    self.number = number
    self.limit = limit
    self.unit = unit
    self.provenance = provenance
    self.date = date
    self.subject = subject
    self.qualifier = qualifier
  }

  /// One line of text naming the fact, what was found and where the evidence came from, e.g.
  /// `observation time: 60 min, below the 120 min minimum (verified by staff)`.
  public var reason: String {
    var text = fact.label
    switch (subject, qualifier) {
    case (let subject?, let qualifier?): text += " (" + subject + ", " + qualifier + ")"
    case (let subject?, nil): text += " (" + subject + ")"
    case (nil, let qualifier?): text += " (" + qualifier + ")"
    case (nil, nil): break
    }
    text += ": "
    let unitText = unit.map { " " + $0.rawValue } ?? ""
    let numberText = number.map { String($0) + unitText } ?? "?"
    let limitText = limit.map { String($0) + unitText } ?? "?"
    switch finding {
    case .affirmed: text += detail ?? "yes"
    case .denied: text += detail ?? "no"
    case .missing: text += detail ?? "not on record"
    case .expired: text += "expired " + (date?.description ?? "?")
    case .meetsMinimum: text += numberText + ", meets the " + limitText + " minimum"
    case .belowMinimum: text += numberText + ", below the " + limitText + " minimum"
    case .withinMaximum: text += numberText + ", within the " + limitText + " maximum"
    case .aboveMaximum: text += numberText + ", above the " + limitText + " maximum"
    case .present: text += "found \"" + (detail ?? "?") + "\""
    case .status: text += detail ?? "?"
    case .invalid: text += "invalid, " + (detail ?? "?")
    case .notApplicable: text += "not applicable, applies to " + (detail ?? "?")
    }
    if finding == .expired {
      if let provenance { text += " (" + provenance.phrase + ")" }
    } else if let provenance {
      text += " (" + provenance.phrase
      if let date { text += ", expires " + date.description }
      text += ")"
    }
    return text
  }
}
