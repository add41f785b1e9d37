import Foundation
import SwiftProtobuf

/// Writes command results to standard output.
enum Printer {
  static func write(_ text: String) {
    do {
      try FileHandle.standardOutput.write(contentsOf: Data(text.utf8))
    } catch {
      // The reader went away (`vetctl due | head`): stop as a SIGPIPE would have stopped us,
      // instead of FileHandle.write(_:) trapping on EPIPE with a crash report.
      exit(141)
    }
  }

  /// One record: `json` prints the protobuf message as proto JSON; `table` and `csv` print the
  /// field/value pairs given.
  static func record(
    _ message: some SwiftProtobuf.Message, fields: [(String, String)], format: OutputFormat
  ) {
    switch format {
    case .json:
      write(JSONText.encode(message: message) + "\n")
    case .csv, .id:
      write(Table(columns: fields.map(\.0), rows: [fields.map(\.1)]).render(format))
    case .table:
      let width = fields.map(\.0.count).max() ?? 0
      write(
        fields.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }
          .joined(separator: "\n") + "\n")
    }
  }
}
