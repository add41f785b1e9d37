@_spi(Fuzzing) import FramedRPC

/// `grpc-timeout` values and `timeout_micros` (FRAMING.md section 5).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTimeout(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
  let input = start.map { Array(UnsafeRawBufferPointer(start: $0, count: count)) } ?? []
  FramedRPCFuzzing.checkTimeout(input)
  return 0
}
