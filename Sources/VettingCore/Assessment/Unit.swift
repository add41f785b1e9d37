/// The unit of a number in a ``Basis``. An enum rather than text so bases stay cheap to copy.
public enum Unit: String, Sendable, Hashable, Codable, CaseIterable {
  case hours = "h"
  case minutes = "min"
  case milligrams = "mg"
  case doses
  case sessions
  case years
}
