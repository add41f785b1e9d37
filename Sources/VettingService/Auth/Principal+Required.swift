import GRPCCore

extension Principal {
  /// The current principal, or UNAUTHENTICATED when a write arrives without one (a server
  /// assembled without ``AuthInterceptor``): writes are never recorded without an actor.
  static var required: Principal {
    get throws {
      guard let current else {
        throw RPCError(
          code: .unauthenticated, message: "this call needs an authenticated caller")
      }
      return current
    }
  }
}
