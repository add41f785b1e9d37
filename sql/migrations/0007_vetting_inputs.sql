-- 0007 vetting inputs: every fact the rubric scores gets a place to be recorded.
--
-- Before this migration the rubric read facts that onboarding could not record: outside partners (a
-- telehealth prescribing service for a counselor's practice), life-support certificates of the
-- staff present at dosing, board certification of the overseeing physician, years in practice, and
-- team members who are neither therapist nor prescriber (nurses, medical assistants, monitors,
-- integration coaches). Credentials also gain a lifecycle: a license's standing changes on a date
-- and is re-verified; certificates, board certifications and partners are ended or archived.
--
-- Conventions as in 0002: version (optimistic concurrency), external_id (idempotent creates),
-- archived_at (rows are archived, never deleted), provenance spelled as in 0002.

-- ---------------------------------------------------------------------------------------------------
-- Team roles beyond the ketamine oath's two. A nurse holds a license; a medical assistant, a monitor
-- (sitter) and an integration coach need none, so their records carry no license without that being
-- a red flag.

alter table practitioners drop constraint practitioners_role_valid;
alter table practitioners
  add constraint practitioners_role_valid check (professional_role in (
    'therapist', 'prescriber', 'both', 'nurse', 'medical_assistant', 'monitor', 'integration_coach')),
  -- When the person started clinical practice: years in practice are counted from it on the
  -- assessment's as-of day.
  add column practice_started_on date
    constraint practitioners_practice_started_on_range check (practice_started_on >= date '1900-01-01'),
  -- Formal psychotherapy training (a psychiatrist or psychiatric nurse practitioner who has it holds
  -- the mental-health role as well as the medical one: the ketamine oath, clause 3). NULL: unknown.
  add column psychotherapy_trained boolean;

-- ---------------------------------------------------------------------------------------------------
-- A license's standing changes on a date (suspension, reinstatement); the date is kept with it.

alter table licenses
  add column status_changed_on date;

-- ---------------------------------------------------------------------------------------------------
-- Life-support certificates (ACLS, BLS, PALS) of a person on the team.

create table certificates (
  id uuid primary key default gen_random_uuid(),
  practitioner_id uuid not null references practitioners (id),
  external_id text constraint certificates_external_id_key unique
    constraint certificates_external_id_length check (char_length(external_id) between 1 and 200),
  kind text not null constraint certificates_kind_valid check (kind in ('acls', 'bls', 'pals')),
  issued_on date,
  expires_on date,
  provenance text not null default 'self_reported'
    constraint certificates_provenance_valid check (provenance in ('self_reported', 'document_on_file', 'verified_by_staff', 'public_registry')),
  last_verified_at timestamptz,
  last_verified_by text constraint certificates_verified_by_length check (char_length(last_verified_by) <= 200),
  version integer not null default 1 constraint certificates_version_positive check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  archived_at timestamptz,
  constraint certificates_dates_ordered check (expires_on is null or issued_on is null or expires_on >= issued_on)
);

create trigger certificates_version before update on certificates
  for each row execute function bump_version();

create index certificates_practitioner on certificates (practitioner_id) where archived_at is null;
create index certificates_expires_on on certificates (expires_on)
  where expires_on is not null and archived_at is null;

-- ---------------------------------------------------------------------------------------------------
-- Board certifications (e.g. ABPN in psychiatry, ABA in anesthesiology).

create table board_certifications (
  id uuid primary key default gen_random_uuid(),
  practitioner_id uuid not null references practitioners (id),
  external_id text constraint board_certifications_external_id_key unique
    constraint board_certifications_external_id_length check (char_length(external_id) between 1 and 200),
  -- The certifying board, e.g. "ABPN", "ABA", "ABEM".
  board text not null
    constraint board_certifications_board_length check (char_length(btrim(board)) between 1 and 200),
  -- VettingCore's Discipline, spelled as in practitioners.discipline.
  specialty text not null
    constraint board_certifications_specialty_valid check (specialty in (
      'psychiatry', 'psychiatric_nursing', 'psychology', 'psychotherapy', 'anesthesiology',
      'emergency_medicine', 'pain_medicine', 'primary_care', 'other')),
  certified_on date,
  expires_on date,
  provenance text not null default 'self_reported'
    constraint board_certifications_provenance_valid check (provenance in ('self_reported', 'document_on_file', 'verified_by_staff', 'public_registry')),
  last_verified_at timestamptz,
  last_verified_by text constraint board_certifications_verified_by_length check (char_length(last_verified_by) <= 200),
  version integer not null default 1 constraint board_certifications_version_positive check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  archived_at timestamptz,
  constraint board_certifications_dates_ordered check (expires_on is null or certified_on is null or expires_on >= certified_on)
);

create trigger board_certifications_version before update on board_certifications
  for each row execute function bump_version();

create index board_certifications_practitioner on board_certifications (practitioner_id)
  where archived_at is null;

-- ---------------------------------------------------------------------------------------------------
-- Partners: a prescriber, therapist or medical director outside the provider's own team (a
-- telehealth prescribing service working with a counselor's practice; a therapist group a clinic
-- refers to for integration). The ketamine oath lets the medical and mental-health roles be held by
-- different people; these rows are how the second person is recorded.

create table partners (
  id uuid primary key default gen_random_uuid(),
  provider_id uuid not null references providers (id),
  external_id text constraint partners_external_id_key unique
    constraint partners_external_id_length check (char_length(external_id) between 1 and 200),
  name text not null constraint partners_name_length check (char_length(btrim(name)) between 1 and 300),
  role text not null
    constraint partners_role_valid check (role in ('prescriber', 'therapist', 'medical_director')),
  discipline text
    constraint partners_discipline_valid check (discipline in (
      'psychiatry', 'psychiatric_nursing', 'psychology', 'psychotherapy', 'anesthesiology',
      'emergency_medicine', 'pain_medicine', 'primary_care', 'other')),
  npi text constraint partners_npi_format check (npi ~ '^[0-9]{10}$'),
  -- The partner's organisation, e.g. a telehealth prescribing service.
  organization text constraint partners_organization_length check (char_length(organization) <= 300),
  -- How the partner evaluates patients before prescribing or treating.
  evaluation_mode text
    constraint partners_evaluation_mode_valid check (evaluation_mode in ('in_person', 'live_video', 'questionnaire')),
  -- Licenses as [{"state": "MI", "type": "MD", "number": "4301"}] (at most 60).
  licenses jsonb not null default '[]'
    constraint partners_licenses_array check (jsonb_typeof(licenses) = 'array' and jsonb_array_length(licenses) <= 60),
  provenance text not null default 'self_reported'
    constraint partners_provenance_valid check (provenance in ('self_reported', 'document_on_file', 'verified_by_staff', 'public_registry')),
  started_on date,
  ended_on date,
  version integer not null default 1 constraint partners_version_positive check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  archived_at timestamptz,
  constraint partners_dates_ordered check (ended_on is null or started_on is null or ended_on >= started_on)
);

create trigger partners_version before update on partners
  for each row execute function bump_version();

create index partners_provider on partners (provider_id) where archived_at is null;

-- ---------------------------------------------------------------------------------------------------
-- The audit log names the new entities.

alter table audit_log drop constraint audit_log_entity_type_valid;
alter table audit_log
  add constraint audit_log_entity_type_valid check (entity_type in (
    'clinic', 'practitioner', 'location', 'license', 'training', 'affiliation',
    'practice_profile', 'evidence_item', 'assessment', 'api_token', 'certificate',
    'board_certification', 'partner'));
