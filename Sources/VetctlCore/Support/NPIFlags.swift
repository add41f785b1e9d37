/// What `--npi` and `--npi-status` do to a clinic's or a practitioner's fields, in one place.
enum NPIFlags {
  /// The `--npi-status` help, the same for clinics and practitioners.
  static let statusHelp = """
    What the NPPES NPI Registry lookup found: unchecked, active, deactivated or not_found \
    (the last two raise licensure.invalid-npi). A changed --npi resets it to unchecked \
    unless this is given.
    """

  /// The wire fields `npi` and `npi_status` after the flags given: a changed number drops the
  /// lookup outcome of the old one (empty is `unchecked` on the wire), unless a new one is given.
  static func applied(npi given: String?, status givenStatus: String?, to current: (String, String))
    -> (npi: String, status: String)
  {
    var (npi, status) = current
    if let given, given != npi {
      npi = given
      status = ""
    }
    return (npi, givenStatus ?? status)
  }
}
