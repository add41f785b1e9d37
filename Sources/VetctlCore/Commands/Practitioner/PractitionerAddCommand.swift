import ArgumentParser
import VettingAPI
import VettingClient

/// `vetctl practitioner add`: creates a practitioner, with licenses and trainings from a file.
struct PractitionerAddCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add",
    abstract: "Create a practitioner, from flags or a YAML/JSON file.",
    discussion: """
      The file is a vetting.v1.CreatePractitionerRequest in proto JSON form (YAML allowed; \
      locations for a solo practice's offices) with optional extra lists: licenses \
      (vetting.v1.License), trainings (vetting.v1.Training), certificates \
      (vetting.v1.Certificate), boardCertifications (vetting.v1.BoardCertification) and, for a \
      solo practitioner, partners (vetting.v1.Partner). Each is added after the practitioner \
      with the external id <external_id>/<list>/<n>, so a re-run adds nothing twice. See \
      docs/examples/practitioner-*.yaml. Flags override the file's fields.
      """)

  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions
  @Option(help: "A YAML or JSON file describing the practitioner (- for standard input).")
  var file: String?
  @Option(help: "Your stable key for this practitioner; makes retries safe.")
  var externalId: String?
  @OptionGroup var fields: PractitionerFieldOptions
  @OptionGroup var location: LocationOptions

  func run() async throws {
    try await ErrorReporting.run {
      var request = Vetting_V1_CreatePractitionerRequest()
      var extras = PractitionerExtras()
      if let file {
        var object = try DocumentFile.read(file).object()
        extras = try PractitionerExtras(taking: &object, from: file)
        request = try DocumentFile.message(
          Vetting_V1_CreatePractitionerRequest.self, from: object, what: file)
      }
      if let externalId { request.externalID = externalId }
      request.fields = try fields.apply(to: request.fields)
      if let location = location.location { request.locations.append(location) }
      guard !request.externalID.isEmpty else {
        throw VetctlError.usage("--external-id is required (or external_id in --file)")
      }
      let key = request.externalID
      let person = try await server.withClient { client in
        let created = try await client.createPractitioner(request)
        guard !extras.isEmpty else { return created }
        try await extras.add(to: created.id, key: key, client: client)
        return try await client.getPractitioner(.with { $0.id = created.id })
      }
      Printer.record(person, fields: RecordFields.practitioner(person), format: output.output)
    }
  }
}
