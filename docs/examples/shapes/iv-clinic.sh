#!/usr/bin/env bash
# Worked example: an anesthesiologist-run IV ketamine clinic. The medical director is
# board-certified in anesthesiology and trained in ketamine for mood disorders; a registered nurse
# with a current ACLS certificate places the IV and monitors every infusion; a licensed marriage and
# family therapist on staff does preparation, support during the infusion and integration.
#
# Run with VETTING_SERVER and VETTING_TOKEN (an admin token) set, from the repository root. Each
# command prints what it recorded; the last line is the provider's id.
set -euo pipefail

clinic=$(vetctl clinic add --output id --file - <<'YAML'
external_id: example-riverside-iv
fields:
  name: Riverside Ketamine Infusions
  npi: "1322456785"
  website: https://riverside-iv.example.org
  states_served: [MI]
locations:
  - label: Infusion suite
    address_line1: 2900 E Grand River Ave
    city: Lansing
    state: MI
    postal_code: "48912"
    latitude: 42.7370
    longitude: -84.5190
    is_primary: true
YAML
)

director=$(vetctl practitioner add --output id --file - <<'YAML'
external_id: example-dr-lena-voss
fields:
  given_name: Lena
  family_name: Voss
  credentials: MD
  roles: [PRACTITIONER_ROLE_PRESCRIBER]
  discipline: anesthesiology
  npi: "1765432103"
  states_served: [MI]
  practice_started_on: {year: 2009, month: 7, day: 1}
licenses:
  - state: MI
    type: MD
    number: "4301055501"
    status: LICENSE_STATUS_ACTIVE
    expires_on: {year: 2028, month: 1, day: 31}
    provenance: PROVENANCE_PUBLIC_REGISTRY
    verified_by: Michigan LARA license lookup
trainings:
  - program: ketamine-training-center
    hours: 12
    completed_on: {year: 2021, month: 4, day: 10}
    provenance: PROVENANCE_VERIFIED_BY_STAFF
boardCertifications:
  - board: ABA
    specialty: anesthesiology
    certified_on: {year: 2011, month: 5, day: 1}
    expires_on: {year: 2031, month: 12, day: 31}
    provenance: PROVENANCE_PUBLIC_REGISTRY
    verified_by: ABA certification lookup
certificates:
  - kind: CERTIFICATE_KIND_ACLS
    issued_on: {year: 2026, month: 6, day: 1}
    expires_on: {year: 2028, month: 6, day: 30}
    provenance: PROVENANCE_DOCUMENT_ON_FILE
YAML
)

nurse=$(vetctl practitioner add --output id --file - <<'YAML'
external_id: example-rn-sam-ortiz
fields:
  given_name: Sam
  family_name: Ortiz
  credentials: RN
  roles: [PRACTITIONER_ROLE_NURSE]
  discipline: other
  states_served: [MI]
licenses:
  - state: MI
    type: RN
    number: "4704123456"
    status: LICENSE_STATUS_ACTIVE
    expires_on: {year: 2029, month: 3, day: 31}
    provenance: PROVENANCE_PUBLIC_REGISTRY
    verified_by: Michigan LARA license lookup
certificates:
  - kind: CERTIFICATE_KIND_ACLS
    issued_on: {year: 2026, month: 6, day: 1}
    expires_on: {year: 2028, month: 6, day: 30}
    provenance: PROVENANCE_VERIFIED_BY_STAFF
    verified_by: R. Staff
YAML
)

therapist=$(vetctl practitioner add --output id --file - <<'YAML'
external_id: example-lmft-ana-kim
fields:
  given_name: Ana
  family_name: Kim
  credentials: LMFT
  roles: [PRACTITIONER_ROLE_THERAPIST]
  discipline: psychotherapy
  npi: "1588884423"
  states_served: [MI]
  kap_sessions_delivered: 35
  practice_started_on: {year: 2016, month: 1, day: 15}
licenses:
  - state: MI
    type: LMFT
    number: "4101098123"
    status: LICENSE_STATUS_ACTIVE
    expires_on: {year: 2029, month: 10, day: 31}
    provenance: PROVENANCE_PUBLIC_REGISTRY
    verified_by: Michigan LARA license lookup
trainings:
  - program: polaris-insight-center
    hours: 48
    completed_on: {year: 2022, month: 11, day: 5}
    provenance: PROVENANCE_VERIFIED_BY_STAFF
YAML
)

