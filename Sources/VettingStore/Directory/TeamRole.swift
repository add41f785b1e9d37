/// A practitioner's role on a clinic's team (one affiliation per role).
public enum TeamRole: String, Sendable, Hashable, CaseIterable {
  case medicalDirector = "medical_director"
  case prescriber
  case therapist
  case integrationTherapist = "integration_therapist"
  case nurse
  case monitor
  case owner
  case other
}
