public import ArgumentParser

/// The exit statuses scripts can rely on (the `sysexits.h` numbers where one fits).
///
/// | status | meaning |
/// |---|---|
/// | 0 | success |
/// | 1 | anything else (an internal server error, an unexpected failure) |
/// | 64 | usage: an unknown option, a missing argument, a bad flag value |
/// | 65 | invalid data: the server refused a field (INVALID_ARGUMENT), a file could not be read as the expected document, an import rejected rows |
/// | 66 | not found: an id names nothing (NOT_FOUND), a file does not exist |
/// | 69 | unavailable: the server or its database cannot be reached (UNAVAILABLE, DEADLINE_EXCEEDED) |
/// | 75 | conflict: a stale version (ABORTED), an external id taken by different content (ALREADY_EXISTS), an archived record (FAILED_PRECONDITION); re-read and retry |
/// | 77 | permission: no token, a wrong or revoked token (UNAUTHENTICATED), a role that may not call this (PERMISSION_DENIED) |
public struct VetctlExitStatus: Sendable, Hashable, CustomStringConvertible {
  /// The process exit status.
  public var code: Int32
  /// A short name for messages and docs.
  public var name: String

  public static let success = VetctlExitStatus(code: 0, name: "success")
  public static let other = VetctlExitStatus(code: 1, name: "error")
  public static let usage = VetctlExitStatus(code: 64, name: "usage")
  public static let invalidArgument = VetctlExitStatus(code: 65, name: "invalid argument")
  public static let notFound = VetctlExitStatus(code: 66, name: "not found")
  public static let unavailable = VetctlExitStatus(code: 69, name: "unavailable")
  public static let conflict = VetctlExitStatus(code: 75, name: "conflict")
  public static let permission = VetctlExitStatus(code: 77, name: "permission")

  /// Every status, in order, for help and docs.
  public static let all: [VetctlExitStatus] = [
    .success, .other, .usage, .invalidArgument, .notFound, .unavailable, .conflict, .permission,
  ]

  public var description: String { "\(code) (\(name))" }

  /// The argument-parser exit code.
  public var exitCode: ExitCode { ExitCode(code) }

  /// The text `vetctl --help` ends with.
  static let helpText = """
    Exit statuses: 0 ok; 1 other error; 64 usage; 65 invalid argument or data; 66 not found; \
    69 server or database unavailable; 75 conflict (stale version, external id taken, \
    archived); 77 permission (missing, wrong or revoked token, or a role that may not call this).
    """
}
