/// The guidelines, guides and articles the rubric rests on (see
/// `shared/reference/RUBRIC-SOURCES.md` and the seed articles).
public enum Source: String, Sendable, Hashable, Codable, CaseIterable {
  case ketamineOath = "ketamine-oath"
  case apaConsensus = "apa-consensus-2017"
  case asa = "asa-2025"
  case askp3Home = "askp3-2021"
  case askp3Settings = "askp3-2024"
  case askp3PatientGuide = "askp3-patient-guide"
  case krf = "krf-guidelines"
  case spravatoREMS = "spravato-rems"
  case fdaCompounded = "fda-2023"
  case deaRyanHaight = "dea-ryan-haight"
  case apna = "apna-checklist"
  case vaDoD = "va-dod-2022"
  case taraMind = "tara-mind-vetting"
  case jamaAds = "jama-netw-open-2023-ads"
  case atHomeCompanies = "at-home-companies"
  case nppes = "cms-npi-check-digit"
  case behavioralHealthGuide = "behavioralhealthguide"
  case trainingPrograms = "kap-training-programs"
  case redFlagGuides = "red-flag-guides"
  case seedGPS = "seed-000-gps"
  case seedSafeHarbor = "seed-001-understanding"
  case seedKAIR = "seed-002-kair"
  case seedLifeWorks = "seed-003-life-works"
  case seedPsychedelicSupport = "seed-004-psychedelic-support"
  case ncqaCredentialing = "ncqa-cr"

  /// The citation an auditor can look up.
  public var citation: String {
    switch self {
    case .ketamineOath:
      return "Ryan & Bennett, Ethical Guidelines for Ketamine Clinicians v1.1 (KRIYA, Dec 2020), "
        + "J. Psychedelic Psychiatry"
    case .apaConsensus:
      return "Sanacora et al., APA consensus statement on ketamine for mood disorders, "
        + "JAMA Psychiatry 2017"
    case .asa:
      return "American Society of Anesthesiologists statement on ketamine for mental health (2025)"
    case .askp3Home:
      return "ASKP3 statement on IV ketamine in homes and hotels (2021)"
    case .askp3Settings:
      return "ASKP3 statement on treatment settings and home use (2024)"
    case .askp3PatientGuide:
      return "ASKP3 patient guide: questions to ask a ketamine provider"
    case .krf:
      return "Ketamine Research Foundation guidelines (Wolfson & Braunstein)"
    case .spravatoREMS:
      return "FDA Spravato (esketamine) REMS"
    case .fdaCompounded:
      return "FDA warning on compounded ketamine, including oral forms (Oct 2023)"
    case .deaRyanHaight:
      return "DEA: ketamine Schedule III; Ryan Haight Act in-person evaluation rule "
        + "(telemedicine flexibilities through 31 Dec 2026)"
    case .apna:
      return "American Psychiatric Nurses Association ketamine checklist"
    case .vaDoD:
      return "VA/DoD clinical practice guideline for major depressive disorder (2022)"
    case .taraMind:
      return "TARA Mind directory vetting requirements for KAP therapists and clinics"
    case .jamaAds:
      return "JAMA Network Open 2023 study of ketamine clinic advertising"
    case .atHomeCompanies:
      return "At-home ketamine companies' published safeguards (Mindbloom, Joyous)"
    case .nppes:
      return "CMS NPI check-digit standard (Luhn over 80840 + NPI); NPPES NPI Registry API v2.1"
    case .behavioralHealthGuide:
      return "BehavioralHealthGuide listing verification (NPI monthly, license every 90 days)"
    case .trainingPrograms:
      return "Credible KAP training programs (Polaris, Fluence, CIIS, Ketamine Training Center, "
        + "PRATI, Journey Clinical, KRIYA)"
    case .redFlagGuides:
      return "Red flags named by guides and experts (RUBRIC-SOURCES.md, 'Red flags')"
    case .seedGPS:
      return "Seed 000: Davydova, 'Rewiring the Brain: The Promise of Ketamine-Assisted Therapy' "
        + "(GPS Guide to Personal Solutions)"
    case .seedSafeHarbor:
      return "Seed 001: 'Understanding Ketamine Therapy' (candidates, contraindications, red flags)"
    case .seedKAIR:
      return "Seed 002: Rattner, 'Ketamine Therapy and Mental Health' (KAIR Program)"
    case .seedLifeWorks:
      return "Seed 003: Life Works, 'Ketamine assisted Psychotherapy' (in-office lozenge KAP "
        + "with Journey Clinical)"
    case .seedPsychedelicSupport:
      return "Seed 004: Miezio, 'How Does Ketamine Treatment Work?' (Psychedelic Support, 2021)"
    case .ncqaCredentialing:
      return "NCQA Credentialing and Recredentialing standards (CR 2: the credentialing "
        + "committee decides; CR 3: credentials verified before participation)"
    }
  }
}
