import Foundation
import GRPCCore
import VettingAPI
import VettingClient

/// Writes one valid row through the Admin API and says what happened.
///
/// A row without `id` is a create keyed by its external id: the server returns the existing
/// record when the same key and content were imported before (counted as unchanged: its
/// `created_at` is older than the call) and refuses the same key with different content
/// (rejected, naming the fix). A row with `id` updates that record when its fields differ.
enum ImportWriter {
  /// Errors that end the whole import rather than rejecting one row: nothing later could
  /// succeed either (no server, no permission) or the server failed unexpectedly.
  static func isFatal(_ error: RPCError) -> Bool {
    switch error.code {
    case .unavailable, .deadlineExceeded, .unauthenticated, .permissionDenied, .internalError,
      .unimplemented, .cancelled, .unknown:
      return true
    default:
      return false
    }
  }

  static func write(_ row: ImportRow, client: VettingClient) async throws -> ImportOutcome {
    do {
      switch row.record {
      case .clinic(let request):
        return try await clinic(request, id: row.id, client: client)
      case .practitioner(let request):
        return try await practitioner(request, id: row.id, client: client)
      }
    } catch let error as RPCError where !isFatal(error) {
      if error.code == .alreadyExists {
        return .rejected(
          "external_id \"\(row.externalID)\" already names a record with different content; to "
            + "change it, put its id in the id column")
      }
      return .rejected(error.message)
    }
  }

  private static func clinic(
    _ request: Vetting_V1_CreateClinicRequest, id: String?, client: VettingClient
  ) async throws -> ImportOutcome {
    guard let id else {
      let started = Date()
      let clinic = try await client.createClinic(request)
      return clinic.createdAt.date >= started.addingTimeInterval(-0.001) ? .created : .unchanged
    }
    let current = try await client.getClinic(.with { $0.id = id })
    guard current.externalID == request.externalID else {
      return .rejected(
        "id \(id) is the clinic with external_id \"\(current.externalID)\", not this row's")
    }
    let now = Vetting_V1_ClinicFields.with {
      $0.name = current.name
      $0.legalName = current.legalName
      $0.npi = current.npi
      $0.website = current.website
      $0.phone = current.phone
      $0.email = current.email
      $0.description_p = current.description_p
      $0.statesServed = current.statesServed
    }
    guard now != request.fields else { return .unchanged }
    _ = try await client.updateClinic(
      .with {
        $0.id = id
        $0.expectedVersion = current.version
        $0.fields = request.fields
      })
    return .updated
  }

  private static func practitioner(
    _ request: Vetting_V1_CreatePractitionerRequest, id: String?, client: VettingClient
  ) async throws -> ImportOutcome {
    guard let id else {
      let started = Date()
      let person = try await client.createPractitioner(request)
      return person.createdAt.date >= started.addingTimeInterval(-0.001) ? .created : .unchanged
    }
    let current = try await client.getPractitioner(.with { $0.id = id })
    guard current.externalID == request.externalID else {
      return .rejected(
        "id \(id) is the practitioner with external_id \"\(current.externalID)\", not this row's")
    }
    let now = Vetting_V1_PractitionerFields.with {
      $0.givenName = current.givenName
      $0.familyName = current.familyName
      $0.credentials = current.credentials
      $0.roles = current.roles
      $0.discipline = current.discipline
      $0.npi = current.npi
      $0.solo = current.solo
      $0.kapSessionsDelivered = current.kapSessionsDelivered
      $0.website = current.website
      $0.phone = current.phone
      $0.email = current.email
      $0.bio = current.bio
    }
    var wanted = request.fields
    // Fields the practitioner record does not return as given are compared as stored.
    wanted.statesServed = now.statesServed
    guard now != wanted else { return .unchanged }
    _ = try await client.updatePractitioner(
      .with {
        $0.id = id
        $0.expectedVersion = current.version
        $0.fields = request.fields
      })
    return .updated
  }
}
