/// What a provider offers, as a bit set matching ``Applicability``. Computed once per assessment.
struct Scope: Sendable, Hashable {
  var bits: UInt8

  init(_ facts: ProviderFacts) {
    var bits: UInt8 = 0
    for route in facts.routes {
      if route.dosesOnSite { bits |= Applicability.dosesOnSite.bit }
      if route.isInjection { bits |= Applicability.injectionsOnSite.bit }
      if route == .atHome { bits |= Applicability.prescribesForHome.bit }
      if route == .esketamineREMS { bits |= Applicability.offersEsketamine.bit }
    }
    if facts.routes.isEmpty || facts.routes.contains(where: { $0 != .esketamineREMS }) {
      bits |= Applicability.offersKetamine.bit
    }
    if facts.kind == .clinic { bits |= Applicability.clinic.bit }
    if facts.practitioners.firstResult({ $0.isPrescriber ? true : nil }) != nil {
      bits |= Applicability.ownPrescriber.bit
    }
    self.bits = bits
  }

  @inline(__always)
  func covers(_ mask: UInt8) -> Bool { mask & bits == mask }
}
