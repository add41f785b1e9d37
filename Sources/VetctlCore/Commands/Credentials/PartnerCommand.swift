import ArgumentParser
import VettingAPI

/// `vetctl partner`.
struct PartnerCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "partner",
    abstract:
      "Record outside partners: a prescriber, therapist or medical director not on the team.",
    discussion: """
      The ketamine oath lets the medical and the mental-health roles be held by different \
      people: a counselor working with a telehealth prescribing service records the service as \
      a prescriber partner; a clinic referring to a therapy group for integration records a \
      therapist partner. Partners count toward team composition from --started-on through \
      --ended-on.
      """,
    subcommands: [
      PartnerAddCommand.self, PartnerListCommand.self, ArchiveCommand<PartnerRecordKind>.self,
      EndCommand<PartnerRecordKind>.self,
    ])
}

enum PartnerRecordKind: LifecycleKind {
  static let noun = "partner"
  static let kind = Vetting_V1_RecordKind.partner
  /// A partner recorded in error is removed; one whose partnership ended is ended (history).
  static let archiveVerb = "remove"
}

/// `vetctl partner add`.
struct PartnerAddCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add", abstract: "Record an outside partner of a clinic or solo practitioner.")

  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions
  @Option(help: "The clinic or solo practitioner id.") var provider: String
  @Option(help: "The partner's name (a person or an organisation).") var name: String
  @Option(help: "prescriber, therapist or medical-director.") var role: String
  @Option(help: "The partner's discipline id, e.g. psychiatry, psychotherapy.")
  var discipline: String?
  @Option(help: "The partner's NPI (checked).") var npi: String?
  @Option(help: "The partner's organisation, e.g. the prescribing service.") var organization:
    String?
  @Option(help: "How the partner evaluates patients: in-person, live-video, questionnaire.")
  var evaluation: String?
  @Option(
    name: .customLong("license"),
    help: "A license as STATE:TYPE:NUMBER, e.g. MI:MD:4301; repeatable.")
  var licenses: [String] = []
  @Option(help: "self-reported, document-on-file, verified-by-staff, public-registry.")
  var provenance: String = "self-reported"
  @Option(help: "First day of the partnership, YYYY-MM-DD.") var startedOn: String?
  @Option(help: "Last day of the partnership, YYYY-MM-DD.") var endedOn: String?
  @Option(help: "Your stable key for this partner; makes retries safe.") var externalId: String?

  func run() async throws {
    try await ErrorReporting.run {
      var partner = Vetting_V1_Partner()
      partner.name = name
      partner.role = try Vocabulary.parse(role, as: Vetting_V1_PartnerRole.self, option: "--role")
      partner.discipline = discipline ?? ""
      partner.npi = npi ?? ""
      partner.organization = organization ?? ""
      if let evaluation {
        partner.evaluation = try Vocabulary.parse(
          evaluation, as: Vetting_V1_PartnerEvaluation.self, option: "--evaluation")
      }
      partner.licenses = try licenses.map { text in
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty }) else {
          throw VetctlError.usage(
            "--license: \"\(text)\" is not STATE:TYPE:NUMBER (e.g. MI:MD:4301)")
        }
        return .with {
          $0.state = parts[0].uppercased()
          $0.type = parts[1]
          $0.number = parts[2]
        }
      }
      partner.provenance = try Vocabulary.parse(
        provenance, as: Vetting_V1_Provenance.self, option: "--provenance")
      if let startedOn { partner.startedOn = try DayText.parse(startedOn, option: "--started-on") }
      if let endedOn { partner.endedOn = try DayText.parse(endedOn, option: "--ended-on") }
      let saved = try await server.withClient { client in
        try await client.addPartner(
          .with {
            $0.providerID = provider
            $0.partner = partner
            $0.externalID = externalId ?? ""
          })
      }
      Printer.record(saved, fields: PartnerListCommand.fields(saved), format: output.output)
    }
  }
}

/// `vetctl partner list`.
struct PartnerListCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List a provider's partners (ended ones included).")

  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions
  @Option(help: "The clinic or solo practitioner id.") var provider: String

  func run() async throws {
    try await ErrorReporting.run {
      let response = try await server.withClient { client in
        try await client.listPartners(.with { $0.providerID = provider })
      }
      if output.output == .json {
        Printer.write(JSONText.encode(message: response) + "\n")
        return
      }
      let columns = [
        "id", "name", "role", "organization", "evaluation", "started_on", "ended_on", "version",
      ]
      let rows = response.partners.map { partner in
        let fields = Dictionary(uniqueKeysWithValues: Self.fields(partner))
        return columns.map { fields[$0] ?? "" }
      }
      Printer.write(Table(columns: columns, rows: rows).render(output.output))
    }
  }

  static func fields(_ partner: Vetting_V1_Partner) -> [(String, String)] {
    [
      ("id", partner.id), ("name", partner.name), ("role", Vocabulary.name(partner.role)),
      ("discipline", partner.discipline), ("npi", partner.npi),
      ("organization", partner.organization), ("evaluation", Vocabulary.name(partner.evaluation)),
      (
        "licenses",
        partner.licenses.map { "\($0.state):\($0.type):\($0.number)" }.joined(separator: ";")
      ),
      ("provenance", Vocabulary.name(partner.provenance)),
      ("started_on", DayText.format(partner.startedOn)),
      ("ended_on", DayText.format(partner.endedOn)), ("version", "\(partner.version)"),
    ]
  }
}
