import ArgumentParser
import VettingAPI
import VettingClient

/// `vetctl practitioner add`: creates a practitioner, with licenses and trainings from a file.
struct PractitionerAddCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add",
    abstract: "Create a practitioner, from flags or a YAML/JSON file.",
    discussion: """
      The file is a vetting.v1.CreatePractitionerRequest in proto JSON form (YAML allowed) with \
      two optional extra lists: licenses (vetting.v1.License) and trainings \
      (vetting.v1.Training), added after the practitioner with external ids \
      <external_id>/licenses/<n> and <external_id>/trainings/<n>, so a re-run adds nothing \
      twice. See docs/examples/practitioner-*.yaml. Flags override the file's fields.
      """)

  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions
  @Option(help: "A YAML or JSON file describing the practitioner (- for standard input).")
  var file: String?
  @Option(help: "Your stable key for this practitioner; makes retries safe.")
  var externalId: String?
  @OptionGroup var fields: PractitionerFieldOptions

  func run() async throws {
    try await ErrorReporting.run {
      var request = Vetting_V1_CreatePractitionerRequest()
      var licenses: [Vetting_V1_License] = []
      var trainings: [Vetting_V1_Training] = []
      if let file {
        var object = try DocumentFile.read(file).object()
        let licenseObjects = object.removeValue(forKey: "licenses") as? [Any] ?? []
        let trainingObjects = object.removeValue(forKey: "trainings") as? [Any] ?? []
        request = try DocumentFile.message(
          Vetting_V1_CreatePractitionerRequest.self, from: object, what: file)
        licenses = try licenseObjects.enumerated().map { index, item in
          try DocumentFile.message(
            Vetting_V1_License.self, from: item, what: "\(file): licenses[\(index)]")
        }
        trainings = try trainingObjects.enumerated().map { index, item in
          try DocumentFile.message(
            Vetting_V1_Training.self, from: item, what: "\(file): trainings[\(index)]")
        }
      }
      if let externalId { request.externalID = externalId }
      request.fields = try fields.apply(to: request.fields)
      guard !request.externalID.isEmpty else {
        throw VetctlError.usage("--external-id is required (or external_id in --file)")
      }
      let key = request.externalID
      let person = try await server.withClient { client in
        let created = try await client.createPractitioner(request)
        for (index, license) in licenses.enumerated() {
          _ = try await client.addLicense(
            .with {
              $0.practitionerID = created.id
              $0.license = license
              $0.externalID = "\(key)/licenses/\(index)"
            })
        }
        for (index, training) in trainings.enumerated() {
          _ = try await client.addTraining(
            .with {
              $0.practitionerID = created.id
              $0.training = training
              $0.externalID = "\(key)/trainings/\(index)"
            })
        }
        if licenses.isEmpty && trainings.isEmpty { return created }
        return try await client.getPractitioner(.with { $0.id = created.id })
      }
      Printer.record(person, fields: RecordFields.practitioner(person), format: output.output)
    }
  }
}
