import ArgumentParser
import VettingAPI

/// `vetctl clinic add`: creates a clinic (idempotent by external id).
struct ClinicAddCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add",
    abstract: "Create a clinic, from flags or a YAML/JSON file.",
    discussion: """
      The file is a vetting.v1.CreateClinicRequest in proto JSON form (YAML allowed): \
      external_id, fields {name, npi, website, ...}, locations [...]; see \
      docs/examples/clinic.yaml. Flags given with --file override the file's fields. \
      Re-running with the same external id and content returns the existing clinic; the same \
      external id with different content fails with a conflict (exit 75).
      """)

  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions
  @Option(help: "A YAML or JSON file describing the clinic (- for standard input).")
  var file: String?
  @Option(help: "Your stable key for this clinic; makes retries safe.") var externalId: String?
  @OptionGroup var fields: ClinicFieldOptions
  @OptionGroup var location: LocationOptions

  func run() async throws {
    try await ErrorReporting.run {
      var request = Vetting_V1_CreateClinicRequest()
      if let file {
        let document = try DocumentFile.read(file)
        request = try DocumentFile.message(
          Vetting_V1_CreateClinicRequest.self, from: try document.object(), what: file)
      }
      if let externalId { request.externalID = externalId }
      request.fields = fields.apply(to: request.fields)
      if let location = location.location { request.locations.append(location) }
      guard !request.externalID.isEmpty else {
        throw VetctlError.usage("--external-id is required (or external_id in --file)")
      }
      guard !request.fields.name.isEmpty else {
        throw VetctlError.usage("--name is required (or fields.name in --file)")
      }
      let clinic = try await server.withClient { try await $0.createClinic(request) }
      Printer.record(clinic, fields: RecordFields.clinic(clinic), format: output.output)
    }
  }
}
