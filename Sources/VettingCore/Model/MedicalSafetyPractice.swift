/// How patients are kept physically safe when they dose on the premises.
public struct MedicalSafetyPractice: Sendable, Hashable, Codable {
  /// Blood pressure and heart rate taken before dosing.
  public var vitalsBefore: Attested<Bool>?
  /// Continuous blood pressure, heart rate and oxygen monitoring during dosing.
  public var continuousMonitoring: Attested<Bool>?
  /// Oxygen saturation measured by pulse oximetry at every dosing session (the Spravato REMS
  /// asks for it at each esketamine session; the guides for any dosing on site).
  public var pulseOximetry: Attested<Bool>?
  /// Continuous cardiac (ECG) monitoring during IV or IM dosing (the APA consensus statement's
  /// "continuous cardiac monitoring").
  public var cardiacMonitoring: Attested<Bool>?
  /// Vitals taken again after dosing (about 40 minutes) and before discharge.
  public var vitalsAfter: Attested<Bool>?
  /// A written rule for when to stop or not start a session (e.g. blood-pressure limits).
  public var writtenStopRule: Attested<Bool>?
  /// Resuscitation equipment and emergency drugs on site.
  public var emergencyEquipment: Attested<Bool>?
  /// A written protocol for assessing and treating adverse reactions.
  public var adverseReactionProtocol: Attested<Bool>?
  /// Minutes of observation after the dose before the patient may leave.
  public var observationMinutes: Attested<Int>?
  /// A recovery space where patients stay until they are safe to leave.
  public var recoverySpace: Attested<Bool>?
  /// Patients leave only with an escort or driver, and are told not to drive until the next day.
  public var dischargeEscort: Attested<Bool>?
  /// A staff member stays with the patient for the whole session.
  public var patientNeverLeftAlone: Attested<Bool>?
  /// One patient per room during dosing.
  public var onePatientPerRoom: Attested<Bool>?
  /// The setting is certified under the Spravato (esketamine) REMS.
  public var remsCertified: Attested<Bool>?

  /// An empty profile: nothing on record.
  public init() {}
}
