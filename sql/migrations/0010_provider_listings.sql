-- 0010 provider listings: the read model SearchProviders scans.
--
-- One row per listed provider (a clinic, or a practitioner with listed_solo; never an archived
-- one) carrying everything search filters, sorts and returns, so every search shape is an indexed
-- scan of these tables instead of reading clinics and solo practitioners whole (docs/SEARCH.md):
--   provider_listings  name, kind, the location shown when no location filter is given, the
--                      practice profile's arrays, the latest assessment's summary
--   listing_names      the names text search matches: the provider's own and, for a clinic, each
--                      unarchived team member's (affiliation unarchived)
--   listing_places     the provider's unarchived locations (what the location filters and near read)
--
-- The tables are written by triggers on every table they mirror (clinics, practitioners,
-- affiliations, locations, practice_profiles, assessments), in the same transaction as the write,
-- whichever path wrote the rows (the Admin API's unit of work, import, re-score, the bulk and demo
-- loaders, plain SQL), so a committed listing is never stale. Each statement queues the providers
-- it touched; at commit refresh_listings(ids) recomputes their rows from the *_source views below,
-- one set-based statement per table, whether one provider changed or 100,000. The views are also
-- what listing_drift() compares the tables with.

-- ---------------------------------------------------------------------------------------------------
-- What the listings should say, computed from the source tables.

create view provider_listing_source as
select pr.provider_id, pr.kind, pr.name, lower(pr.name) as sort_name,
       loc.city, loc.state, loc.postal_code,
       pp.routes, pp.conditions, pp.insurance_payers, pp.sliding_scale, pp.telehealth_states,
       pp.accepting_new_patients,
       a.id as assessment_id, a.rubric_version, a.score, a.tier, a.critical_flags, a.major_flags,
       a.minor_flags, a.flag_ids, a.assessed_at, a.completeness,
       coalesce(cardinality(a.open_items), 0) as open_items
  from (select c.id as provider_id, 'clinic'::text as kind, c.name
          from clinics c
         where c.archived_at is null
        union all
        select p.id, 'practitioner'::text, p.full_name
          from practitioners p
         where p.listed_solo and p.archived_at is null) pr
  left join lateral (
         select l.city, l.state, l.postal_code
           from locations l
          where l.provider_id = pr.provider_id and l.archived_at is null
          order by l.is_primary desc, l.created_at, l.id
          limit 1) loc on true
  left join practice_profiles pp on pp.provider_id = pr.provider_id
  left join assessments a on a.provider_id = pr.provider_id and a.superseded_at is null;

comment on view provider_listing_source is
  'What provider_listings must hold, from the source tables (refresh_listings, listing_drift).';

-- May repeat a (provider, name) pair: a team member named like the clinic, or two alike.
create view listing_name_source as
select c.id as provider_id, c.name
  from clinics c
 where c.archived_at is null
union all
select af.clinic_id, tm.full_name
  from affiliations af
  join practitioners tm on tm.id = af.practitioner_id
  join clinics c on c.id = af.clinic_id
 where af.archived_at is null and tm.archived_at is null and c.archived_at is null
union all
select p.id, p.full_name
  from practitioners p
 where p.listed_solo and p.archived_at is null;

comment on view listing_name_source is
  'What listing_names must hold (with repeats), from the source tables.';

create view listing_place_source as
select l.id as location_id, l.provider_id, l.city, l.state, l.zip5, l.postal_code,
       l.latitude, l.longitude, l.is_primary, l.created_at
  from locations l
 where l.archived_at is null
   and (exists (select 1 from clinics c where c.id = l.provider_id and c.archived_at is null)
        or exists (select 1 from practitioners p
                    where p.id = l.provider_id and p.listed_solo and p.archived_at is null));

comment on view listing_place_source is
  'What listing_places must hold, from the source tables.';

-- ---------------------------------------------------------------------------------------------------
-- The read model.

create table provider_listings (
  provider_id uuid primary key references providers (id),
  kind text not null,
  name text not null,
  sort_name text not null,
  -- The location shown when the search has no location filter: primary, then oldest.
  city text,
  state text,
  postal_code text,
  -- The practice profile; NULL when the provider has none (profile filters then exclude it).
  routes text[],
  conditions text[],
  insurance_payers text[],
  sliding_scale boolean,
  telehealth_states text[],
  accepting_new_patients boolean,
  -- The latest assessment; NULL when the provider has none.
  assessment_id uuid,
  rubric_version text,
  score numeric(5, 2),
  tier text,
  critical_flags integer,
  major_flags integer,
  minor_flags integer,
  flag_ids text[],
  assessed_at timestamptz,
  completeness smallint,
  open_items integer not null,
  -- The sort keys search orders by (docs/SEARCH.md "Order and paging").
  disqualified boolean generated always as (coalesce(critical_flags, 0) > 0) stored,
  score_key numeric generated always as (coalesce(score, -1)) stored
);

