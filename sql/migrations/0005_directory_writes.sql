-- 0005 what the directory writes need beyond 0002-0004.
--
-- The Admin API (proto-spec/vetting/v1/admin.proto) records a few facts the first schema had no
-- place for: the states a provider serves beyond its locations, a practitioner's discipline and
-- whether they are listed on their own, a training program's free-text name, evidence subjects in
-- VettingCore's FactKey spelling (which uses hyphens), and the full assessment document.

-- States served (in person or by telehealth) beyond the states of the provider's locations.
alter table clinics
  add column states_served text[] not null default '{}'
    constraint clinics_states_served_valid check (are_us_states(states_served));

alter table practitioners
  add column states_served text[] not null default '{}'
    constraint practitioners_states_served_valid check (are_us_states(states_served)),
  -- VettingCore's Discipline, spelled as a slug (psychiatric_nursing for "psychiatric-nursing").
  add column discipline text not null default 'other'
    constraint practitioners_discipline_valid check (discipline in (
      'psychiatry', 'psychiatric_nursing', 'psychology', 'psychotherapy', 'anesthesiology',
      'emergency_medicine', 'pain_medicine', 'primary_care', 'other')),
  -- Listed on their own as a provider (a private practice), not only as a clinic's team member.
  add column listed_solo boolean not null default false;

-- Search lists solo practitioners only.
create index practitioners_listed_solo on practitioners (id) where listed_solo and archived_at is null;

-- `program` holds VettingCore's TrainingProgram id; program_name the program's own name (needed
-- when program is 'other').
alter table trainings
  add column program_name text
    constraint trainings_program_name_length check (char_length(program_name) <= 300);

-- Evidence subjects are VettingCore FactKey raw values ("urine-toxicology"), optionally dotted.
alter table evidence_items drop constraint evidence_items_fact_format;
alter table evidence_items
  add constraint evidence_items_fact_format
    check (fact ~ '^[a-z][a-z0-9_-]*(\.[a-z][a-z0-9_-]*)*$' and char_length(fact) <= 200);

-- The whole assessment as VettingCore encodes it (canonical JSON), so it can be read back exactly:
-- area_scores, criteria and flags stay as the query-friendly projections.
alter table assessments
  add column document jsonb
    constraint assessments_document_object check (document is null or jsonb_typeof(document) = 'object');
