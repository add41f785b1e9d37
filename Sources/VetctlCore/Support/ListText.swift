import Foundation

/// Lists given as repeated options or comma/semicolon-separated text.
enum ListText {
  /// The non-empty, trimmed items of `values`, each split on `,` and `;`.
  static func split(_ values: [String]) -> [String] {
    values.flatMap { $0.split(whereSeparator: { $0 == "," || $0 == ";" }) }
      .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
  }

  /// `split` of one text.
  static func split(_ value: String) -> [String] { split([value]) }
}
