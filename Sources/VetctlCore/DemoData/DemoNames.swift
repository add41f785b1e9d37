/// Name parts for demo clinics and practitioners (fictional combinations).
enum DemoNames {
  static let clinicFirst = [
    "Harbor", "Summit", "Cedar", "Willow", "Aspen", "Meridian", "Beacon", "Horizon", "Lakeside",
    "Riverbend", "Northstar", "Evergreen", "Bluebird", "Sage", "Juniper", "Oakwood", "Clearwater",
    "Stillpoint", "Lumen", "Haven", "Bridgeway", "True North", "Open Door", "New Leaf",
  ]
  static let clinicSecond = [
    "Ketamine Clinic", "Wellness", "Infusion Center", "Psychiatry", "Mental Health",
    "Healing Center", "Therapeutics", "Integrative Care", "Ketamine & Integration",
    "Psychedelic Therapy", "Mind Health", "Recovery Institute",
  ]
  static let given = [
    "Maria", "James", "Aisha", "Wei", "Sofia", "Daniel", "Priya", "Lucas", "Hannah", "Omar",
    "Grace", "Mateo", "Amara", "Jordan", "Elena", "Samuel", "Noor", "Ethan", "Yuki", "Chloe",
    "Kwame", "Isabel", "Arjun", "Leah",
  ]
  static let family = [
    "Garcia", "Smith", "Nguyen", "Okafor", "Kowalski", "Haddad", "Lindqvist", "Moreno", "Patel",
    "Brennan", "Tanaka", "Dubois", "Reyes", "Johnson", "Cohen", "Abara", "Novak", "Fischer",
    "Silva", "Park", "Mensah", "Rossi", "Ivanova", "Whitfield",
  ]
  static let conditions = [
    "depression", "ptsd", "anxiety", "ocd", "bipolar_depression", "chronic_pain", "substance_use",
    "eating_disorders", "suicidal_ideation", "postpartum",
  ]
  static let payers = [
    "medicare", "medicaid", "aetna", "cigna", "united", "bcbs", "humana", "kaiser", "tricare",
    "optum",
  ]
}
