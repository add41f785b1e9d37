public import GRPCCore
import SwiftProtobuf

/// One method as the method listing reports it.
public struct ListedMethod: Sendable, Hashable {
  /// The method's path and, when known, its call kind.
  public var descriptor: MethodDescriptor
  /// The full protobuf name of the request message, or `""` when the service did not say.
  public var requestType: String
  /// The full protobuf name of the response message, or `""` when the service did not say.
  public var responseType: String

  /// Describes a method from its parts.
  public init(descriptor: MethodDescriptor, requestType: String, responseType: String) {
    self.descriptor = descriptor
    self.requestType = requestType
    self.responseType = responseType
  }

  /// Describes a generated method: path, kind and message names all come from generated code.
  public init<Method: GeneratedMethod>(_ method: Method.Type) {
    self.init(
      descriptor: Method.descriptor,
      requestType: Method.Input.protoMessageName,
      responseType: Method.Output.protoMessageName
    )
  }

  var proto: Rpcbuiltins_V1_MethodInfo {
    .with { info in
      info.name = self.descriptor.method
      info.path = "/" + self.descriptor.fullyQualifiedMethod
      info.kind = Self.callKind(self.descriptor.type)
      info.requestType = self.requestType
      info.responseType = self.responseType
    }
  }

  private static func callKind(_ type: MethodDescriptor.RPCType?) -> Rpcbuiltins_V1_CallKind {
    switch type {
    case .unary: .unary
    case .clientStreaming: .clientStreaming
    case .serverStreaming: .serverStreaming
    case .bidirectionalStreaming: .bidiStreaming
    case nil: .unspecified
    }
  }
}
