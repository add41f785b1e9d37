import VettingServer

// Not `VettingServerCommand.main()`: from top-level code it resolves to the synchronous
// overload, which refuses async commands on Linux. `parse()` handles --help (by throwing a
// clean exit that `exit(withError:)` prints).
do {
  let command = try VettingServerCommand.parse()
  try await command.run()
} catch {
  VettingServerCommand.exit(withError: error)
}
