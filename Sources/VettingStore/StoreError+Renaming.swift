extension StoreError {
  /// The same error with a field beginning `prefix` renamed to begin `replacement` instead, in
  /// `field` and at the start of the message (which repeats it), e.g. `license.state` →
  /// `parts.licenses[0].state`. Other errors come back unchanged.
  public func renamingField(_ prefix: String, to replacement: String) -> StoreError {
    guard let field, field.hasPrefix(prefix) else { return self }
    var renamed = self
    renamed.field = replacement + field.dropFirst(prefix.count)
    if message.hasPrefix(field + ": ") {
      renamed.message = renamed.field! + message.dropFirst(field.count)
    }
    return renamed
  }
}