comment on table provider_listings is
  'Search read model: one row per listed, unarchived provider; kept by triggers (0010).';

create index provider_listings_by_score
  on provider_listings (disqualified, score_key desc, sort_name, provider_id);
create index provider_listings_by_name on provider_listings (disqualified, sort_name, provider_id);
create index provider_listings_routes on provider_listings using gin (routes);
create index provider_listings_conditions on provider_listings using gin (conditions);
create index provider_listings_payers on provider_listings using gin (insurance_payers);
create index provider_listings_telehealth_states on provider_listings using gin (telehealth_states);
create index provider_listings_tier on provider_listings (tier);

create table listing_names (
  provider_id uuid not null references provider_listings (provider_id) on delete cascade,
  name text not null,
  primary key (provider_id, name)
);

comment on table listing_names is
  'Search read model: the names a listed provider is found by (own, and a clinic''s team).';

create index listing_names_trgm on listing_names using gin (name gin_trgm_ops);

create table listing_places (
  location_id uuid primary key,
  provider_id uuid not null references provider_listings (provider_id) on delete cascade,
  city text not null,
  state text not null,
  zip5 text not null,
  postal_code text not null,
  latitude double precision,
  longitude double precision,
  is_primary boolean not null,
  created_at timestamptz not null
);

comment on table listing_places is
  'Search read model: the unarchived locations of listed providers.';

create index listing_places_provider on listing_places (provider_id);
create index listing_places_earth on listing_places using gist (ll_to_earth(latitude, longitude));
create index listing_places_state_city on listing_places (state, lower(city));
create index listing_places_zip5 on listing_places (zip5);

-- ---------------------------------------------------------------------------------------------------
-- Keeping it current.

create function refresh_listings(ids uuid[]) returns void
language plpgsql
as $$
begin
  if ids is null or cardinality(ids) = 0 then
    return;
  end if;
  -- Two transactions that change one provider through different tables (a location here, the
  -- profile there) must not each write a row computed without the other's change. Lock the rows
  -- first; in READ COMMITTED each statement below then takes a snapshot that includes whatever the
  -- lock waited for (in REPEATABLE READ the second writer gets a serialization failure instead).
  perform 1 from provider_listings l where l.provider_id = any (ids)
    order by l.provider_id for update;

  delete from provider_listings l
   where l.provider_id = any (ids)
     and not exists (select 1 from clinics c where c.id = l.provider_id and c.archived_at is null)
     and not exists (select 1 from practitioners p
                      where p.id = l.provider_id and p.listed_solo and p.archived_at is null);

  insert into provider_listings as t
         (provider_id, kind, name, sort_name, city, state, postal_code, routes, conditions,
          insurance_payers, sliding_scale, telehealth_states, accepting_new_patients,
          assessment_id, rubric_version, score, tier, critical_flags, major_flags, minor_flags,
          flag_ids, assessed_at, completeness, open_items)
  select s.provider_id, s.kind, s.name, s.sort_name, s.city, s.state, s.postal_code, s.routes,
         s.conditions, s.insurance_payers, s.sliding_scale, s.telehealth_states,
         s.accepting_new_patients, s.assessment_id, s.rubric_version, s.score, s.tier,
         s.critical_flags, s.major_flags, s.minor_flags, s.flag_ids, s.assessed_at,
         s.completeness, s.open_items
    from provider_listing_source s
   where s.provider_id = any (ids)
  on conflict (provider_id) do update
     set kind = excluded.kind, name = excluded.name, sort_name = excluded.sort_name,
         city = excluded.city, state = excluded.state, postal_code = excluded.postal_code,
         routes = excluded.routes, conditions = excluded.conditions,
         insurance_payers = excluded.insurance_payers, sliding_scale = excluded.sliding_scale,
         telehealth_states = excluded.telehealth_states,
         accepting_new_patients = excluded.accepting_new_patients,
         assessment_id = excluded.assessment_id, rubric_version = excluded.rubric_version,
         score = excluded.score, tier = excluded.tier, critical_flags = excluded.critical_flags,
         major_flags = excluded.major_flags, minor_flags = excluded.minor_flags,
         flag_ids = excluded.flag_ids, assessed_at = excluded.assessed_at,
         completeness = excluded.completeness, open_items = excluded.open_items
   where (t.kind, t.name, t.sort_name, t.city, t.state, t.postal_code, t.routes, t.conditions,
          t.insurance_payers, t.sliding_scale, t.telehealth_states, t.accepting_new_patients,
          t.assessment_id, t.rubric_version, t.score, t.tier, t.critical_flags, t.major_flags,
          t.minor_flags, t.flag_ids, t.assessed_at, t.completeness, t.open_items)
         is distinct from
         (excluded.kind, excluded.name, excluded.sort_name, excluded.city, excluded.state,
          excluded.postal_code, excluded.routes, excluded.conditions, excluded.insurance_payers,
          excluded.sliding_scale, excluded.telehealth_states, excluded.accepting_new_patients,
          excluded.assessment_id, excluded.rubric_version, excluded.score, excluded.tier,
          excluded.critical_flags, excluded.major_flags, excluded.minor_flags, excluded.flag_ids,
          excluded.assessed_at, excluded.completeness, excluded.open_items);

  delete from listing_names n
   using (select provider_id, name from listing_names where provider_id = any (ids)
          except
          select provider_id, name from listing_name_source where provider_id = any (ids)) gone
   where n.provider_id = gone.provider_id and n.name = gone.name;

  insert into listing_names (provider_id, name)
  select distinct s.provider_id, s.name from listing_name_source s where s.provider_id = any (ids)
  on conflict do nothing;

  delete from listing_places p
   using (select location_id from listing_places where provider_id = any (ids)
          except
          select location_id from listing_place_source where provider_id = any (ids)) gone
   where p.location_id = gone.location_id;

  insert into listing_places as t
         (location_id, provider_id, city, state, zip5, postal_code, latitude, longitude,
          is_primary, created_at)
  select s.location_id, s.provider_id, s.city, s.state, s.zip5, s.postal_code, s.latitude,
         s.longitude, s.is_primary, s.created_at
    from listing_place_source s
   where s.provider_id = any (ids)
  on conflict (location_id) do update
     set provider_id = excluded.provider_id, city = excluded.city, state = excluded.state,
         zip5 = excluded.zip5, postal_code = excluded.postal_code, latitude = excluded.latitude,
         longitude = excluded.longitude, is_primary = excluded.is_primary,
         created_at = excluded.created_at
   where (t.provider_id, t.city, t.state, t.zip5, t.postal_code, t.latitude, t.longitude,
          t.is_primary, t.created_at)
         is distinct from
         (excluded.provider_id, excluded.city, excluded.state, excluded.zip5, excluded.postal_code,
          excluded.latitude, excluded.longitude, excluded.is_primary, excluded.created_at);
