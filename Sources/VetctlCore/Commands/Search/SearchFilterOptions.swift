import ArgumentParser
import VettingAPI

/// Every filter of `Directory/SearchProviders` as flags.
struct SearchFilterOptions: ParsableArguments {
  @Option(help: "Words matched against provider and practitioner names.") var text: String?
  @Option(help: "USPS state code.") var state: String?
  @Option(help: "City.") var city: String?
  @Option(help: "ZIP code of a location.") var postalCode: String?
  @Option(help: "Near a ZIP code's centre (with --radius).") var nearPostalCode: String?
  @Option(help: "Near a point, as latitude,longitude (with --radius).") var near: String?
  @Option(help: "Radius around --near/--near-postal-code (at most 500 km / 310 mi).")
  var radius: Double?
  @Option(help: "Unit of --radius and distances: km or mi.") var unit: String = "km"
  @Option(
    name: .customLong("route"),
    help:
      "Offers this route (repeatable): iv, im, sublingual-lozenge, intranasal-esketamine, at-home.")
  var routes: [String] = []
  @Option(name: .customLong("condition"), help: "Treats this condition slug (repeatable).")
  var conditions: [String] = []
  @Option(name: .customLong("insurance"), help: "Accepts any of these payer slugs (repeatable).")
  var insurance: [String] = []
  @Flag(help: "Offers a sliding scale.") var slidingScale = false
  @Option(help: "May treat patients in this state by telehealth.") var telehealthState: String?
  @Flag(help: "Accepting new patients.") var acceptingNewPatients = false
  @Option(help: "Lowest score, 0...100.") var minScore: Int32?
  @Option(
    name: .customLong("tier"),
    help: "Any of these tiers (repeatable): recommended, vetted, conditional, not-vetted.")
  var tiers: [String] = []
  @Flag(help: "No critical red flags.") var noCriticalFlags = false
  @Flag(help: "No major red flags.") var noMajorFlags = false
  @Option(help: "clinic or practitioner (default both).") var kind: String?
  @Option(help: "Order: score, distance or name.") var sort: String?

  /// The request the flags describe.
  func request() throws -> Vetting_V1_SearchProvidersRequest {
    var request = Vetting_V1_SearchProvidersRequest()
    if let text { request.text = text }
    if let state { request.state = state }
    if let city { request.city = city }
    if let postalCode { request.postalCode = postalCode }
    if near != nil || nearPostalCode != nil {
      guard let radius else {
        throw VetctlError.usage("--radius is required with --near or --near-postal-code")
      }
      var filter = Vetting_V1_NearFilter()
      filter.radius = radius
      switch unit.lowercased() {
      case "km", "kilometers", "kilometres": filter.unit = .kilometers
      case "mi", "miles": filter.unit = .miles
      default: throw VetctlError.usage("--unit: \"\(unit)\" is not km or mi")
      }
      if let nearPostalCode { filter.postalCode = nearPostalCode }
      if let near {
        let parts = near.split(separator: ",").compactMap {
          Double($0.trimmingCharacters(in: .whitespaces))
        }
        guard parts.count == 2 else {
          throw VetctlError.usage("--near: \"\(near)\" is not latitude,longitude")
        }
        filter.point = .with {
          $0.latitude = parts[0]
          $0.longitude = parts[1]
        }
      }
      request.near = filter
    } else if radius != nil {
      throw VetctlError.usage("--radius needs --near or --near-postal-code")
    }
    request.routes = try Vocabulary.parse(routes, as: Vetting_V1_Route.self, option: "--route")
    request.conditions = ListText.split(conditions)
    request.insurance = ListText.split(insurance)
    request.slidingScale = slidingScale
    if let telehealthState { request.telehealthState = telehealthState }
    request.acceptingNewPatients = acceptingNewPatients
    if let minScore { request.minScore = minScore }
    request.tiers = try Vocabulary.parse(tiers, as: Vetting_V1_Tier.self, option: "--tier")
    request.noCriticalFlags = noCriticalFlags
    request.noMajorFlags = noMajorFlags
    if let kind {
      request.kind = try Vocabulary.parse(kind, as: Vetting_V1_ProviderKind.self, option: "--kind")
    }
    if let sort {
      request.sort = try Vocabulary.parse(sort, as: Vetting_V1_SearchSort.self, option: "--sort")
    }
    return request
  }
}
