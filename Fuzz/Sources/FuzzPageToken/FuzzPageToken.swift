@_spi(Fuzzing) import VettingStore

/// Search page tokens, as sent by clients and as signed payloads (docs/SEARCH.md).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPageToken(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
  let input = start.map { Array(UnsafeRawBufferPointer(start: $0, count: count)) } ?? []
  PageTokenFuzzing.check(input)
  return 0
}
