// The built-in services' own generated methods, so that they list themselves with
// `ListedMethod(_:)` like any other service.

extension Grpc_Health_V1_Health.Method.Check: GeneratedMethod {}
extension Grpc_Health_V1_Health.Method.List: GeneratedMethod {}
extension Grpc_Health_V1_Health.Method.Watch: GeneratedMethod {}
extension Rpcbuiltins_V1_MethodListing.Method.ListServices: GeneratedMethod {}
