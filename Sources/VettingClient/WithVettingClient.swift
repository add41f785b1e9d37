/// Creates a client, runs `body` with it, and closes it however `body` ends.
public func withVettingClient<Result: Sendable>(
  configuration: VettingClient.Configuration,
  _ body: (VettingClient) async throws -> Result
) async throws -> Result {
  let client = VettingClient(configuration: configuration)
  do {
    let result = try await body(client)
    await client.close()
    return result
  } catch {
    await client.close()
    throw error
  }
}

/// Creates a client of `host:port` with `token` and default settings, runs `body` with it, and
/// closes it however `body` ends.
public func withVettingClient<Result: Sendable>(
  host: String,
  port: Int,
  token: String?,
  _ body: (VettingClient) async throws -> Result
) async throws -> Result {
  try await withVettingClient(
    configuration: VettingClient.Configuration(host: host, port: port, token: token), body)
}
