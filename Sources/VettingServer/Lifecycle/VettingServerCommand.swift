public import ArgumentParser
import Foundation
import Logging
import ServiceLifecycle

/// `vetting-server`: parses flags and `VETTING_*` variables, then runs
/// ``VettingServerRuntime`` in a `ServiceGroup` that shuts down gracefully on SIGTERM and SIGINT.
public struct VettingServerCommand: AsyncParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "vetting-server",
    abstract: "Serves the ProviderVetting directory over FramedRPC (and gRPC/HTTP2).",
    discussion: """
      Every flag has an environment variable (VETTING_ and the flag in upper case, e.g. \
      --pool-size and VETTING_POOL_SIZE); a flag wins over its variable. SIGTERM or SIGINT \
      shuts down gracefully: health NOT_SERVING, stop accepting, drain, close the pool. \
      See docs/SERVER.md.
      """)

  @OptionGroup public var options: ServerOptions

  public init() {}

  public func run() async throws {
    let configuration: ServerConfiguration
    do {
      configuration = try ServerConfiguration.resolve(
        options: self.options, environment: ProcessInfo.processInfo.environment)
    } catch let error as ConfigurationError {
      throw ValidationError(error.message)
    }
    let level = configuration.logLevel
    LoggingSystem.bootstrap { label in
      var handler = StreamLogHandler.standardError(label: label)
      handler.logLevel = level
      return handler
    }
    let logger = Logger(label: "vetting-server")
    let runtime = VettingServerRuntime(
      configuration: configuration, logger: logger,
      services: ApplicationServices.vetting(
        pageTokenKey: configuration.pageTokenKey, rubric: configuration.rubric))
    var groupConfiguration = ServiceGroupConfiguration(
      services: [.init(service: runtime)],
      gracefulShutdownSignals: [.sigterm, .sigint],
      logger: logger)
    groupConfiguration.maximumGracefulShutdownDuration =
      configuration.drainTimeout
      + configuration.notServingDelay
    let group = ServiceGroup(configuration: groupConfiguration)
    logger.notice("starting", metadata: ["pid": "\(ProcessInfo.processInfo.processIdentifier)"])
    try await group.run()
    logger.notice("stopped")
  }
}
