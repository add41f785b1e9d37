@_spi(Fuzzing) import VetctlCore

/// `vetctl import` files, CSV and JSON, and every row read from them.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImportReader(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
  let input = start.map { Array(UnsafeRawBufferPointer(start: $0, count: count)) } ?? []
  ImportFuzzing.check(input)
  return 0
}
