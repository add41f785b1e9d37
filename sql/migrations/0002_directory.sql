-- 0002 directory: who the providers are and where they practise.
--
-- A provider is a clinic (organisation) or a practitioner (therapist, prescriber, or both). Each has
-- its own table with its own columns; `providers` is the shared identity both hang from, so that
-- locations, practice profiles, evidence and assessments reference "a provider" with a real foreign
-- key. A providers row is created by trigger when a clinic or practitioner is inserted: writers only
-- ever insert into clinics or practitioners. The trigger runs AFTER the insert, so an
-- `insert ... on conflict (external_id) do nothing` that inserts nothing registers nothing; the
-- foreign key back to providers is therefore checked at commit (deferred).
--
-- Conventions for every mutable table here:
--   version      optimistic concurrency, bumped by the bump_version trigger (see 0001)
--   created_at / updated_at
--   archived_at  rows are archived, not deleted; history (audit, assessments) keeps pointing at them
--   external_id  caller-chosen, unique: a retried create with the same external_id finds the row it
--                already made instead of making a second one

create table providers (
  id uuid primary key,
  kind text not null constraint providers_kind_valid check (kind in ('clinic', 'practitioner')),
  created_at timestamptz not null default now(),
  -- (id, kind) lets clinics/practitioners point back with their kind fixed.
  constraint providers_id_kind_key unique (id, kind)
);

comment on table providers is
  'Identity shared by clinics and practitioners (insert-only, filled by trigger); the target of every "provider" foreign key.';

create trigger providers_refuse_update before update on providers
  for each row execute function refuse_change();

create function register_provider() returns trigger
language plpgsql
as $$
begin
  insert into providers (id, kind) values (new.id, new.kind);
  return null;
end
$$;

-- ---------------------------------------------------------------------------------------------------
-- Clinics (organisations)

create table clinics (
  id uuid primary key default gen_random_uuid(),
  kind text not null default 'clinic' constraint clinics_kind_fixed check (kind = 'clinic'),
  external_id text constraint clinics_external_id_key unique
    constraint clinics_external_id_length check (char_length(external_id) between 1 and 200),
  name text not null constraint clinics_name_length check (char_length(btrim(name)) between 1 and 300),
  legal_name text constraint clinics_legal_name_length check (char_length(legal_name) <= 300),
  -- Organisation NPI (NPI-2). Format only: a wrong check digit is a rubric flag, not a refused row.
  npi text constraint clinics_npi_format check (npi ~ '^[0-9]{10}$'),
  npi_status text not null default 'unchecked'
    constraint clinics_npi_status_valid check (npi_status in ('unchecked', 'active', 'deactivated', 'not_found')),
  npi_checked_at timestamptz,
  website text constraint clinics_website_length check (char_length(website) <= 2000),
  phone text constraint clinics_phone_length check (char_length(phone) <= 40),
  email text constraint clinics_email_length check (char_length(email) <= 320),
  description text constraint clinics_description_length check (char_length(description) <= 20000),
  version integer not null default 1 constraint clinics_version_positive check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  archived_at timestamptz,
  constraint clinics_provider_fkey foreign key (id, kind) references providers (id, kind)
    deferrable initially deferred
);

create trigger clinics_register after insert on clinics
  for each row execute function register_provider();
create trigger clinics_version before update on clinics
  for each row execute function bump_version();

-- Name search ("free text on names"): trigram similarity and ILIKE '%…%' both use it.
create index clinics_name_trgm on clinics using gin (name gin_trgm_ops);
-- Sorting by name with keyset paging: (lower(name), id) is the stable order.
create index clinics_name_order on clinics (lower(name), id);
create index clinics_npi on clinics (npi) where npi is not null;
-- Due for review: NPIs not checked within 30 days.
create index clinics_npi_checked_at on clinics (npi_checked_at) where npi is not null;

