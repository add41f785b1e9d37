/// The parts of a ``RedFlag`` the engine reads on every assessment.
struct CompiledFlag: Sendable {
  let id: String
  let severity: Severity
  let mask: UInt8
  let check: @Sendable (EvaluationContext) -> Basis?

  init(_ flag: RedFlag) {
    id = flag.id
    severity = flag.severity
    mask = flag.applicability.bit
    check = flag.check
  }
}
