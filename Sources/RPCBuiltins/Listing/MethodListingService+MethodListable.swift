extension MethodListingService: MethodListable {
  public static var listedMethods: [ListedMethod] {
    [ListedMethod(Builtins_V1_MethodListing.Method.ListServices.self)]
  }
}
