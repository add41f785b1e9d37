import LibPQ

/// The point a `near.postal_code` search measures from.
///
/// A ZIP's centre is its row of `zip_centroids` (migration 0011: every US ZIP code, from the
/// Census Bureau's ZCTA gazetteer and, for ZIPs without a ZCTA, GeoNames; see
/// `sql/migrations/0011_zip_centroids.NOTICE.md`). A ZIP the table lacks (one created after the
/// data was taken) but where the directory has geocoded, unarchived locations is centred on the
/// mean of those locations, as every ZIP was before 0011. A ZIP found in neither is refused.
public struct PostalCodeCentre: Sendable, Hashable {
  /// Where the point came from.
  public enum Source: String, Sendable, Hashable {
    /// The ZIP's row of `zip_centroids`.
    case zipCentroids = "zip_centroids"
    /// The mean of the directory's own locations with that ZIP (the ZIP is not in the table).
    case directoryLocations = "directory_locations"
  }

  /// The five-digit ZIP.
  public var zip5: String
  /// Decimal degrees (WGS 84).
  public var latitude: Double
  /// Decimal degrees (WGS 84).
  public var longitude: Double
  public var source: Source

  /// Creates a centre.
  public init(zip5: String, latitude: Double, longitude: Double, source: Source) {
    self.zip5 = zip5
    self.latitude = latitude
    self.longitude = longitude
    self.source = source
  }

  /// The centre of `zip5` (five digits, already validated): one indexed read of `zip_centroids`,
  /// and a second statement only for a ZIP the table does not have.
  ///
  /// - Throws: ``StoreError`` `invalidArgument` naming `near.postal_code` when neither the table
  ///   nor the directory knows the ZIP; otherwise the ``PostgresError``.
  static func find(zip5: String, on connection: Connection) async throws -> PostalCodeCentre {
    if let row = try await connection.query(
      "SELECT latitude, longitude FROM zip_centroids WHERE zip5 = $1", [zip5]
    ).singleRow() {
      let (latitude, longitude) = try row.decode((Double, Double).self)
      return PostalCodeCentre(
        zip5: zip5, latitude: latitude, longitude: longitude, source: .zipCentroids)
    }
    let row = try await connection.query(
      """
      SELECT avg(latitude), avg(longitude) FROM locations
       WHERE zip5 = $1 AND latitude IS NOT NULL AND archived_at IS NULL
      """, [zip5]
    ).singleRow()
    guard let row, let latitude = try row.decode(Double?.self, at: 0),
      let longitude = try row.decode(Double?.self, at: 1)
    else {
      throw StoreError.invalidArgument(
        field: "near.postal_code",
        message:
          "\(zip5) is not a US ZIP code this server knows (it is not in the ZIP centroid table,"
          + " and no location of the directory has it); check the ZIP, or search near a point"
          + " (latitude and longitude)")
    }
    return PostalCodeCentre(
      zip5: zip5, latitude: latitude, longitude: longitude, source: .directoryLocations)
  }
}