-- ---------------------------------------------------------------------------------------------------
-- Practitioners (therapists, prescribers, or both: e.g. a psychiatrist trained in psychotherapy)

create table practitioners (
  id uuid primary key default gen_random_uuid(),
  kind text not null default 'practitioner'
    constraint practitioners_kind_fixed check (kind = 'practitioner'),
  external_id text constraint practitioners_external_id_key unique
    constraint practitioners_external_id_length check (char_length(external_id) between 1 and 200),
  given_name text not null
    constraint practitioners_given_name_length check (char_length(btrim(given_name)) between 1 and 200),
  family_name text not null
    constraint practitioners_family_name_length check (char_length(btrim(family_name)) between 1 and 200),
  -- What search matches and sorts on.
  full_name text generated always as (given_name || ' ' || family_name) stored,
  credentials text constraint practitioners_credentials_length check (char_length(credentials) <= 200),
  professional_role text not null
    constraint practitioners_role_valid check (professional_role in ('therapist', 'prescriber', 'both')),
  -- Individual NPI (NPI-1). Format only, as for clinics.
  npi text constraint practitioners_npi_format check (npi ~ '^[0-9]{10}$'),
  npi_status text not null default 'unchecked'
    constraint practitioners_npi_status_valid check (npi_status in ('unchecked', 'active', 'deactivated', 'not_found')),
  npi_checked_at timestamptz,
  kap_sessions_delivered integer not null default 0
    constraint practitioners_kap_sessions_range check (kap_sessions_delivered between 0 and 1000000),
  kap_sessions_as_of date,
  website text constraint practitioners_website_length check (char_length(website) <= 2000),
  phone text constraint practitioners_phone_length check (char_length(phone) <= 40),
  email text constraint practitioners_email_length check (char_length(email) <= 320),
  bio text constraint practitioners_bio_length check (char_length(bio) <= 20000),
  version integer not null default 1 constraint practitioners_version_positive check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  archived_at timestamptz,
  constraint practitioners_provider_fkey foreign key (id, kind) references providers (id, kind)
    deferrable initially deferred
);

create trigger practitioners_register after insert on practitioners
  for each row execute function register_provider();
create trigger practitioners_version before update on practitioners
  for each row execute function bump_version();

create index practitioners_name_trgm on practitioners using gin (full_name gin_trgm_ops);
create index practitioners_name_order on practitioners (lower(full_name), id);
-- One live record per person: an NPI identifies exactly one individual.
create unique index practitioners_npi_key on practitioners (npi)
  where npi is not null and archived_at is null;
create index practitioners_npi_checked_at on practitioners (npi_checked_at) where npi is not null;

-- ---------------------------------------------------------------------------------------------------
-- Locations: where a provider sees patients. Clinics have one or more; a practitioner in private
-- practice may have their own.

create table locations (
  id uuid primary key default gen_random_uuid(),
  provider_id uuid not null references providers (id),
  external_id text constraint locations_external_id_key unique
    constraint locations_external_id_length check (char_length(external_id) between 1 and 200),
  label text constraint locations_label_length check (char_length(label) <= 200),
  address_line1 text not null
    constraint locations_address_line1_length check (char_length(btrim(address_line1)) between 1 and 300),
  address_line2 text constraint locations_address_line2_length check (char_length(address_line2) <= 300),
  city text not null constraint locations_city_length check (char_length(btrim(city)) between 1 and 100),
  state text not null constraint locations_state_valid check (is_us_state(state)),
  postal_code text not null
    constraint locations_postal_code_format check (postal_code ~ '^[0-9]{5}(-[0-9]{4})?$'),
  -- The five-digit ZIP, what a "near 48912" or "in 48912" search matches.
  zip5 text generated always as (left(postal_code, 5)) stored,
  latitude double precision constraint locations_latitude_range check (latitude between -90 and 90),
  longitude double precision constraint locations_longitude_range check (longitude between -180 and 180),
  phone text constraint locations_phone_length check (char_length(phone) <= 40),
  is_primary boolean not null default false,
  version integer not null default 1 constraint locations_version_positive check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  archived_at timestamptz,
  constraint locations_coordinates_paired check ((latitude is null) = (longitude is null))
);

