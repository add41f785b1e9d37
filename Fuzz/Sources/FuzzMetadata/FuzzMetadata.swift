@_spi(Fuzzing) import FramedRPC

/// A HEADERS payload as the server checks it: metadata rules (FRAMING.md 4.10), sizes, path,
/// timeout.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMetadata(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
  let input = start.map { Array(UnsafeRawBufferPointer(start: $0, count: count)) } ?? []
  FramedRPCFuzzing.checkRequestHeaders(input)
  return 0
}
