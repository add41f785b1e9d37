import ArgumentParser
import Foundation
import GRPCCore
import LibPQ
import VettingStore

/// Maps any error to a ``VetctlError`` and prints it; the entry point of every command's body.
enum ErrorReporting {
  /// Runs `body`; on failure prints `vetctl: error: <message>` to standard error and exits with
  /// the documented status.
  static func run(_ body: () async throws -> Void) async throws {
    do {
      try await body()
    } catch let error as ExitCode {
      throw error
    } catch let error as CleanExit {
      throw error
    } catch {
      let failure = classify(error)
      StandardError.write("vetctl: error: \(failure.message)\n")
      throw failure.status.exitCode
    }
  }

  /// The exit status and message of `error`.
  static func classify(_ error: any Error) -> VetctlError {
    switch error {
    case let error as VetctlError:
      return error
    case let error as RPCError:
      return classify(rpc: error)
    case let error as StoreError:
      return classify(store: error)
    case let error as PostgresError:
      return VetctlError(
        error.code == .connectionFailed || error.code == .authenticationFailed
          ? .unavailable : .other,
        "database: \(error)")
    case let error as ValidationError:
      return VetctlError(.usage, error.message)
    default:
      return VetctlError(.other, "\(error)")
    }
  }

  static func classify(rpc error: RPCError) -> VetctlError {
    let message = error.message.isEmpty ? "\(error.code)" : error.message
    switch error.code {
    case .invalidArgument, .outOfRange:
      return VetctlError(.invalidArgument, "invalid argument: \(message)")
    case .notFound:
      return VetctlError(.notFound, "not found: \(message)")
    case .alreadyExists, .aborted, .failedPrecondition:
      return VetctlError(.conflict, "conflict (\(name(error.code))): \(message)")
    case .unauthenticated:
      return VetctlError(
        .permission,
        "unauthenticated: \(message) (pass --token or set VETTING_TOKEN to a live token)")
    case .permissionDenied:
      return VetctlError(.permission, "permission denied: \(message)")
    case .unavailable, .deadlineExceeded:
      return VetctlError(.unavailable, "unavailable (\(name(error.code))): \(message)")
    default:
      return VetctlError(.other, "\(name(error.code)): \(message)")
    }
  }

  static func classify(store error: StoreError) -> VetctlError {
    switch error.code {
    case .invalidArgument: return VetctlError(.invalidArgument, error.message)
    case .notFound: return VetctlError(.notFound, error.message)
    case .alreadyExists, .versionConflict, .failedPrecondition:
      return VetctlError(.conflict, error.message)
    case .unavailable: return VetctlError(.unavailable, error.message)
    default: return VetctlError(.other, error.message)
    }
  }

  /// The gRPC name of a status code, e.g. `ALREADY_EXISTS`.
  static func name(_ code: RPCError.Code) -> String {
    switch code {
    case .cancelled: return "CANCELLED"
    case .unknown: return "UNKNOWN"
    case .invalidArgument: return "INVALID_ARGUMENT"
    case .deadlineExceeded: return "DEADLINE_EXCEEDED"
    case .notFound: return "NOT_FOUND"
    case .alreadyExists: return "ALREADY_EXISTS"
    case .permissionDenied: return "PERMISSION_DENIED"
    case .resourceExhausted: return "RESOURCE_EXHAUSTED"
    case .failedPrecondition: return "FAILED_PRECONDITION"
    case .aborted: return "ABORTED"
    case .outOfRange: return "OUT_OF_RANGE"
    case .unimplemented: return "UNIMPLEMENTED"
    case .internalError: return "INTERNAL"
    case .unavailable: return "UNAVAILABLE"
    case .dataLoss: return "DATA_LOSS"
    case .unauthenticated: return "UNAUTHENTICATED"
    default: return "\(code)"
    }
  }
}