create trigger locations_version before update on locations
  for each row execute function bump_version();

create index locations_provider on locations (provider_id);
-- Distance search: earth_box(ll_to_earth($lat, $lon), $metres) @> ll_to_earth(latitude, longitude)
-- is answered by this GiST index; earth_distance(...) <= $metres then trims the box's corners.
create index locations_earth on locations using gist (ll_to_earth(latitude, longitude));
create index locations_state_city on locations (state, lower(city));
-- A city searched without its state.
create index locations_city on locations (lower(city));
create index locations_zip5 on locations (zip5);
-- At most one primary location per provider.
create unique index locations_one_primary on locations (provider_id)
  where is_primary and archived_at is null;

-- ---------------------------------------------------------------------------------------------------
-- Licenses: one row per practitioner, state, type and number.

create table licenses (
  id uuid primary key default gen_random_uuid(),
  practitioner_id uuid not null references practitioners (id),
  external_id text constraint licenses_external_id_key unique
    constraint licenses_external_id_length check (char_length(external_id) between 1 and 200),
  state text not null constraint licenses_state_valid check (is_us_state(state)),
  -- e.g. MD, DO, NP, PA, RN, PsyD, PhD, LCSW, LMFT, LPC; DEA for a controlled-substance registration.
  license_type text not null
    constraint licenses_type_length check (char_length(btrim(license_type)) between 1 and 50),
  license_number text not null
    constraint licenses_number_length check (char_length(btrim(license_number)) between 1 and 100),
  status text not null
    constraint licenses_status_valid check (status in ('active', 'inactive', 'expired', 'probation', 'suspended', 'revoked', 'unknown')),
  issued_on date,
  expires_on date,
  -- When staff or a registry last confirmed status and expiry (re-checked every 90 days).
  last_verified_at timestamptz,
  last_verified_by text constraint licenses_verified_by_length check (char_length(last_verified_by) <= 200),
  provenance text not null default 'self_reported'
    constraint licenses_provenance_valid check (provenance in ('self_reported', 'document_on_file', 'verified_by_staff', 'public_registry')),
  version integer not null default 1 constraint licenses_version_positive check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  archived_at timestamptz,
  constraint licenses_dates_ordered check (expires_on is null or issued_on is null or expires_on >= issued_on)
);

create trigger licenses_version before update on licenses
  for each row execute function bump_version();

create unique index licenses_natural_key on licenses (practitioner_id, state, lower(license_type), license_number)
  where archived_at is null;
-- Due for review: not verified within 90 days, expiring soon.
create index licenses_last_verified_at on licenses (last_verified_at nulls first) where archived_at is null;
create index licenses_expires_on on licenses (expires_on) where archived_at is null;

-- ---------------------------------------------------------------------------------------------------
-- Trainings: KAP / psychedelic-therapy programs.

create table trainings (
  id uuid primary key default gen_random_uuid(),
  practitioner_id uuid not null references practitioners (id),
  external_id text constraint trainings_external_id_key unique
    constraint trainings_external_id_length check (char_length(external_id) between 1 and 200),
  program text not null constraint trainings_program_length check (char_length(btrim(program)) between 1 and 300),
  organisation text constraint trainings_organisation_length check (char_length(organisation) <= 300),
  hours numeric(7, 1) constraint trainings_hours_range check (hours between 0 and 100000),
  status text not null default 'completed'
    constraint trainings_status_valid check (status in ('in_progress', 'completed', 'withdrawn')),
  completed_on date,
  certificate_expires_on date,
  provenance text not null default 'self_reported'
    constraint trainings_provenance_valid check (provenance in ('self_reported', 'document_on_file', 'verified_by_staff', 'public_registry')),
  version integer not null default 1 constraint trainings_version_positive check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  archived_at timestamptz,
  constraint trainings_completion_dated check (completed_on is null or status = 'completed')
);

