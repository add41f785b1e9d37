public import Foundation
import LibPQ
import Logging
public import VettingCore
import VettingService

extension ApplicationServices {
  /// The Directory, Admin, Tokens and Audit services, with bearer-token authentication; search page
  /// tokens signed with `pageTokenKey` (nil: a random key for this process only); writes and
  /// re-vets scored with `rubric`.
  public static func vetting(pageTokenKey: Data?, rubric: Rubric = .current) -> Factory {
    { pool, logger in
      if pageTokenKey == nil {
        logger.notice(
          """
          search page tokens are signed with a random key: they stop working when this server \
          restarts and are refused by other instances; set --page-token-key to share one
          """)
      }
      logger.notice("scoring with rubric \(rubric.version)")
      let vetting = VettingServices(
        pool: pool, pageTokenKey: pageTokenKey, rubric: rubric, logger: logger)
      return ApplicationServices(services: vetting.services, interceptors: vetting.interceptors)
    }
  }
}
