public import ArgumentParser

/// `vetctl`: the admin CLI of ProviderVetting.
///
/// Every command but `migrate`, `token bootstrap`, `demo-data` and `check-listings` talks to a
/// vetting-server over FramedRPC with a token; those four talk to PostgreSQL directly. Errors print
/// `vetctl: error: <message>` on standard error and exit with a ``VetctlExitStatus``.
public struct VetctlCommand: AsyncParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "vetctl",
    abstract: "Onboard, vet, search and audit ketamine-assisted therapy providers.",
    discussion: """
      Server commands take --server host:port (env VETTING_SERVER, default 127.0.0.1:7420) and \
      --token (env VETTING_TOKEN). Listings take --output table|json|csv. Shell completion: \
      vetctl --generate-completion-script bash|zsh|fish. Documentation: docs/VETCTL.md.

      \(VetctlExitStatus.helpText)
      """,
    subcommands: [
      MigrateCommand.self, TokenCommand.self, ClinicCommand.self, PractitionerCommand.self,
      AffiliateCommand.self, AffiliationCommand.self, LicenseCommand.self, TrainingCommand.self,
      CertificateCommand.self, BoardCertificationCommand.self, PartnerCommand.self,
      EvidenceCommand.self,
      ProfileCommand.self, VetCommand.self, ShowAssessmentCommand.self, SearchCommand.self,
      ImportCommand.self, DemoDataCommand.self, ReportCommand.self, AuditTrailCommand.self,
      DueCommand.self, ChangesCommand.self, AuditCommand.self, CheckListingsCommand.self,
    ])

  public init() {}
}

extension VetctlCommand {
  /// Parses the process arguments, runs the chosen command and exits with its status.
  ///
  /// Not `main()`: from top-level code it resolves to the synchronous overload, which refuses
  /// async commands on Linux.
  public static func runFromCommandLine() async -> Never {
    do {
      var command = try parseAsRoot()
      if var command = command as? any AsyncParsableCommand {
        try await command.run()
      } else {
        try command.run()
      }
      exit()
    } catch {
      exit(withError: error)
    }
  }
}
