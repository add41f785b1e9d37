import Foundation

/// One chunk of new directory rows as column arrays, inserted by ``DirectoryBatchWriter`` with one
/// `INSERT ... SELECT FROM unnest(...)` per table. Lists inside a row (states, routes) are joined
/// with `,` and split in SQL; empty text stands for NULL. Assessments are not part of it: they
/// are made from the stored rows afterwards (``BulkAssessor``).
package struct DirectoryBatch: Sendable {
  package struct Clinics: Sendable {
    package var id: [UUID] = []
    package var externalID: [String] = []
    package var name: [String] = []
    package var npi: [String] = []
    package var statesServed: [String] = []
    package var website: [String] = []
  }

  package struct Practitioners: Sendable {
    package var id: [UUID] = []
    package var externalID: [String] = []
    package var givenName: [String] = []
    package var familyName: [String] = []
    package var credentials: [String] = []
    package var role: [String] = []
    package var npi: [String] = []
    package var solo: [Bool] = []
    package var sessions: [Int] = []
    /// `yyyy-mm-dd` or empty.
    package var practiceStartedOn: [String] = []
    /// `true`, `false` or empty (unknown).
    package var psychotherapyTrained: [String] = []
    package var discipline: [String] = []
    package var statesServed: [String] = []
  }

  package struct Locations: Sendable {
    package var providerID: [UUID] = []
    package var address: [String] = []
    package var city: [String] = []
    package var state: [String] = []
    package var postalCode: [String] = []
    package var latitude: [Double] = []
    package var longitude: [Double] = []
  }

  package struct Licenses: Sendable {
    package var practitionerID: [UUID] = []
    package var state: [String] = []
    package var type: [String] = []
    package var number: [String] = []
    package var status: [String] = []
    package var expiresOn: [String] = []
    package var provenance: [String] = []
  }

  package struct Trainings: Sendable {
    package var practitionerID: [UUID] = []
    package var program: [String] = []
    package var hours: [Int] = []
    package var completedOn: [String] = []
    package var expiresOn: [String] = []
    package var provenance: [String] = []
  }

  package struct Certificates: Sendable {
    package var practitionerID: [UUID] = []
    package var kind: [String] = []
    package var expiresOn: [String] = []
    package var provenance: [String] = []
  }

  package struct BoardCertifications: Sendable {
    package var practitionerID: [UUID] = []
    package var board: [String] = []
    package var specialty: [String] = []
    package var expiresOn: [String] = []
    package var provenance: [String] = []
  }

  package struct Partners: Sendable {
    package var providerID: [UUID] = []
    package var name: [String] = []
    package var npi: [String] = []
    package var role: [String] = []
    package var provenance: [String] = []
  }

  package struct Affiliations: Sendable {
    package var clinicID: [UUID] = []
    package var practitionerID: [UUID] = []
    package var role: [String] = []
  }

  package struct Profiles: Sendable {
    package var providerID: [UUID] = []
    package var facts: [String] = []
    package var routes: [String] = []
    package var conditions: [String] = []
    package var acceptsInsurance: [Bool] = []
    package var payers: [String] = []
    package var slidingScale: [Bool] = []
    package var telehealth: [String] = []
    package var accepting: [Bool] = []
  }

  package var clinics = Clinics()
  package var practitioners = Practitioners()
  package var locations = Locations()
  package var licenses = Licenses()
  package var trainings = Trainings()
  package var affiliations = Affiliations()
  package var profiles = Profiles()
  package var certificates = Certificates()
  package var boardCertifications = BoardCertifications()
  package var partners = Partners()
  /// The listed providers (clinics and solo practitioners) of the chunk, in order.
  package var providerIDs: [UUID] = []

  package init() {}
}
