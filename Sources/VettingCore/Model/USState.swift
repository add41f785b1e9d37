/// USPS codes of the 50 states, DC and the five inhabited territories: the same list as the
/// database's `us_state_codes()`.
public enum USState {
  /// Every valid code.
  public static let codes: Set<String> = [
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
    "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY",
    "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV",
    "WI", "WY", "DC", "PR", "GU", "VI", "AS", "MP",
  ]

  /// Whether `code` is a valid code (upper case).
  public static func isValid(_ code: String) -> Bool { codes.contains(code) }
}
