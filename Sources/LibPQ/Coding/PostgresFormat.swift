/// The wire format of a parameter or a column value.
///
/// This layer asks for every result column in **binary** format: integers, floats, UUIDs, dates
/// and timestamps are then exact and cheap to decode, and no server setting (`DateStyle`,
/// `TimeZone`, `extra_float_digits`) can change what is decoded. Parameters are sent in binary
/// too, except `numeric` (sent as text, which the server parses exactly).
public enum PostgresFormat: Int32, Sendable, Hashable {
  case text = 0
  case binary = 1
}
