import Foundation
import LibPQ
import VettingCore

/// Builds VettingCore's ``ProviderFacts`` from the stored rows of one provider, through
/// ``FactsBatchLoader`` (a chunk of one): the server, revets and bulk loads read facts by one
/// code path, so they cannot disagree. The rules that path follows:
///
/// - A clinic's team is its live affiliated practitioners (affiliation not archived and not ended
///   before the as-of day, practitioner not archived); each counts once whatever their roles.
/// - A solo practitioner's team is themself.
/// - States served: the provider's live locations' states, its `states_served` column and the
///   questionnaire's telehealth states.
/// - Routes and practice facts come from the stored questionnaire.
/// - Partners outside the team (`partners`, not archived, begun and not ended on the as-of day)
///   are VettingCore's `affiliations`.
/// - A team member's certificates and board certifications are their live rows; years in practice
///   are the whole years from `practice_started_on` to the as-of day.
/// - A psychiatrist or psychiatric nurse practitioner recorded as prescriber who has psychotherapy
///   training holds the therapist role too (the ketamine oath, clause 3): the role follows from
///   the person, not only from the staff tag.
/// - An NPI's registry status (`npi_status`) of `deactivated` or `not_found` is the NPI's
///   registry finding; `active` makes the NPI registry-confirmed.
/// - Evidence upgrades facts as ``EvidenceIndex`` documents.
/// - Every list is read in id order (team members, licenses, trainings, certificates, board
///   certifications, evidence), so the facts and their input hash do not depend on where rows
///   happen to lie in the heap.
package enum FactsAssembler {
  /// The facts of provider `id`, or `nil` when there is no such provider or it is archived.
  package static func facts(providerID id: UUID, on connection: Connection, asOf: Day)
    async throws -> ProviderFacts?
  {
    try await FactsBatchLoader.facts(providerIDs: [id], on: connection, asOf: asOf)[id]
  }

  /// The stored questionnaire of a provider, if any.
  static func questionnaire(providerID: UUID, on connection: Connection) async throws
    -> PracticeQuestionnaire?
  {
    guard
      let row = try await connection.query(
        "select facts from practice_profiles where provider_id = $1", [providerID]
      ).singleRow()
    else { return nil }
    return try row.decode(PostgresJSONB.self, at: 0).decode(PracticeQuestionnaire.self)
  }

  /// Of a practitioner's live board certifications in id order, the one the rubric reads: a
  /// current one in a specialty accepted for clinic oversight first, then any current one, then
  /// the strongest provenance and the latest expiry; upgraded by `clinic-oversight` evidence.
  static func chosenBoard(_ boards: [Attested<Discipline>], evidence: EvidenceIndex, asOf: Day)
    -> Attested<Discipline>?
  {
    let never = Day(year: 9999, month: 12, day: 31)!
    func precedes(_ lhs: Attested<Discipline>, _ rhs: Attested<Discipline>) -> Bool {
      func key(_ board: Attested<Discipline>) -> (Int, Int, Provenance, Day) {
        let current = !board.isExpired(asOf: asOf)
        return (
          current && board.value.isAcceptedOversightBoard ? 1 : 0, current ? 1 : 0,
          board.provenance, board.expires ?? never
        )
      }
      return key(lhs) < key(rhs)
    }
    var chosen = boards.max(by: precedes)
    evidence.upgrade(&chosen, .clinicOversight)
    return chosen
  }
}
