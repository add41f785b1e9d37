-- 0001 foundation: extensions and the helper functions every later table relies on.
--
-- Each migration runs in its own transaction (the runner wraps it); do not put BEGIN/COMMIT here.

-- The private clusters of ops/db pre-create these in template1; a cluster made otherwise needs a
-- superuser to create earthdistance once (it is not a "trusted" extension), the others are trusted.
create extension if not exists cube;
create extension if not exists earthdistance;
create extension if not exists pg_trgm;
create extension if not exists pgcrypto;

-- US state, district and territory codes (USPS). One list, used by every state column and array, so
-- "ZZ" or "Texas" is refused by the database itself, not only by the API.
create function us_state_codes() returns text[]
language sql immutable parallel safe
as $$
  select array[
    'AL','AK','AZ','AR','CA','CO','CT','DE','FL','GA','HI','ID','IL','IN','IA','KS','KY','LA',
    'ME','MD','MA','MI','MN','MS','MO','MT','NE','NV','NH','NJ','NM','NY','NC','ND','OH','OK',
    'OR','PA','RI','SC','SD','TN','TX','UT','VT','VA','WA','WV','WI','WY',
    'DC','PR','GU','VI','AS','MP'
  ]::text[]
$$;

comment on function us_state_codes() is
  'USPS codes of the 50 states, DC and the five inhabited territories; the domain of every state column.';

create function is_us_state(code text) returns boolean
language sql immutable parallel safe
as $$ select code = any (us_state_codes()) $$;

-- True when every element is a state code and none is NULL (an empty array is valid).
create function are_us_states(codes text[]) returns boolean
language sql immutable parallel safe
as $$ select codes <@ us_state_codes() and array_position(codes, null) is null $$;

-- Lower-case identifiers used for open-ended vocabularies (conditions treated, payers, flag ids):
-- values stay comparable without freezing the list in a CHECK.
create function is_slug(value text) returns boolean
language sql immutable parallel safe
as $$ select value ~ '^[a-z][a-z0-9_]{0,62}$' $$;

create function are_slugs(vals text[]) returns boolean
language sql immutable parallel safe
as $$
  select array_position(vals, null) is null
     and not exists (select 1 from unnest(vals) v where not is_slug(v))
$$;

-- Optimistic concurrency, enforced in one place: every UPDATE of a versioned row that changes
-- something bumps `version` by exactly one and stamps `updated_at`, whatever the statement set them
-- to. Writers update with `WHERE id = $1 AND version = $expected`; zero rows means someone else won.
-- An UPDATE that changes nothing (ignoring the columns named in the trigger's arguments, e.g. a
-- token's last_used_at) leaves version and updated_at alone, so a no-op retry does not invalidate
-- the version a client holds. Generated columns are ignored too: in a BEFORE trigger NEW holds
-- NULL for them (they are computed afterwards), so comparing them would see a change every time.
create function bump_version() returns trigger
language plpgsql
as $$
declare
  ignored text[] := array['version', 'updated_at'] || coalesce(tg_argv::text[], '{}');
begin
  ignored := ignored || coalesce(
    (select array_agg(attname::text) from pg_attribute
      where attrelid = tg_relid and attgenerated <> '' and not attisdropped),
    '{}');
  if (to_jsonb(new) - ignored) is distinct from (to_jsonb(old) - ignored) then
    new.version := old.version + 1;
    new.updated_at := now();
  else
    new.version := old.version;
    new.updated_at := old.updated_at;
  end if;
  return new;
end
$$;

comment on function bump_version() is
  'BEFORE UPDATE trigger: version := old.version + 1 and updated_at := now() when a column other than those in TG_ARGV changed.';

-- Append-only tables (audit_log, assessment history) refuse changes with SQLSTATE 42501
-- (insufficient_privilege) and a message naming the table and the operation.
create function refuse_change() returns trigger
language plpgsql
as $$
begin
  raise exception '% is append-only: % is refused', tg_table_name, tg_op
    using errcode = 'insufficient_privilege',
          hint = 'Record a correction as a new row instead.';
end
$$;
