import Foundation
public import GRPCCore
import LibPQ
import Logging
import VettingCore
import VettingStore

/// How the vetting services turn failures into gRPC statuses, in one place.
///
/// | cause | status |
/// |---|---|
/// | bad request field (here or in the store) | INVALID_ARGUMENT, message starts with the field |
/// | stale `expected_version` | ABORTED, with the current version |
/// | missing entity | NOT_FOUND, naming the entity and id |
/// | duplicate key | ALREADY_EXISTS |
/// | state that forbids the write | FAILED_PRECONDITION |
/// | database unreachable, pool timeout, write collision | UNAVAILABLE (safe to retry) |
/// | database out of resources (SQLSTATE class 53: disk full, out of memory) | UNAVAILABLE |
/// | any other error once the call was cancelled (client gone) | CANCELLED |
/// | anything else | INTERNAL with an error id that is also logged; no SQL or internals |
public enum ServiceError {
  /// INVALID_ARGUMENT whose message begins with the offending field's name.
  public static func invalidArgument(field: String, _ problem: String) -> RPCError {
    RPCError(code: .invalidArgument, message: "\(field): \(problem)")
  }

  /// Runs `body`, turning every error it throws into an `RPCError` as the table above says.
  ///
  /// - Parameter fieldPrefix: prepended to field names the store reports, so they name the
  ///   request's field path (e.g. `fields.` for `UpdateClinicRequest.fields`). Names in
  ///   `topLevelFields` are left as they are.
  static func mapping<T>(
    logger: Logger,
    fieldPrefix: String = "",
    topLevelFields: Set<String> = ["external_id", "id", "expected_version"],
    _ body: () async throws -> T
  ) async throws -> T {
    do {
      return try await body()
    } catch {
      throw rpcError(
        for: error, logger: logger, fieldPrefix: fieldPrefix, topLevelFields: topLevelFields)
    }
  }

  /// The status for `error` (see the type's table).
  package static func rpcError(
    for error: any Error, logger: Logger, fieldPrefix: String = "",
    topLevelFields: Set<String> = []
  ) -> RPCError {
    switch error {
    case let error as RPCError:
      return error
    case let error as StoreError:
      return rpcError(
        for: error, logger: logger, fieldPrefix: fieldPrefix, topLevelFields: topLevelFields)
    case let error as PostgresError:
      switch error.code {
      case .connectionFailed, .connectionLost, .connectionClosed, .poolTimeout, .poolClosed,
        .authenticationFailed:
        return unavailable(error, logger: logger)
      default:
        if error.sqlState?.rawValue.hasPrefix("53") == true {
          return unavailable(error, logger: logger)
        }
        return internalError(error, logger: logger)
      }
    case let error as QuestionnaireError:
      return RPCError(code: .invalidArgument, message: "profile_json: \(error)")
    case is CancellationError:
      return RPCError(code: .cancelled, message: "the call was cancelled")
    default:
      // A call whose client cancelled it or left (its task is cancelled) fails with whatever
      // the transport threw at the next write, e.g. NIO's "I/O on closed channel" from an
      // HTTP/2 stream reset: that is CANCELLED, not an unexpected error (found by ops/soak).
      if Task.isCancelled {
        return RPCError(code: .cancelled, message: "the call was cancelled")
      }
      return internalError(error, logger: logger)
    }
  }

  private static func rpcError(
    for error: StoreError, logger: Logger, fieldPrefix: String, topLevelFields: Set<String>
  ) -> RPCError {
    switch error.code {
    case .invalidArgument:
      guard let field = error.field else {
        return RPCError(code: .invalidArgument, message: error.message)
      }
      let path = topLevelFields.contains(field) ? field : fieldPrefix + field
      // The store's message already starts with its own (unprefixed) field name; say it once.
      let problem =
        error.message.hasPrefix(field + ": ")
        ? String(error.message.dropFirst(field.count + 2)) : error.message
      return RPCError(code: .invalidArgument, message: "\(path): \(problem)")
    case .versionConflict:
      var message = error.message
      if let current = error.currentVersion, !message.contains("\(current)") {
        message += " (current version \(current))"
      }
      return RPCError(code: .aborted, message: message)
    case .notFound:
      return RPCError(code: .notFound, message: error.message)
    case .alreadyExists:
      // The store's own message may name a constraint; say what collided in API terms.
      return RPCError(code: .alreadyExists, message: publicMessage(error))
    case .failedPrecondition:
      return RPCError(code: .failedPrecondition, message: error.message)
    case .unauthenticated:
      return RPCError(code: .unauthenticated, message: error.message)
    case .permissionDenied:
      return RPCError(code: .permissionDenied, message: error.message)
    case .unavailable:
      return unavailable(error.underlying, fallback: error.message, logger: logger)
    default:
      return internalError(error, logger: logger)
    }
  }

  /// UNAVAILABLE for a database that cannot be reached, a full connection pool, or a database
  /// out of resources, whether the error comes straight from LibPQ or through the store. All
  /// are worth retrying, but they are different events and say so, to the client and in the
  /// log: an overload (every connection busy for the pool's whole wait) must not read as an
  /// outage, and SQLSTATE class 53 (disk full, out of memory: nothing was written, the same call
  /// succeeds once the operator frees the resource) is logged at error level.
  private static func unavailable(
    _ error: PostgresError?, fallback: String = "", logger: Logger
  ) -> RPCError {
    if let error, error.sqlState?.rawValue.hasPrefix("53") == true {
      logger.error("database out of resources", metadata: ["error": "\(error.message)"])
      return RPCError(
        code: .unavailable,
        message: "the directory database cannot take writes now; retry with backoff")
    }
    if let error, error.code == .poolTimeout {
      logger.warning("database pool exhausted", metadata: ["error": "\(error.message)"])
      return RPCError(
        code: .unavailable,
        message: "the server is busy: no database connection came free in time; retry with backoff")
    }
    logger.warning("database unavailable", metadata: ["error": "\(error?.message ?? fallback)"])
    return RPCError(
      code: .unavailable, message: "the directory database is unavailable; retry with backoff")
  }

  /// The message of an ALREADY_EXISTS without constraint or table names.
  private static func publicMessage(_ error: StoreError) -> String {
    if error.underlying == nil { return error.message }
    if let entity = error.entity {
      return "a \(entity) record with the same key already exists"
    }
    return "a record with the same key already exists"
  }

  private static func internalError(_ error: any Error, logger: Logger) -> RPCError {
    let id = UUID().uuidString.lowercased()
    logger.error(
      "unexpected error answering a call", metadata: ["error_id": "\(id)", "error": "\(error)"])
    return RPCError(
      code: .internalError,
      message: "internal error \(id); the server log has the details under this id")
  }
}