end
$$;

comment on function refresh_listings(uuid[]) is
  'Recomputes the listings (provider_listings, listing_names, listing_places) of these providers.';

-- Every write to a mirrored table queues the providers it touched (a statement-level AFTER trigger
-- per table and event: one queue row per statement, holding an array of ids); a deferred constraint
-- trigger on the queue refreshes them all once, when the transaction commits. A unit of work that
-- writes a clinic, its locations, profile and assessment in six statements refreshes that clinic
-- once; a bulk load of 100,000 providers refreshes them in one set-based pass. Queue rows never
-- outlive their transaction (the flush deletes them), so other transactions never see them.
create table listing_refresh_queue (
  ids uuid[] not null
);

comment on table listing_refresh_queue is
  'Providers whose listings this transaction must refresh before it commits (always empty outside one).';

-- TG_ARGV[0] names the column holding the provider whose listing the row feeds (id, provider_id or
-- clinic_id). The transition tables are new_rows (INSERT, UPDATE) and old_rows (UPDATE, DELETE).
create function follow_listings() returns trigger
language plpgsql
as $$
declare
  changed text;
  ids uuid[];
begin
  changed := case tg_op
               when 'INSERT' then 'select * from new_rows'
               when 'DELETE' then 'select * from old_rows'
               else 'select * from new_rows union all select * from old_rows'
             end;
  execute format('select array_agg(distinct r.%I) from (%s) r', tg_argv[0], changed) into ids;
  if ids is not null then
    insert into listing_refresh_queue (ids) values (ids);
  end if;
  return null;
end
$$;

-- Takes every queued id (the first firing in a transaction does the work; later ones find the
-- queue empty). A practitioner's change also refreshes the clinics they are affiliated with: their
-- name is found through them.
create function flush_listings() returns trigger
language plpgsql
as $$
declare
  ids uuid[];
begin
  with taken as (delete from listing_refresh_queue q returning q.ids)
  select array_agg(distinct u.id) into ids from taken, unnest(taken.ids) as u (id);
  if ids is null then
    return null;
  end if;
  ids := ids || array(select distinct af.clinic_id
                        from affiliations af join unnest(ids) as u (id) on af.practitioner_id = u.id);
  perform refresh_listings(ids);
  return null;
end
$$;

create constraint trigger listing_refresh_queue_flush after insert on listing_refresh_queue
  deferrable initially deferred for each row execute function flush_listings();

create trigger clinics_listings_insert after insert on clinics
  referencing new table as new_rows for each statement execute function follow_listings('id');
create trigger clinics_listings_update after update on clinics
  referencing old table as old_rows new table as new_rows
  for each statement execute function follow_listings('id');
