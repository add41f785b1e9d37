extension String {
  /// The text without leading and trailing whitespace (libpq messages end with newlines).
  func trimmingWhitespace() -> String {
    var scalars = Substring(self)
    while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
    while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
    return String(scalars)
  }

  /// Multi-line libpq messages folded into one line, for error descriptions.
  func replacingNewlines() -> String {
    split(whereSeparator: \.isNewline).map { String($0).trimmingWhitespace() }
      .joined(separator: " ")
  }
}
