extension HealthService: MethodListable {
  public static var listedMethods: [ListedMethod] {
    [
      ListedMethod(Grpc_Health_V1_Health.Method.Check.self),
      ListedMethod(Grpc_Health_V1_Health.Method.List.self),
      ListedMethod(Grpc_Health_V1_Health.Method.Watch.self),
    ]
  }
}
