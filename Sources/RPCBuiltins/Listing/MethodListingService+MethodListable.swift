extension MethodListingService: MethodListable {
  public static var listedMethods: [ListedMethod] {
    [ListedMethod(Rpcbuiltins_V1_MethodListing.Method.ListServices.self)]
  }
}
