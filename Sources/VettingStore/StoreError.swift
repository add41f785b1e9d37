import LibPQ

/// An error from a VettingStore repository, with a code a service maps to an RPC status.
///
/// Codes and their gRPC counterparts: ``Code/notFound`` → NOT_FOUND,
/// ``Code/alreadyExists`` → ALREADY_EXISTS, ``Code/versionConflict`` → ABORTED,
/// ``Code/invalidArgument`` → INVALID_ARGUMENT, ``Code/failedPrecondition`` →
/// FAILED_PRECONDITION, ``Code/unauthenticated`` → UNAUTHENTICATED, ``Code/unavailable`` →
/// UNAVAILABLE, ``Code/internal`` → INTERNAL.
public struct StoreError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What went wrong, in general.
  public var code: Code
  /// A sentence a person can act on.
  public var message: String
  /// The input field at fault (``Code/invalidArgument``), as a dotted path, e.g. `name` or
  /// `location.state`.
  public var field: String?
  /// The kind of record concerned (`clinic`, `practitioner`, `location`, ...).
  public var entity: String?
  /// The id (or external id) of the record concerned.
  public var entityID: String?
  /// The record's current version (``Code/versionConflict``).
  public var currentVersion: Int?
  /// The database error behind this one, if any.
  public var underlying: PostgresError?

  /// Creates an error.
  public init(
    code: Code, message: String, field: String? = nil, entity: String? = nil,
    entityID: String? = nil, currentVersion: Int? = nil, underlying: PostgresError? = nil
  ) {
    self.code = code
    self.message = message
    self.field = field
    self.entity = entity
    self.entityID = entityID
    self.currentVersion = currentVersion
    self.underlying = underlying
  }

  public var description: String { "\(code): \(message)" }

  /// `entity` `id` does not exist.
  public static func notFound(_ entity: String, id: String) -> StoreError {
    StoreError(
      code: .notFound, message: "no \(entity) with id \(id)", entity: entity, entityID: id)
  }

  /// The input field `field` is invalid.
  public static func invalidArgument(field: String, message: String) -> StoreError {
    StoreError(code: .invalidArgument, message: "\(field): \(message)", field: field)
  }

  /// `entity` `id` is at version `current`, not `expected`.
  public static func versionConflict(
    _ entity: String, id: String, expected: Int, current: Int
  ) -> StoreError {
    StoreError(
      code: .versionConflict,
      message:
        "\(entity) \(id) is at version \(current), not \(expected): someone else changed it; "
        + "read it again and retry",
      entity: entity, entityID: id, currentVersion: current)
  }

  /// A different `entity` already uses `key`.
  public static func alreadyExists(_ entity: String, key: String, message: String? = nil)
    -> StoreError
  {
    StoreError(
      code: .alreadyExists,
      message: message ?? "a different \(entity) already exists with external id \(key)",
      entity: entity, entityID: key)
  }

  /// The request is well formed but the record's state forbids it (e.g. an archived record).
  public static func failedPrecondition(_ message: String, entity: String? = nil, id: String? = nil)
    -> StoreError
  {
    StoreError(code: .failedPrecondition, message: message, entity: entity, entityID: id)
  }
}

extension StoreError {
  /// The kind of a ``StoreError``. New codes may be added; switch with a `default` case.
  public struct Code: Sendable, Hashable, CustomStringConvertible {
    private enum Wrapped: String, Sendable, Hashable {
      case notFound
      case alreadyExists
      case versionConflict
      case invalidArgument
      case failedPrecondition
      case unauthenticated
      case permissionDenied
      case unavailable
      case `internal`
    }

    private let wrapped: Wrapped

    private init(_ wrapped: Wrapped) { self.wrapped = wrapped }

    public var description: String { wrapped.rawValue }

    /// The record does not exist.
    public static let notFound = Self(.notFound)
    /// A create collided with a different existing record (external id or natural key).
    public static let alreadyExists = Self(.alreadyExists)
    /// An update named a stale version; nothing was written.
    public static let versionConflict = Self(.versionConflict)
    /// The input is invalid; ``StoreError/field`` names the field.
    public static let invalidArgument = Self(.invalidArgument)
    /// The record's state forbids the change (e.g. it is archived).
    public static let failedPrecondition = Self(.failedPrecondition)
    /// A credential (token) is missing, unknown, expired or revoked.
    public static let unauthenticated = Self(.unauthenticated)
    /// The credential is valid but not allowed to do this.
    public static let permissionDenied = Self(.permissionDenied)
    /// The database could not be reached; retrying later may succeed.
    public static let unavailable = Self(.unavailable)
    /// A bug or an unexpected database state.
    public static let `internal` = Self(.internal)
  }
}
