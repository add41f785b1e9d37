import ArgumentParser
import VettingAPI

/// `vetctl audit verify`: the server walks the audit log's hash chain and reports the first broken
/// entry.
struct AuditVerifyCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "verify",
    abstract: "Verify the audit log's hash chain; name the first broken entry.",
    discussion: """
      From Audit/VerifyAuditLog (roles auditor and admin): the server reads the whole log in one \
      snapshot, recomputes every entry's hash and checks every link (docs/SCHEMA.md, "Audit log \
      hash chain"). Prints the entries checked and the head (position and hash: keep it \
      elsewhere to check later that the log still ends there). Exits 0 when the chain is \
      intact and 65 (invalid data) naming the first broken entry when it is not. Progress goes \
      to standard error.
      """)

  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions
  @OptionGroup var stream: StreamTimeoutOptions

  func run() async throws {
    try await ErrorReporting.run {
      let options = try stream.callOptions()
      let progress = Box<Progress?>(nil)
      let result = try await server.withClient { client in
        try await client.verifyAuditLog(options: options) { message in
          let bar =
            progress.value
            ?? {
              let made = Progress(label: "verified", total: Int(message.entriesTotal))
              progress.value = made
              return made
            }()
          bar.update(done: Int(message.entriesChecked))
        }
      }
      progress.value?.finish()
      var fields: [(String, String)] = [
        ("intact", result.intact ? "yes" : "no"),
        ("entries_checked", String(result.entriesChecked)),
        ("head_position", String(result.headPosition)),
        ("head_hash", result.headHash),
      ]
      if result.hasFirstBreak {
        let broken = result.firstBreak
        fields += [
          ("broken_position", String(broken.chainPosition)),
          ("broken_seq", String(broken.seq)),
          ("broken_entry_id", broken.entryID),
          ("problem", Vocabulary.name(broken.problem)),
          ("detail", broken.detail),
        ]
      }
      Printer.record(result, fields: fields, format: output.output)
      if !result.intact {
        throw VetctlError(
          .invalidArgument, "the audit log's hash chain is broken: \(result.firstBreak.detail)")
      }
    }
  }
}
