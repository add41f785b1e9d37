import Foundation

/// What the `import-reader` libFuzzer target in `Fuzz/` needs: the CSV/JSON import reader and
/// the row parser on bytes chosen by the fuzzer, without making them public.
@_spi(Fuzzing) public enum ImportFuzzing {
  /// Reads `bytes` as a CSV and as a JSON import file and parses every row read. Bad input must
  /// end as a `VetctlError` for the file or a rejection for the row, never a trap.
  public static func check(_ bytes: [UInt8]) {
    let data = Data(bytes)
    for format in ["csv", "json"] {
      guard let file = try? ImportFile.read(data, format: format, path: "fuzz.\(format)") else {
        continue
      }
      for entry in file.entries {
        _ = ImportRowParser.parse(entry.values, position: entry.position)
      }
    }
  }
}