create trigger trainings_version before update on trainings
  for each row execute function bump_version();

create index trainings_practitioner on trainings (practitioner_id);
create index trainings_certificate_expires_on on trainings (certificate_expires_on)
  where certificate_expires_on is not null and archived_at is null;

-- ---------------------------------------------------------------------------------------------------
-- Affiliations: a practitioner's role at a clinic, one row per role (a psychiatrist can be both the
-- medical director and a prescriber), optionally at one of its locations.

create table affiliations (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references clinics (id),
  practitioner_id uuid not null references practitioners (id),
  location_id uuid references locations (id),
  external_id text constraint affiliations_external_id_key unique
    constraint affiliations_external_id_length check (char_length(external_id) between 1 and 200),
  role text not null
    constraint affiliations_role_valid check (role in ('medical_director', 'prescriber', 'therapist', 'integration_therapist', 'nurse', 'monitor', 'owner', 'other')),
  started_on date,
  ended_on date,
  version integer not null default 1 constraint affiliations_version_positive check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  archived_at timestamptz,
  constraint affiliations_dates_ordered check (ended_on is null or started_on is null or ended_on >= started_on)
);

create trigger affiliations_version before update on affiliations
  for each row execute function bump_version();

create unique index affiliations_natural_key on affiliations (clinic_id, practitioner_id, role)
  where archived_at is null;
create index affiliations_practitioner on affiliations (practitioner_id);

-- ---------------------------------------------------------------------------------------------------
-- Practice profiles: the questionnaire facts the rubric asks about, one profile per provider.
-- `facts` is the document VettingCore reads (each fact with its provenance and optional expiry; its
-- shape is versioned by facts_schema). The columns after it are denormalised from the facts for
-- search and are written together with them.

create table practice_profiles (
  id uuid primary key default gen_random_uuid(),
  provider_id uuid not null constraint practice_profiles_provider_key unique references providers (id),
  facts jsonb not null default '{}'
    constraint practice_profiles_facts_object check (jsonb_typeof(facts) = 'object'),
  facts_schema integer not null default 1 constraint practice_profiles_facts_schema_positive check (facts_schema >= 1),
  -- Routes offered: IV, IM, sublingual/oral lozenge, intranasal esketamine (REMS), at-home.
  routes text[] not null default '{}'
    constraint practice_profiles_routes_valid check (
      routes <@ array['iv', 'im', 'oral_sublingual', 'intranasal_esketamine', 'at_home']::text[]
      and array_position(routes, null) is null),
  -- Conditions treated, as slugs (depression, ptsd, anxiety, ocd, ...).
  conditions text[] not null default '{}'
    constraint practice_profiles_conditions_valid check (are_slugs(conditions)),
  accepts_insurance boolean not null default false,
  -- Payers accepted, as slugs (medicare, aetna, ...); empty when unknown or none.
  insurance_payers text[] not null default '{}'
    constraint practice_profiles_payers_valid check (are_slugs(insurance_payers)),
  sliding_scale boolean not null default false,
  telehealth_states text[] not null default '{}'
    constraint practice_profiles_telehealth_states_valid check (are_us_states(telehealth_states)),
  accepting_new_patients boolean not null default false,
  version integer not null default 1 constraint practice_profiles_version_positive check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create trigger practice_profiles_version before update on practice_profiles
  for each row execute function bump_version();

-- Array filters use containment: routes @> array['iv'], conditions && array['ptsd', 'ocd'], ...
create index practice_profiles_routes on practice_profiles using gin (routes);
create index practice_profiles_conditions on practice_profiles using gin (conditions);
create index practice_profiles_payers on practice_profiles using gin (insurance_payers);
create index practice_profiles_telehealth_states on practice_profiles using gin (telehealth_states);
