// Prints the auditor's rubric document (docs/RUBRIC.md) for the current rubric, or for the
// version named as the first argument. `--others` lists the published versions other than the
// current one (each documented in docs/RUBRIC-<version>.md).
import Foundation
import VettingCore

let requested = CommandLine.arguments.dropFirst().first
if requested == "--others" {
  for rubric in Rubric.all where rubric.version != Rubric.current.version {
    print(rubric.version)
  }
  exit(0)
}
guard let rubric = requested.map({ Rubric.named($0) }) ?? Rubric.current else {
  let known = Rubric.publishedVersions
  let message = "rubric-doc: no rubric version \"\(requested ?? "")\"; known versions: \(known)\n"
  FileHandle.standardError.write(Data(message.utf8))
  exit(2)
}
print(RubricDocument.markdown(for: rubric), terminator: "")
