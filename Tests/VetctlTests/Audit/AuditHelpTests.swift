import Testing

/// The audit commands are listed in help and in every shell's completion script.
@Suite struct AuditHelpTests {
  @Test(arguments: ["bash", "zsh", "fish"])
  func completionScriptsKnowTheAuditCommands(_ shell: String) async throws {
    let script = try await Spawned.run(
      Binaries.vetctl, ["--generate-completion-script", shell],
      environment: ["PATH": "/usr/bin:/bin"])
    #expect(script.status == 0, "\(script)")
    for word in ["report", "audit-trail", "due", "changes", "as-of", "within-days", "from"] {
      #expect(script.output.contains(word), "\(shell): \(word)")
    }
  }

  @Test(arguments: [
    (["--help"], ["report", "audit-trail", "due", "changes"]),
    (
      ["report", "--help"],
      ["--out", "--format", "--as-of", "--tier", "--flag", "--stream-timeout"]
    ),
    (["audit-trail", "--help"], ["<provider-id>", "--since", "--until", "--output"]),
    (["due", "--help"], ["--within-days", "--reason", "license-not-verified"]),
    (["changes", "--help"], ["--from", "--to", "--state", "--kind"]),
  ])
  func helpNamesEveryOption(_ arguments: [String], _ words: [String]) async throws {
    let help = try await Spawned.run(
      Binaries.vetctl, arguments, environment: ["PATH": "/usr/bin:/bin", "COLUMNS": "200"])
    #expect(help.status == 0, "\(help)")
    for word in words { #expect(help.output.contains(word), "\(arguments): \(word)") }
  }
}
