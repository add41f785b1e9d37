public import RPCBuiltins
import VettingAPI

extension Vetting_V1_Audit.Method.RunVettingReport: GeneratedMethod {}
extension Vetting_V1_Audit.Method.GetAuditTrail: GeneratedMethod {}
extension Vetting_V1_Audit.Method.ListDueForReview: GeneratedMethod {}
extension Vetting_V1_Audit.Method.CompareAssessments: GeneratedMethod {}
extension Vetting_V1_Audit.Method.VerifyAuditLog: GeneratedMethod {}

extension AuditService: MethodListable {
  /// Every method of `vetting.v1.Audit` with its message types, for the method listing.
  public static var listedMethods: [ListedMethod] {
    [
      ListedMethod(Vetting_V1_Audit.Method.RunVettingReport.self),
      ListedMethod(Vetting_V1_Audit.Method.GetAuditTrail.self),
      ListedMethod(Vetting_V1_Audit.Method.ListDueForReview.self),
      ListedMethod(Vetting_V1_Audit.Method.CompareAssessments.self),
      ListedMethod(Vetting_V1_Audit.Method.VerifyAuditLog.self),
    ]
  }
}
