import Foundation
import VettingAPI
import VettingCore

/// Turns one row (column → text) into an ``ImportRow``, or says what is wrong with it.
enum ImportRowParser {
  struct Failure: Error {
    var reason: String
  }

  static func parse(_ values: [String: String], position: String) -> Result<ImportRow, Failure> {
    do {
      return .success(try row(values, position: position))
    } catch let failure as Failure {
      return .failure(failure)
    } catch {
      return .failure(Failure(reason: "\(error)"))
    }
  }

  private static func row(_ values: [String: String], position: String) throws -> ImportRow {
    func text(_ column: String) -> String {
      (values[column] ?? "").trimmingCharacters(in: .whitespaces)
    }
    func required(_ column: String, for kind: String) throws -> String {
      let value = text(column)
      guard !value.isEmpty else { throw Failure(reason: "\(column): required for a \(kind)") }
      return value
    }
    let kind = text("kind").lowercased()
    let externalID = text("external_id")
    guard !externalID.isEmpty else { throw Failure(reason: "external_id: required") }
    let npi = text("npi")
    if !npi.isEmpty {
      let validity = NPI.validate(npi)
      guard validity == .valid else {
        throw Failure(reason: "npi: \"\(npi)\" is not a valid NPI (\(validity.phrase))")
      }
    }
    let states = ListText.split(text("states_served"))
    for state in states where !USState.isValid(state.uppercased()) {
      throw Failure(reason: "states_served: \"\(state)\" is not a USPS state code")
    }
    let id = text("id").isEmpty ? nil : text("id")
    switch kind {
    case "clinic":
      var request = Vetting_V1_CreateClinicRequest()
      request.externalID = externalID
      request.fields.name = try required("name", for: "clinic")
      request.fields.legalName = text("legal_name")
      request.fields.npi = npi
      request.fields.npiStatus = text("npi_status")
      request.fields.website = text("website")
      request.fields.phone = text("phone")
      request.fields.email = text("email")
      request.fields.description_p = text("description")
      request.fields.statesServed = states.map { $0.uppercased() }
      if let location = try location(text) { request.locations = [location] }
      return ImportRow(
        position: position, externalID: externalID, id: id, record: .clinic(request))
    case "practitioner":
      var request = Vetting_V1_CreatePractitionerRequest()
      request.externalID = externalID
      request.fields.givenName = try required("given_name", for: "practitioner")
      request.fields.familyName = try required("family_name", for: "practitioner")
      request.fields.credentials = text("credentials")
      do {
        request.fields.roles = try Vocabulary.parse(
          ListText.split(text("roles")), as: Vetting_V1_PractitionerRole.self, option: "roles")
      } catch let error as VetctlError {
        throw Failure(reason: error.message)
      }
      request.fields.discipline = text("discipline")
      request.fields.npi = npi
      request.fields.npiStatus = text("npi_status")
      request.fields.website = text("website")
      request.fields.phone = text("phone")
      request.fields.email = text("email")
      request.fields.bio = text("bio")
      request.fields.statesServed = states.map { $0.uppercased() }
      switch text("solo").lowercased() {
      case "", "false", "no", "0": request.fields.solo = false
      case "true", "yes", "1": request.fields.solo = true
      default: throw Failure(reason: "solo: \"\(text("solo"))\" is not true or false")
      }
      let sessions = text("kap_sessions_delivered")
      if !sessions.isEmpty {
        guard let count = Int32(sessions), count >= 0 else {
          throw Failure(
            reason: "kap_sessions_delivered: \"\(sessions)\" is not a whole number >= 0")
        }
        request.fields.kapSessionsDelivered = count
      }
      let started = text("practice_started_on")
      if !started.isEmpty {
        do {
          request.fields.practiceStartedOn = try DayText.parse(
            started, option: "practice_started_on")
        } catch let error as VetctlError {
          throw Failure(reason: error.message)
        }
      }
      switch text("psychotherapy_trained").lowercased() {
      case "": break
      case "false", "no", "0": request.fields.psychotherapyTrained = false
      case "true", "yes", "1": request.fields.psychotherapyTrained = true
      default:
        throw Failure(
          reason:
            "psychotherapy_trained: \"\(text("psychotherapy_trained"))\" is not true or false")
      }
      if let location = try location(text) { request.locations = [location] }
      return ImportRow(
        position: position, externalID: externalID, id: id, record: .practitioner(request))
    case "":
      throw Failure(reason: "kind: required (clinic or practitioner)")
    default:
      throw Failure(reason: "kind: \"\(text("kind"))\" is not clinic or practitioner")
    }
  }

  /// The row's location, when it has any location column.
  private static func location(_ text: (String) -> String) throws -> Vetting_V1_Location? {
    let columns = ["address_line1", "city", "state", "postal_code", "latitude", "longitude"]
    guard columns.contains(where: { !text($0).isEmpty }) else { return nil }
    for column in ["address_line1", "city", "state", "postal_code"] where text(column).isEmpty {
      throw Failure(reason: "\(column): required when the row has a location")
    }
    guard USState.isValid(text("state").uppercased()) else {
      throw Failure(reason: "state: \"\(text("state"))\" is not a USPS state code")
    }
    var location = Vetting_V1_Location()
    location.label = text("location_label")
    location.addressLine1 = text("address_line1")
    location.city = text("city")
    location.state = text("state").uppercased()
    location.postalCode = text("postal_code")
    location.isPrimary = true
    for (column, range) in [("latitude", -90.0...90.0), ("longitude", -180.0...180.0)] {
      let raw = text(column)
      guard !raw.isEmpty else { continue }
      guard let value = Double(raw), range.contains(value) else {
        throw Failure(
          reason:
            "\(column): \"\(raw)\" is not a number in \(range.lowerBound)...\(range.upperBound)")
      }
      if column == "latitude" { location.latitude = value } else { location.longitude = value }
    }
    return location
  }
}
