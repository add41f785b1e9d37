/// SQL fragments shared by the audit reads: which providers are listed at an instant, where they
/// are, and which assessment is in force. Every argument is a SQL expression written by this
/// module (a parameter reference such as `$5`), never user input.
enum ListedProviders {
  /// `SELECT id, kind, name` of the listed providers: live clinics and solo-listed practitioners.
  ///
  /// - Parameters:
  ///   - existingAt: when given, only providers created by then.
  ///   - liveAt: when given, providers not archived by then; `nil`: not archived now.
  static func select(existingAt: String?, liveAt: String?) -> String {
    func conditions(_ alias: String) -> String {
      var parts: [String] = []
      if let existingAt { parts.append("\(alias).created_at <= \(existingAt)") }
      if let liveAt {
        parts.append("(\(alias).archived_at is null or \(alias).archived_at > \(liveAt))")
      } else {
        parts.append("\(alias).archived_at is null")
      }
      return parts.joined(separator: " and ")
    }
    return """
      select c.id, 'clinic'::text as kind, c.name as name from clinics c where \(conditions("c"))
      union all
      select p.id, 'practitioner'::text, p.full_name from practitioners p
       where p.listed_solo and \(conditions("p"))
      """
  }

  /// A LATERAL subquery (`city`, `state`, `postal_code`) giving provider `l`'s location: its
  /// primary one first, then the oldest; in `state` when that expression is not null.
  ///
  /// - Parameter at: when given, locations that existed and were live then; `nil`: live now.
  static func location(state: String, at: String?) -> String {
    let live =
      at.map { "lo.created_at <= \($0) and (lo.archived_at is null or lo.archived_at > \($0))" }
      ?? "lo.archived_at is null"
    return """
      select lo.city, lo.state, lo.postal_code from locations lo
       where lo.provider_id = l.id and \(live) and (\(state) is null or lo.state = \(state))
       order by lo.is_primary desc, lo.created_at, lo.id
       limit 1
      """
  }

  /// A LATERAL subquery selecting `columns` of provider `l`'s assessment in force at `at`
  /// (`assessed_at <= at < superseded_at`), or its latest when `at` is `nil`.
  static func assessment(_ columns: String, at: String?) -> String {
    guard let at else {
      return "select \(columns) from assessments a where a.provider_id = l.id "
        + "and a.superseded_at is null"
    }
    // The history index (provider_id, assessed_at desc) finds the one row.
    return """
      select \(columns) from assessments a
       where a.provider_id = l.id and a.assessed_at <= \(at)
         and (a.superseded_at is null or a.superseded_at > \(at))
       order by a.assessed_at desc
       limit 1
      """
  }
}
