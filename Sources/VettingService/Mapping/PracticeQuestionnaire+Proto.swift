import VettingAPI
import VettingCore

extension PracticeQuestionnaire {
  /// The facts search filters on, as carried on clinic and practitioner records.
  var summaryProto: Vetting_V1_PracticeSummary {
    .with {
      $0.routes = routes.map(\.proto)
      $0.conditions = conditionsTreated
      $0.insurance = insurancePayers
      $0.slidingScale = slidingScale
      $0.telehealthStates = telehealthStates
      $0.acceptingNewPatients = acceptingNewPatients
      $0.pricingNote = pricing?.notes ?? ""
    }
  }
}
