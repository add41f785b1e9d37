-- 0003 evidence and assessments: what a score rests on, and the scores themselves with history.

-- ---------------------------------------------------------------------------------------------------
-- Evidence items: one piece of proof for one fact about a provider. `fact` names what it proves in
-- VettingCore's vocabulary (e.g. 'license', 'training', 'screening.urine_toxicology'); license_id or
-- training_id ties it to that row when it proves one. Provenance is what the rubric weighs:
-- verified evidence earns full points, self-reported partial, expired none.

create table evidence_items (
  id uuid primary key default gen_random_uuid(),
  provider_id uuid not null references providers (id),
  external_id text constraint evidence_items_external_id_key unique
    constraint evidence_items_external_id_length check (char_length(external_id) between 1 and 200),
  fact text not null constraint evidence_items_fact_format check (fact ~ '^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$' and char_length(fact) <= 200),
  license_id uuid references licenses (id),
  training_id uuid references trainings (id),
  -- What it is ("Board of Psychology license lookup", "signed consent form template").
  description text not null
    constraint evidence_items_description_length check (char_length(btrim(description)) between 1 and 2000),
  -- Where it is: a URL, a registry query, a document-store reference.
  location text constraint evidence_items_location_length check (char_length(location) <= 2000),
  -- SHA-256 of the document on file, when there is one.
  document_sha256 bytea constraint evidence_items_document_sha256_length check (octet_length(document_sha256) = 32),
  provenance text not null
    constraint evidence_items_provenance_valid check (provenance in ('self_reported', 'document_on_file', 'verified_by_staff', 'public_registry')),
  -- Who supplied or attested it (the provider's contact, an import).
  attested_by text constraint evidence_items_attested_by_length check (char_length(attested_by) <= 200),
  -- Who verified it (staff member or registry) and when.
  verified_by text constraint evidence_items_verified_by_length check (char_length(verified_by) <= 200),
  verified_at timestamptz,
  -- When the fact was observed or the document issued.
  observed_on date,
  expires_on date,
  version integer not null default 1 constraint evidence_items_version_positive check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  archived_at timestamptz,
  constraint evidence_items_verification_recorded check (
    provenance not in ('verified_by_staff', 'public_registry')
    or (verified_by is not null and verified_at is not null)),
  constraint evidence_items_one_subject check (num_nonnulls(license_id, training_id) <= 1)
);

create trigger evidence_items_version before update on evidence_items
  for each row execute function bump_version();

create index evidence_items_provider on evidence_items (provider_id, fact);
create index evidence_items_license on evidence_items (license_id) where license_id is not null;
create index evidence_items_training on evidence_items (training_id) where training_id is not null;
-- Due for review: evidence expiring within N days.
create index evidence_items_expires_on on evidence_items (expires_on)
  where expires_on is not null and archived_at is null;

-- ---------------------------------------------------------------------------------------------------
-- Assessments: the output of VettingCore's engine, kept as history.
--
-- A row is in force from assessed_at until superseded_at (NULL while it is the latest). Inserting a
-- new assessment for a provider closes the previous one in the same statement (trigger below), so:
--   latest:            superseded_at IS NULL               (at most one per provider, unique index)
--   in force at time T: assessed_at <= T AND (superseded_at IS NULL OR superseded_at > T)
-- Rows are otherwise immutable: only superseded_at may be set, once, by that trigger; any other
-- UPDATE, DELETE and TRUNCATE are refused. Write a new assessment in the same transaction as the
-- change that caused it, which already holds the provider's row lock, so two re-scores of one
-- provider do not race.

create table assessments (
  id uuid primary key default gen_random_uuid(),
  provider_id uuid not null references providers (id),
  rubric_version text not null
    constraint assessments_rubric_version_format check (rubric_version ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$'),
  score numeric(5, 2) not null constraint assessments_score_range check (score between 0 and 100),
  tier text not null constraint assessments_tier_format check (is_slug(tier)),
  -- {"licensure": 92.5, "training": 70, ...}: area -> sub-score 0–100.
  area_scores jsonb not null default '{}'
    constraint assessments_area_scores_object check (jsonb_typeof(area_scores) = 'object'),
  -- Every criterion's outcome, points and reason, as VettingCore encodes them.
  criteria jsonb not null default '[]'
    constraint assessments_criteria_array check (jsonb_typeof(criteria) = 'array'),
  -- Every raised flag with severity and reason.
  flags jsonb not null default '[]'
    constraint assessments_flags_array check (jsonb_typeof(flags) = 'array'),
  -- Denormalised from flags for search ("no critical flags") and reports (flag frequencies).
  flag_ids text[] not null default '{}'
    constraint assessments_flag_ids_valid check (array_position(flag_ids, null) is null),
  critical_flags integer not null default 0 constraint assessments_critical_flags_range check (critical_flags >= 0),
  major_flags integer not null default 0 constraint assessments_major_flags_range check (major_flags >= 0),
  minor_flags integer not null default 0 constraint assessments_minor_flags_range check (minor_flags >= 0),
  -- SHA-256 of the engine's input (facts + rubric version + as-of date): an unchanged hash means a
  -- re-vet would reproduce this assessment byte for byte.
  input_hash bytea not null constraint assessments_input_hash_length check (octet_length(input_hash) = 32),
  -- The date the engine judged expiry against.
  as_of date not null,
  assessed_at timestamptz not null default now(),
  assessed_by text not null default 'system'
    constraint assessments_assessed_by_length check (char_length(assessed_by) between 1 and 200),
  superseded_at timestamptz,
  constraint assessments_supersession_ordered check (superseded_at is null or superseded_at >= assessed_at)
);

create unique index assessments_latest on assessments (provider_id) where superseded_at is null;
-- History and "in force at T" for one provider, and the as-of report over all of them.
create index assessments_history on assessments (provider_id, assessed_at desc);
create index assessments_in_force on assessments (assessed_at, superseded_at);
-- Search over the latest assessments: minimum score / sort by score, tier, flags.
create index assessments_latest_score on assessments (score desc, provider_id) where superseded_at is null;
create index assessments_latest_tier on assessments (tier) where superseded_at is null;
create index assessments_latest_flag_ids on assessments using gin (flag_ids) where superseded_at is null;
-- Due for review: latest assessments made under an older rubric.
create index assessments_latest_rubric on assessments (rubric_version) where superseded_at is null;

create function supersede_assessment() returns trigger
language plpgsql
as $$
declare
  previous_at timestamptz;
begin
  select assessed_at into previous_at from assessments
   where provider_id = new.provider_id and superseded_at is null
     for update;
  if found and previous_at > new.assessed_at then
    raise exception 'assessment for provider % at % is older than the one in force (assessed at %)',
      new.provider_id, new.assessed_at, previous_at
      using errcode = 'check_violation', constraint = 'assessments_supersession_ordered';
  end if;
  update assessments set superseded_at = new.assessed_at
   where provider_id = new.provider_id and superseded_at is null;
  new.superseded_at := null;
  return new;
end
$$;

-- Only the supersession trigger above may update a row (it runs at trigger depth 2; a statement
-- from a client runs at depth 1), and only to close the current assessment.
create function guard_assessment_update() returns trigger
language plpgsql
as $$
begin
  if pg_trigger_depth() > 1
     and old.superseded_at is null and new.superseded_at is not null
     and (to_jsonb(new) - 'superseded_at') = (to_jsonb(old) - 'superseded_at') then
    return new;
  end if;
  raise exception 'assessments is append-only: UPDATE is refused'
    using errcode = 'insufficient_privilege',
          hint = 'Insert a new assessment; it supersedes the current one automatically.';
end
$$;

create trigger assessments_supersede before insert on assessments
  for each row execute function supersede_assessment();
create trigger assessments_guard_update before update on assessments
  for each row execute function guard_assessment_update();
create trigger assessments_refuse_delete before delete on assessments
  for each row execute function refuse_change();
create trigger assessments_refuse_truncate before truncate on assessments
  for each statement execute function refuse_change();
