/// National Provider Identifier validation (CMS): 10 digits, first digit 1 or 2, and a Luhn check
/// digit computed over "80840" followed by the first nine digits.
///
/// Validation never traps and never allocates: it walks the UTF-8 bytes once.
public enum NPI {
  /// The outcome of validating an NPI string.
  public enum Validity: String, Sendable, Hashable, Codable, CaseIterable {
    case valid
    /// Not exactly 10 characters.
    case wrongLength = "wrong-length"
    /// Contains something other than the digits 0–9.
    case notDigits = "not-digits"
    /// Does not start with 1 (individual) or 2 (organisation).
    case badPrefix = "bad-prefix"
    /// The check digit does not match.
    case badCheckDigit = "bad-check-digit"

    /// A short phrase for reasons.
    public var phrase: String {
      switch self {
      case .valid: return "valid"
      case .wrongLength: return "not 10 digits"
      case .notDigits: return "contains non-digits"
      case .badPrefix: return "does not start with 1 or 2"
      case .badCheckDigit: return "check digit fails"
      }
    }
  }

  /// What a lookup in the NPPES NPI Registry found when the number is not usable there. An NPI
  /// can pass the check digit and still be deactivated (retired, deceased, or a fraud case) or
  /// never have been issued; staff record the lookup's outcome with the NPI.
  public enum RegistryFinding: String, Sendable, Hashable, Codable, CaseIterable {
    /// NPPES lists the number as deactivated.
    case deactivated
    /// NPPES has no record of the number.
    case notFound = "not-found"

    /// A short phrase for reasons.
    public var phrase: String {
      switch self {
      case .deactivated: return "deactivated in the NPPES registry"
      case .notFound: return "not found in the NPPES registry"
      }
    }
  }

  /// Validates `npi` per the CMS check-digit algorithm.
  public static func validate(_ npi: String) -> Validity {
    // 24 is the digit sum of the implied prefix 80840 under Luhn doubling.
    var sum = 24
    var count = 0
    var first = 0
    var checkDigit = 0
    for byte in npi.utf8 {
      guard count < 10 else { return .wrongLength }
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return .notDigits }
      var digit = Int(byte &- UInt8(ascii: "0"))
      if count == 0 { first = digit }
      if count == 9 {
        checkDigit = digit
      } else {
        // Counting from the rightmost of the nine payload digits, every other digit is doubled,
        // starting with the rightmost: positions 8, 6, 4, 2, 0 from the left.
        if count % 2 == 0 {
          digit *= 2
          if digit > 9 { digit -= 9 }
        }
        sum += digit
      }
      count += 1
    }
    guard count == 10 else { return .wrongLength }
    guard first == 1 || first == 2 else { return .badPrefix }
    return (10 - sum % 10) % 10 == checkDigit ? .valid : .badCheckDigit
  }

  /// Whether `npi` is a valid NPI.
  public static func isValid(_ npi: String) -> Bool { validate(npi) == .valid }

  /// The valid NPI that starts with `payload` (nine digits, the first 1 or 2): `payload` followed
  /// by its check digit; nil when `payload` cannot start a valid NPI.
  public static func completing(_ payload: String) -> String? {
    (0...9).lazy.map { payload + String($0) }.first(where: isValid)
  }
}
