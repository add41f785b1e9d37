public import GRPCCore
public import SwiftProtobuf

/// A method as protoc-gen-grpc-swift-2 generates it: the `Method.<Name>` namespace enum carries
/// the method's descriptor (with its call kind) and its message types.
///
/// Generated enums already have these members, so a one-line extension makes one conform:
///
/// ```swift
/// extension Vetting_V1_Directory.Method.SearchProviders: GeneratedMethod {}
/// ```
///
/// and ``ListedMethod/init(_:)`` then describes it without repeating its name, kind or types.
public protocol GeneratedMethod {
  /// The request message.
  associatedtype Input: SwiftProtobuf.Message
  /// The response message.
  associatedtype Output: SwiftProtobuf.Message
  /// The method's path and call kind.
  static var descriptor: MethodDescriptor { get }
}
