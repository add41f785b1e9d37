/// Text made safe for HTML: provider names, reasons and flag ids are data, never markup.
enum HTMLText {
  /// `text` for an HTML text node or a double-quoted attribute value: `&`, `<`, `>`, `"` and
  /// `'` become character references, and control characters HTML does not allow (C0 other
  /// than tab, line feed and carriage return; DEL; C1) become U+FFFD.
  static func escape(_ text: String) -> String {
    // Most text needs nothing: return it as is without copying.
    guard text.unicodeScalars.contains(where: needsEscape) else { return text }
    var result = String()
    result.reserveCapacity(text.utf8.count + 16)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      default:
        if isForbiddenControl(scalar) {
          result.unicodeScalars.append("\u{FFFD}")
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result
  }

  /// An `id` (and `#fragment`) for a section: `prefix` then the letters, digits and `-` of
  /// `value`; anything else is dropped, so the result never needs escaping.
  static func anchor(_ prefix: String, _ value: String) -> String {
    var result = prefix
    for scalar in value.unicodeScalars
    where ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
      || ("0"..."9").contains(scalar) || scalar == "-"
    {
      result.unicodeScalars.append(scalar)
    }
    return result
  }

  /// `text` cut to at most `limit` characters, ending with `…` when it was longer.
  static func truncate(_ text: String, to limit: Int) -> String {
    guard text.count > limit else { return text }
    return String(text.prefix(max(0, limit - 1))) + "…"
  }

  private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "&", "<", ">", "\"", "'": return true
    default: return isForbiddenControl(scalar)
    }
  }

  private static func isForbiddenControl(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value == 0x09 || value == 0x0A || value == 0x0D { return false }
    return value < 0x20 || (0x7F...0x9F).contains(value)
  }
}
