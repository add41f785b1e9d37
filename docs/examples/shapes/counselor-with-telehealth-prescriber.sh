#!/usr/bin/env bash
# Worked example: a licensed counselor in private practice whose patients are evaluated and
# prescribed for by an outside telehealth prescribing service (the ketamine oath lets the medical
# and the mental-health roles be held by different people). Patients take a sublingual lozenge in
# the counselor's office, with preparation and integration sessions around it.
#
# Run with VETTING_SERVER and VETTING_TOKEN (an admin token) set, from the repository root. Each
# command prints what it recorded; the last line is the provider's id.
set -euo pipefail

counselor=$(vetctl practitioner add --output id --file - <<'YAML'
external_id: example-dana-reyes-lpc
fields:
  given_name: Dana
  family_name: Reyes
  credentials: LPC
  roles: [PRACTITIONER_ROLE_THERAPIST]
  discipline: psychotherapy
  npi: "1477553311"
  solo: true
  states_served: [MI]
  kap_sessions_delivered: 60
  practice_started_on: {year: 2014, month: 9, day: 1}
locations:
  - label: Private practice
    address_line1: 300 S Washington Sq
    city: Lansing
    state: MI
    postal_code: "48933"
    latitude: 42.7312
    longitude: -84.5525
    is_primary: true
licenses:
  - state: MI
    type: LPC
    number: "6401012345"
    status: LICENSE_STATUS_ACTIVE
    expires_on: {year: 2028, month: 3, day: 31}
    provenance: PROVENANCE_PUBLIC_REGISTRY
    verified_by: Michigan LARA license lookup
trainings:
  - program: journey-clinical
    hours: 44
    completed_on: {year: 2023, month: 2, day: 20}
    provenance: PROVENANCE_DOCUMENT_ON_FILE
partners:
  - name: Journey Clinical medical team
    role: PARTNER_ROLE_PRESCRIBER
    organization: Journey Clinical
    evaluation: PARTNER_EVALUATION_LIVE_VIDEO
    provenance: PROVENANCE_DOCUMENT_ON_FILE
    started_on: {year: 2023, month: 3, day: 1}
YAML
)

vetctl evidence add --provider "$counselor" --subject graduate-degree \
  --description "MA Clinical Mental Health Counseling, diploma checked" --verified-by "R. Staff"
vetctl evidence add --provider "$counselor" --subject npi \
  --description "NPPES registry: active" --provenance public-registry --verified-by "NPPES lookup"
vetctl evidence add --provider "$counselor" --subject malpractice-insurance \
  --description "Certificate of insurance" --provenance document-on-file
vetctl evidence add --provider "$counselor" --subject trauma-training \
  --description "EMDR basic training certificate" --provenance document-on-file

vetctl profile set "$counselor" --file - <<'YAML'
routes: [sublingual-lozenge]
conditionsTreated: [depression, ptsd]
slidingScale: true
pricing: {perSessionUSD: 220, notes: "The prescriber bills its own visits."}
acceptingNewPatients: true
practice:
  screening:
    psychiatricEvaluation: {value: live-video, provenance: document-on-file}
    contraindicationsScreened: {value: true, provenance: document-on-file}
    substanceUseScreened: {value: true, provenance: self-reported}
    ratingScales: {value: true, provenance: self-reported}
    priorTreatmentsReviewed: {value: true, provenance: self-reported}
    comprehensiveHistory: {value: true, provenance: self-reported}
    medicalAssessment: {value: true, provenance: document-on-file}
  safety:
    vitalsBefore: {value: true, provenance: self-reported}
    vitalsAfter: {value: true, provenance: self-reported}
    writtenStopRule: {value: true, provenance: document-on-file}
    adverseReactionProtocol: {value: true, provenance: document-on-file}
    observationMinutes: {value: 120, provenance: self-reported}
    recoverySpace: {value: true, provenance: self-reported}
    dischargeEscort: {value: true, provenance: self-reported}
    patientNeverLeftAlone: {value: true, provenance: self-reported}
    onePatientPerRoom: {value: true, provenance: self-reported}
  integration:
    treatmentPlan: {value: true, provenance: self-reported}
    preparationSessions: {value: true, provenance: document-on-file}
    supportDuringDosing: {value: true, provenance: self-reported}
    integrationSessions: {value: true, provenance: document-on-file}
    integrationWithinHours: {value: 48, provenance: self-reported}
    psychiatricEmergencyPlan: {value: true, provenance: document-on-file}
  ethics:
    marketingReviewed: {value: true, provenance: verified-by-staff}
    claims: []
    adChannels: [website, referrals-only]
    risksDisclosed: {value: true, provenance: verified-by-staff}
    pricingPublished: {value: true, provenance: verified-by-staff}
    bundlesRequired: {value: false, provenance: self-reported}
    consentCoversOffLabel: {value: true, provenance: document-on-file}
    definedCourse: {value: true, provenance: self-reported}
    routineSedatives: {value: false, provenance: self-reported}
    codeOfConductSigned: {value: true, provenance: document-on-file}
YAML

echo "$counselor"
# expect: tier=conditional score=65 flags=
