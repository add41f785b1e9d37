import Foundation
import SwiftProtobuf

extension Date {
  /// The wire timestamp.
  var proto: Google_Protobuf_Timestamp { Google_Protobuf_Timestamp(date: self) }
}
