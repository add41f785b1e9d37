/// PostgreSQL's binary `date`, `timestamp` and `timestamptz` count from 2000-01-01 00:00 UTC.
enum PostgresEpoch {
  /// Seconds from 1970-01-01 to 2000-01-01.
  static let unixOffsetSeconds: Double = 946_684_800
}
