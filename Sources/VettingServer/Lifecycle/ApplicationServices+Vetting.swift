import LibPQ
import Logging
import VettingService

extension ApplicationServices {
  /// The Directory, Admin and Tokens services, with bearer-token authentication.
  public static let vetting: Factory = { pool, logger in
    let vetting = VettingServices(pool: pool, logger: logger)
    return ApplicationServices(services: vetting.services, interceptors: vetting.interceptors)
  }
}
