/// Splits RFC 4180 CSV text into records, keeping each record's line number and reporting a
/// malformed record instead of failing the whole file.
///
/// Fields are separated by commas; a field may be quoted with `"` (a quote inside is doubled)
/// and may then hold commas and line breaks. A quote inside an unquoted field, text after a
/// closing quote, or a quote left open at the end of the file makes the record malformed. Blank
/// lines are skipped.
enum CSVReader {
  static func records(_ text: String) -> [CSVRecord] {
    var records: [CSVRecord] = []
    var fields: [String] = []
    var field = ""
    var line = 1
    var start = 1
    var quoted = false
    var afterQuote = false
    var fieldStarted = false
    var problem: String?

    func endRecord() {
      fields.append(field)
      let blank = fields.count == 1 && fields[0].isEmpty && !fieldStarted && problem == nil
      if !blank { records.append(CSVRecord(line: start, fields: fields, malformed: problem)) }
      fields = []
      field = ""
      problem = nil
      afterQuote = false
      fieldStarted = false
    }

    var iterator = text.unicodeScalars.makeIterator()
    var pending: Unicode.Scalar? = nil
    while let scalar = pending ?? iterator.next() {
      pending = nil
      if quoted {
        if scalar == "\"" {
          let next = iterator.next()
          if next == "\"" {
            field.unicodeScalars.append("\"")
          } else {
            quoted = false
            afterQuote = true
            pending = next
          }
        } else {
          if scalar == "\n" { line += 1 }
          field.unicodeScalars.append(scalar)
        }
        continue
      }
      switch scalar {
      case ",":
        fields.append(field)
        field = ""
        afterQuote = false
        fieldStarted = true
      case "\r":
        continue
      case "\n":
        endRecord()
        line += 1
        start = line
      case "\"":
        if field.isEmpty && !afterQuote {
          quoted = true
          fieldStarted = true
        } else if problem == nil {
          problem =
            "a quote (\") inside an unquoted field; quote the whole field and double the quote"
        }
      default:
        if afterQuote && problem == nil {
          problem = "text after a closing quote"
        }
        field.unicodeScalars.append(scalar)
        fieldStarted = true
      }
    }
    if quoted {
      problem = problem ?? "a quoted field is not closed before the end of the file"
    }
    if !field.isEmpty || !fields.isEmpty || quoted || fieldStarted { endRecord() }
    return records
  }
}
