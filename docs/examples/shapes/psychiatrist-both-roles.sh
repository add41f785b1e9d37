#!/usr/bin/env bash
# Worked example: a psychiatrist in private practice who is trained in psychotherapy and so holds
# both the medical and the mental-health role (the ketamine oath, clause 3). She offers Spravato
# (intranasal esketamine) in a REMS-certified office and ketamine lozenges dosed in the office.
#
# Run with VETTING_SERVER and VETTING_TOKEN (an admin token) set, from the repository root. Each
# command prints what it recorded; the last line is the provider's id.
set -euo pipefail

psychiatrist=$(vetctl practitioner add --output id --file - <<'YAML'
external_id: example-dr-ruth-adeyemi
fields:
  given_name: Ruth
  family_name: Adeyemi
  credentials: MD
  roles: [PRACTITIONER_ROLE_PRESCRIBER]
  discipline: psychiatry
  psychotherapy_trained: true
  npi: "1900000013"
  solo: true
  states_served: [MI]
  kap_sessions_delivered: 210
  practice_started_on: {year: 2010, month: 8, day: 1}
locations:
  - label: Office
    address_line1: 1500 Abbot Rd
    city: East Lansing
    state: MI
    postal_code: "48823"
    latitude: 42.7480
    longitude: -84.4960
    is_primary: true
licenses:
  - state: MI
    type: MD
    number: "4301077777"
    status: LICENSE_STATUS_ACTIVE
    expires_on: {year: 2028, month: 1, day: 31}
    provenance: PROVENANCE_PUBLIC_REGISTRY
    verified_by: Michigan LARA license lookup
trainings:
  - program: fluence
    hours: 60
    completed_on: {year: 2021, month: 9, day: 30}
    provenance: PROVENANCE_VERIFIED_BY_STAFF
boardCertifications:
  - board: ABPN
    specialty: psychiatry
    certified_on: {year: 2012, month: 9, day: 1}
    expires_on: {year: 2032, month: 12, day: 31}
    provenance: PROVENANCE_PUBLIC_REGISTRY
    verified_by: ABPN verification
certificates:
  - kind: CERTIFICATE_KIND_BLS
    issued_on: {year: 2026, month: 1, day: 10}
    expires_on: {year: 2028, month: 1, day: 31}
    provenance: PROVENANCE_DOCUMENT_ON_FILE
YAML
)

vetctl evidence add --provider "$psychiatrist" --subject npi \
  --description "NPPES registry: active" --provenance public-registry --verified-by "NPPES lookup"
vetctl evidence add --provider "$psychiatrist" --subject psychotherapy-training \
  --description "Psychodynamic psychotherapy fellowship certificate" --verified-by "R. Staff"
for subject in malpractice-insurance graduate-degree trauma-training; do
  vetctl evidence add --provider "$psychiatrist" --subject "$subject" \
    --description "Document on file: $subject" --provenance document-on-file
done

vetctl profile set "$psychiatrist" --file - <<'YAML'
routes: [intranasal-esketamine, sublingual-lozenge]
conditionsTreated: [depression, suicidal_ideation]
acceptsInsurance: true
insurancePayers: [bcbs, aetna, medicare]
acceptingNewPatients: false
practice:
  screening:
    psychiatricEvaluation: {value: in-person, provenance: verified-by-staff}
    contraindicationsScreened: {value: true, provenance: verified-by-staff}
    substanceUseScreened: {value: true, provenance: verified-by-staff}
    urineToxicology: {value: true, provenance: self-reported}
    ratingScales: {value: true, provenance: verified-by-staff}
    priorTreatmentsReviewed: {value: true, provenance: verified-by-staff}
    comprehensiveHistory: {value: true, provenance: self-reported}
    medicalAssessment: {value: true, provenance: verified-by-staff}
  safety:
    vitalsBefore: {value: true, provenance: verified-by-staff}
    continuousMonitoring: {value: false, provenance: verified-by-staff}
    pulseOximetry: {value: true, provenance: verified-by-staff}
    vitalsAfter: {value: true, provenance: verified-by-staff}
    writtenStopRule: {value: true, provenance: document-on-file}
    emergencyEquipment: {value: true, provenance: self-reported}
    adverseReactionProtocol: {value: true, provenance: document-on-file}
    observationMinutes: {value: 120, provenance: verified-by-staff}
    recoverySpace: {value: true, provenance: verified-by-staff}
    dischargeEscort: {value: true, provenance: verified-by-staff}
    patientNeverLeftAlone: {value: true, provenance: verified-by-staff}
    onePatientPerRoom: {value: true, provenance: verified-by-staff}
    remsCertified: {value: true, provenance: public-registry}
  integration:
    treatmentPlan: {value: true, provenance: self-reported}
    preparationSessions: {value: true, provenance: self-reported}
    supportDuringDosing: {value: true, provenance: self-reported}
    integrationSessions: {value: true, provenance: self-reported}
    integrationWithinHours: {value: 24, provenance: self-reported}
    psychiatricEmergencyPlan: {value: true, provenance: document-on-file}
  ethics:
    marketingReviewed: {value: true, provenance: verified-by-staff}
    claims: []
    adChannels: [referrals-only]
    risksDisclosed: {value: true, provenance: verified-by-staff}
    pricingPublished: {value: false, provenance: verified-by-staff}
    bundlesRequired: {value: false, provenance: self-reported}
    consentCoversOffLabel: {value: true, provenance: verified-by-staff}
    definedCourse: {value: true, provenance: self-reported}
    routineSedatives: {value: false, provenance: self-reported}
    codeOfConductSigned: {value: true, provenance: document-on-file}
YAML

echo "$psychiatrist"
# expect: tier=vetted score=80 flags=ethics.opaque-pricing