vetctl affiliate --clinic "$clinic" --practitioner "$director" --role medical-director
vetctl affiliate --clinic "$clinic" --practitioner "$nurse" --role nurse
vetctl affiliate --clinic "$clinic" --practitioner "$therapist" --role therapist
for person in "$director" "$therapist"; do
  vetctl evidence add --provider "$person" --subject npi \
    --description "NPPES registry: active" --provenance public-registry --verified-by "NPPES lookup"
  vetctl evidence add --provider "$person" --subject malpractice-insurance \
    --description "Certificate of insurance, confirmed with the carrier" --verified-by "R. Staff"
done
vetctl evidence add --provider "$therapist" --subject graduate-degree \
  --description "MA Marriage and Family Therapy, diploma checked" --verified-by "R. Staff"
vetctl evidence add --provider "$therapist" --subject trauma-training \
  --description "Somatic Experiencing practitioner certificate" --provenance document-on-file

vetctl profile set "$clinic" --file - <<'YAML'
routes: [iv]
conditionsTreated: [depression, ptsd, chronic_pain]
acceptsInsurance: false
pricing: {perSessionUSD: 495, consultationUSD: 150}
acceptingNewPatients: true
practice:
  screening:
    psychiatricEvaluation: {value: in-person, provenance: verified-by-staff}
    contraindicationsScreened: {value: true, provenance: verified-by-staff}
    substanceUseScreened: {value: true, provenance: verified-by-staff}
    urineToxicology: {value: true, provenance: document-on-file}
    ratingScales: {value: true, provenance: verified-by-staff}
    priorTreatmentsReviewed: {value: true, provenance: document-on-file}
    comprehensiveHistory: {value: true, provenance: self-reported}
    medicalAssessment: {value: true, provenance: verified-by-staff}
  safety:
    vitalsBefore: {value: true, provenance: verified-by-staff}
    continuousMonitoring: {value: true, provenance: verified-by-staff}
    pulseOximetry: {value: true, provenance: verified-by-staff}
    cardiacMonitoring: {value: true, provenance: verified-by-staff}
    vitalsAfter: {value: true, provenance: verified-by-staff}
    writtenStopRule: {value: true, provenance: document-on-file}
    emergencyEquipment: {value: true, provenance: verified-by-staff}
    adverseReactionProtocol: {value: true, provenance: document-on-file}
    observationMinutes: {value: 120, provenance: verified-by-staff}
    recoverySpace: {value: true, provenance: verified-by-staff}
    dischargeEscort: {value: true, provenance: document-on-file}
    patientNeverLeftAlone: {value: true, provenance: verified-by-staff}
    onePatientPerRoom: {value: true, provenance: verified-by-staff}
  integration:
    treatmentPlan: {value: true, provenance: document-on-file}
    preparationSessions: {value: true, provenance: verified-by-staff}
    supportDuringDosing: {value: true, provenance: verified-by-staff}
    integrationSessions: {value: true, provenance: verified-by-staff}
    integrationWithinHours: {value: 48, provenance: document-on-file}
    psychiatricEmergencyPlan: {value: true, provenance: document-on-file}
  ethics:
    marketingReviewed: {value: true, provenance: verified-by-staff}
    claims: []
    adChannels: [website]
    risksDisclosed: {value: true, provenance: verified-by-staff}
    pricingPublished: {value: true, provenance: verified-by-staff}
    bundlesRequired: {value: false, provenance: verified-by-staff}
    consentCoversOffLabel: {value: true, provenance: verified-by-staff}
    definedCourse: {value: true, provenance: document-on-file}
    routineSedatives: {value: false, provenance: self-reported}
    codeOfConductSigned: {value: true, provenance: document-on-file}
YAML

echo "$clinic"
# expect: tier=recommended score=92 flags=
