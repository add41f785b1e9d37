#!/usr/bin/env bash
# Worked example: a telehealth at-home ketamine program. A psychiatric nurse practitioner
# evaluates each patient by full live video and prescribes lozenges for home use with a sitter,
# a dose cap and small fills; an integration coach supports patients between sessions, and a
# group of licensed therapists (an outside partner) does preparation and integration.
#
# Run with VETTING_SERVER and VETTING_TOKEN (an admin token) set, from the repository root. Each
# command prints what it recorded; the last line is the provider's id.
set -euo pipefail

program=$(vetctl clinic add --output id --file - <<'YAML'
external_id: example-homeward-ketamine
fields:
  name: Homeward Ketamine Program
  npi: "2912345677"
  website: https://homeward.example.org
  states_served: [MI, OH]
locations:
  - label: Administrative office
    address_line1: 401 W Michigan Ave
    city: Kalamazoo
    state: MI
    postal_code: "49007"
    latitude: 42.2910
    longitude: -85.5900
    is_primary: true
YAML
)

prescriber=$(vetctl practitioner add --output id --file - <<'YAML'
external_id: example-np-jordan-blake
fields:
  given_name: Jordan
  family_name: Blake
  credentials: PMHNP-BC
  roles: [PRACTITIONER_ROLE_PRESCRIBER]
  discipline: psychiatric-nursing
  npi: "1642098754"
  states_served: [MI, OH]
  practice_started_on: {year: 2017, month: 5, day: 1}
licenses:
  - state: MI
    type: NP
    number: "4704555123"
    status: LICENSE_STATUS_ACTIVE
    expires_on: {year: 2029, month: 12, day: 31}
    provenance: PROVENANCE_PUBLIC_REGISTRY
    verified_by: Michigan LARA license lookup
  - state: OH
    type: APRN
    number: "APRN.CNP.0099881"
    status: LICENSE_STATUS_ACTIVE
    expires_on: {year: 2029, month: 10, day: 31}
    provenance: PROVENANCE_PUBLIC_REGISTRY
    verified_by: Ohio eLicense lookup
trainings:
  - program: prati-integrative-psychiatry-institute
    hours: 20
    completed_on: {year: 2022, month: 3, day: 1}
    provenance: PROVENANCE_DOCUMENT_ON_FILE
YAML
)

coach=$(vetctl practitioner add --output id --file - <<'YAML'
external_id: example-coach-riley-chen
fields:
  given_name: Riley
  family_name: Chen
  roles: [PRACTITIONER_ROLE_INTEGRATION_COACH]
  discipline: other
YAML
)

vetctl affiliate --clinic "$program" --practitioner "$prescriber" --role prescriber
vetctl affiliate --clinic "$program" --practitioner "$coach" --role other
vetctl partner add --provider "$program" --name "Lakeside Therapy Collective" --role therapist \
  --discipline psychotherapy --organization "Lakeside Therapy Collective PLLC" \
  --license MI:LPC:6401099001 --license OH:LPCC:E.0099002 \
  --provenance document-on-file --started-on 2024-01-15
vetctl evidence add --provider "$prescriber" --subject npi \
  --description "NPPES registry: active" --provenance public-registry --verified-by "NPPES lookup"
vetctl evidence add --provider "$prescriber" --subject malpractice-insurance \
  --description "Certificate of insurance" --provenance document-on-file

vetctl profile set "$program" --file - <<'YAML'
routes: [at-home]
conditionsTreated: [depression, anxiety]
pricing: {perSessionUSD: 150, consultationUSD: 250}
telehealthStates: [MI, OH]
acceptingNewPatients: true
practice:
  screening:
    psychiatricEvaluation: {value: live-video, provenance: verified-by-staff}
    contraindicationsScreened: {value: true, provenance: verified-by-staff}
    substanceUseScreened: {value: true, provenance: verified-by-staff}
    ratingScales: {value: true, provenance: verified-by-staff}
    priorTreatmentsReviewed: {value: true, provenance: document-on-file}
    comprehensiveHistory: {value: true, provenance: self-reported}
    medicalAssessment: {value: true, provenance: document-on-file}
  integration:
    treatmentPlan: {value: true, provenance: document-on-file}
    preparationSessions: {value: true, provenance: document-on-file}
    supportDuringDosing: {value: false, provenance: verified-by-staff}
    integrationSessions: {value: true, provenance: document-on-file}
    integrationWithinHours: {value: 72, provenance: self-reported}
    psychiatricEmergencyPlan: {value: true, provenance: verified-by-staff}
  home:
    evaluationBeforePrescribing: {value: live-video, provenance: verified-by-staff}
    inPersonEvaluation: {value: false, provenance: verified-by-staff}
    faceToFaceFollowUps: {value: true, provenance: document-on-file}
    sitterRequired: {value: true, provenance: verified-by-staff}
    maxDoseMg: {value: 300, provenance: verified-by-staff}
    dosesPerFill: {value: 6, provenance: verified-by-staff}
    checkIns: {value: true, provenance: verified-by-staff}
    bloodPressureCuff: {value: true, provenance: verified-by-staff}
    prescriptionMonitoringChecks: {value: true, provenance: verified-by-staff}
    misuseScreening: {value: true, provenance: document-on-file}
    formulations:
      - {value: oral-lozenge, provenance: verified-by-staff}
  ethics:
    marketingReviewed: {value: true, provenance: verified-by-staff}
    claims: []
    adChannels: [website, social-media]
    risksDisclosed: {value: true, provenance: verified-by-staff}
    pricingPublished: {value: true, provenance: verified-by-staff}
    bundlesRequired: {value: false, provenance: verified-by-staff}
    consentCoversOffLabel: {value: true, provenance: verified-by-staff}
    definedCourse: {value: true, provenance: document-on-file}
    routineSedatives: {value: false, provenance: self-reported}
    codeOfConductSigned: {value: true, provenance: document-on-file}
YAML

echo "$program"
# expect: tier=vetted score=72 flags=home.no-in-person-evaluation,marketing.mass-advertising
