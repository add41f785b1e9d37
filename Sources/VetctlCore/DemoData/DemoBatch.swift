import Foundation

/// One chunk of demo rows as column arrays, inserted with one `INSERT ... SELECT FROM unnest(...)`
/// per table. Lists inside a row (states, routes, flag ids) are joined with `,` and split in SQL;
/// empty text stands for NULL.
struct DemoBatch: Sendable {
  struct Clinics: Sendable {
    var id: [UUID] = []
    var externalID: [String] = []
    var name: [String] = []
    var npi: [String] = []
    var statesServed: [String] = []
    var website: [String] = []
  }

  struct Practitioners: Sendable {
    var id: [UUID] = []
    var externalID: [String] = []
    var givenName: [String] = []
    var familyName: [String] = []
    var credentials: [String] = []
    var role: [String] = []
    var npi: [String] = []
    var solo: [Bool] = []
    var sessions: [Int] = []
    var discipline: [String] = []
    var statesServed: [String] = []
  }

  struct Locations: Sendable {
    var providerID: [UUID] = []
    var address: [String] = []
    var city: [String] = []
    var state: [String] = []
    var postalCode: [String] = []
    var latitude: [Double] = []
    var longitude: [Double] = []
  }

  struct Licenses: Sendable {
    var practitionerID: [UUID] = []
    var state: [String] = []
    var type: [String] = []
    var number: [String] = []
    var status: [String] = []
    var expiresOn: [String] = []
    var provenance: [String] = []
  }

  struct Trainings: Sendable {
    var practitionerID: [UUID] = []
    var program: [String] = []
    var hours: [Int] = []
    var completedOn: [String] = []
    var expiresOn: [String] = []
    var provenance: [String] = []
  }

  struct Affiliations: Sendable {
    var clinicID: [UUID] = []
    var practitionerID: [UUID] = []
    var role: [String] = []
  }

  struct Profiles: Sendable {
    var providerID: [UUID] = []
    var facts: [String] = []
    var routes: [String] = []
    var conditions: [String] = []
    var acceptsInsurance: [Bool] = []
    var payers: [String] = []
    var slidingScale: [Bool] = []
    var telehealth: [String] = []
    var accepting: [Bool] = []
  }

  struct Assessments: Sendable {
    var providerID: [UUID] = []
    var rubricVersion: [String] = []
    var score: [Int] = []
    var tier: [String] = []
    var areaScores: [String] = []
    var flagIDs: [String] = []
    var critical: [Int] = []
    var major: [Int] = []
    var minor: [Int] = []
    var inputHash: [String] = []
    var asOf: [String] = []
    var document: [String] = []
  }

  var clinics = Clinics()
  var practitioners = Practitioners()
  var locations = Locations()
  var licenses = Licenses()
  var trainings = Trainings()
  var affiliations = Affiliations()
  var profiles = Profiles()
  var assessments = Assessments()
  /// Providers per tier (`recommended`, `vetted`, ...), for the summary.
  var tiers: [String: Int] = [:]
}