create trigger clinics_listings_delete after delete on clinics
  referencing old table as old_rows for each statement execute function follow_listings('id');

create trigger practitioners_listings_insert after insert on practitioners
  referencing new table as new_rows for each statement execute function follow_listings('id');
create trigger practitioners_listings_update after update on practitioners
  referencing old table as old_rows new table as new_rows
  for each statement execute function follow_listings('id');
create trigger practitioners_listings_delete after delete on practitioners
  referencing old table as old_rows for each statement execute function follow_listings('id');

create trigger affiliations_listings_insert after insert on affiliations
  referencing new table as new_rows for each statement execute function follow_listings('clinic_id');
create trigger affiliations_listings_update after update on affiliations
  referencing old table as old_rows new table as new_rows
  for each statement execute function follow_listings('clinic_id');
create trigger affiliations_listings_delete after delete on affiliations
  referencing old table as old_rows for each statement execute function follow_listings('clinic_id');

create trigger locations_listings_insert after insert on locations
  referencing new table as new_rows for each statement execute function follow_listings('provider_id');
create trigger locations_listings_update after update on locations
  referencing old table as old_rows new table as new_rows
  for each statement execute function follow_listings('provider_id');
create trigger locations_listings_delete after delete on locations
  referencing old table as old_rows for each statement execute function follow_listings('provider_id');

create trigger practice_profiles_listings_insert after insert on practice_profiles
  referencing new table as new_rows for each statement execute function follow_listings('provider_id');
create trigger practice_profiles_listings_update after update on practice_profiles
  referencing old table as old_rows new table as new_rows
  for each statement execute function follow_listings('provider_id');
create trigger practice_profiles_listings_delete after delete on practice_profiles
  referencing old table as old_rows for each statement execute function follow_listings('provider_id');

create trigger assessments_listings_insert after insert on assessments
  referencing new table as new_rows for each statement execute function follow_listings('provider_id');
create trigger assessments_listings_update after update on assessments
  referencing old table as old_rows new table as new_rows
  for each statement execute function follow_listings('provider_id');

-- ---------------------------------------------------------------------------------------------------
-- Drift: every provider whose stored listing rows differ from what the source tables say, by table.
-- Empty when the triggers have done their job (vetctl check-listings; ListingDrift in VettingStore).

create function listing_drift() returns table (relation text, provider_id uuid)
language sql stable
as $$
  select distinct 'provider_listings', d.provider_id
    from ((select provider_id, kind, name, sort_name, city, state, postal_code, routes, conditions,
                  insurance_payers, sliding_scale, telehealth_states, accepting_new_patients,
                  assessment_id, rubric_version, score, tier, critical_flags, major_flags,
                  minor_flags, flag_ids, assessed_at, completeness, open_items
             from provider_listings
           except
           select * from provider_listing_source)
          union all
          (select * from provider_listing_source
           except
           select provider_id, kind, name, sort_name, city, state, postal_code, routes, conditions,
                  insurance_payers, sliding_scale, telehealth_states, accepting_new_patients,
                  assessment_id, rubric_version, score, tier, critical_flags, major_flags,
                  minor_flags, flag_ids, assessed_at, completeness, open_items
             from provider_listings)) d
  union all
  select distinct 'listing_names', d.provider_id
    from ((select provider_id, name from listing_names
           except select provider_id, name from listing_name_source)
          union all
          (select provider_id, name from listing_name_source
           except select provider_id, name from listing_names)) d
  union all
  select distinct 'listing_places', d.provider_id
    from ((select location_id, provider_id, city, state, zip5, postal_code, latitude, longitude,
                  is_primary, created_at
             from listing_places
           except select * from listing_place_source)
          union all
          (select * from listing_place_source
           except select location_id, provider_id, city, state, zip5, postal_code, latitude,
                         longitude, is_primary, created_at
                    from listing_places)) d
  order by 1, 2
$$;

comment on function listing_drift() is
  'Providers whose listing rows differ from provider_listing_source / listing_name_source / listing_place_source.';

-- ---------------------------------------------------------------------------------------------------
-- Fill once from what is there (the triggers keep it from here on).

insert into provider_listings
       (provider_id, kind, name, sort_name, city, state, postal_code, routes, conditions,
        insurance_payers, sliding_scale, telehealth_states, accepting_new_patients, assessment_id,
        rubric_version, score, tier, critical_flags, major_flags, minor_flags, flag_ids,
        assessed_at, completeness, open_items)
select * from provider_listing_source;

insert into listing_names (provider_id, name)
select distinct provider_id, name from listing_name_source;

insert into listing_places
       (location_id, provider_id, city, state, zip5, postal_code, latitude, longitude, is_primary,
        created_at)
select * from listing_place_source;

analyze provider_listings;
analyze listing_names;
analyze listing_places;
