extension Array {
  /// The first non-nil result of `body` over the elements, each passed by borrow.
  ///
  /// The engine walks nested lists of large structs (practitioners, licenses) dozens of times per
  /// assessment; `for element in array` copies each element and retains everything inside it,
  /// which dominated the profile. Borrowing through the buffer avoids those copies.
  @inline(__always)
  func firstResult<T>(_ body: (borrowing Element) -> T?) -> T? {
    withUnsafeBufferPointer { buffer in
      for index in buffer.indices {
        if let result = body(buffer[index]) { return result }
      }
      return nil
    }
  }

  /// Calls `body` with each element, passed by borrow.
  @inline(__always)
  func forEachBorrowed(_ body: (borrowing Element) -> Void) {
    withUnsafeBufferPointer { buffer in
      for index in buffer.indices { body(buffer[index]) }
    }
  }
}
