public import GRPCCore

/// A service that tells the method listing its methods' message types.
///
/// The listing finds every registered method by itself (from the server's router), with its call
/// kind when the generated descriptor carries one; conforming adds the request and response
/// message names. With generated methods that conform to ``GeneratedMethod``:
///
/// ```swift
/// extension DirectoryService: MethodListable {
///   static var listedMethods: [ListedMethod] {
///     [ListedMethod(Vetting_V1_Directory.Method.SearchProviders.self)]
///   }
/// }
/// ```
public protocol MethodListable: RegistrableRPCService {
  /// The service's methods, each with its message types.
  static var listedMethods: [ListedMethod] { get }
}
