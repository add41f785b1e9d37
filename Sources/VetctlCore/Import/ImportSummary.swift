/// The result of an import: counts and every rejection with its position and reason.
struct ImportSummary: Sendable {
  var created = 0
  var updated = 0
  var unchanged = 0
  var rejections: [ImportRejection] = []
  /// The server answered a dry run: the counts say what a real run would do; nothing was written.
  var dryRun = false
  /// Set by `--check-only`: the rows the file check passed (no server was asked, so there are no
  /// created / updated / unchanged counts).
  var valid: Int?

  var rejected: Int { rejections.count }

  /// The summary for people: one line of counts, then one line per rejection in file order.
  var text: String {
    var text =
      valid.map { "valid \($0), rejected \(rejected)\n" }
      ?? "created \(created), updated \(updated), unchanged \(unchanged), rejected \(rejected)\n"
    for rejection in rejections {
      let key = rejection.externalID.isEmpty ? "" : " (\(rejection.externalID))"
      text += "rejected \(rejection.position)\(key): \(rejection.reason)\n"
    }
    return text
  }

  /// The summary as JSON.
  var json: String {
    struct Body: Encodable {
      var created: Int?
      var updated: Int?
      var unchanged: Int?
      var valid: Int?
      var rejected: Int
      var dryRun: Bool?
      var rejections: [[String: String]]

      enum CodingKeys: String, CodingKey {
        case created, updated, unchanged, valid, rejected, rejections
        case dryRun = "dry_run"
      }
    }
    let checkOnly = valid != nil
    return JSONText.encode(
      Body(
        created: checkOnly ? nil : created, updated: checkOnly ? nil : updated,
        unchanged: checkOnly ? nil : unchanged, valid: valid, rejected: rejected,
        dryRun: checkOnly ? nil : dryRun,
        rejections: rejections.map {
          ["position": $0.position, "external_id": $0.externalID, "reason": $0.reason]
        })) + "\n"
  }

  /// The rejections as CSV (the counts go to standard error).
  var csv: String {
    Table(
      columns: ["position", "external_id", "reason"],
      rows: rejections.map { [$0.position, $0.externalID, $0.reason] }
    ).render(.csv)
  }
}
