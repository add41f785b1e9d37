-- 0008 the audit log is hash-chained, so an edited, removed or reordered entry can be found.
--
-- The append-only triggers of 0004 stop the application, not the table's owner: a superuser or the
-- owner can disable them and edit a row, and nothing would show it. Now every entry carries
--
--   chain_position  1, 2, 3, ... with no gaps: the entry's place in the chain
--   prev_hash       the entry_hash of the entry at chain_position - 1 (32 zero bytes for the first)
--   entry_hash      sha256(prev_hash || audit_log_canonical(entry))
--
-- so changing any hashed field of one entry breaks its own entry_hash, and removing or inserting
-- one breaks the next entry's prev_hash. `Audit/VerifyAuditLog` (`vetctl audit verify`) walks the
-- chain and names the first broken entry. The canonical bytes are defined in docs/SCHEMA.md
-- ("Audit log hash chain") precisely enough to re-verify with plain SQL or a script.
--
-- One chain for concurrent writers: the BEFORE INSERT trigger locks the single row of
-- audit_chain_head (SELECT ... FOR UPDATE) and chains after the head (or after the transaction's
-- own last entry); a deferred trigger moves the head to the transaction's last entry at commit.
-- The row lock is held until the inserting transaction ends, so transactions that append audit
-- entries are serialised from their first audit insert to their commit or rollback; a rollback
-- releases the lock with the head unchanged. In READ COMMITTED (every directory write) a
-- waiter re-reads the head after the holder commits and chains after it; in REPEATABLE READ or
-- SERIALIZABLE a waiter gets a serialization failure (40001) rather than a fork. The unique
-- constraints on chain_position and prev_hash make a fork impossible whatever the isolation.
--
-- seq (the identity, the order of trails) is assigned before the trigger runs, so under concurrent
-- writers it may differ from the chain order; the chain is walked by chain_position.

create table audit_chain_head (
  singleton boolean primary key default true constraint audit_chain_head_singleton check (singleton),
  position bigint not null constraint audit_chain_head_position_nonnegative check (position >= 0),
  entry_hash bytea not null constraint audit_chain_head_entry_hash_length check (octet_length(entry_hash) = 32)
);

comment on table audit_chain_head is
  'The last link of the audit_log hash chain (one row). Locked FOR UPDATE by every audit_log insert until its transaction ends.';

insert into audit_chain_head (position, entry_hash) values (0, '\x0000000000000000000000000000000000000000000000000000000000000000');

alter table audit_log
  add column chain_position bigint,
  add column prev_hash bytea,
  add column entry_hash bytea;

-- One field of the canonical bytes: '-' for NULL, otherwise the octet length of the value's UTF-8
-- text in decimal, ':' and the text.
create function audit_chain_field(value text) returns text
language sql immutable
as $$
  select case when value is null then '-'
              else octet_length(convert_to(value, 'UTF8'))::text || ':' || value end
$$;

-- The bytes an entry's hash covers (docs/SCHEMA.md, "Audit log hash chain"): a version line, then
-- one line per field in this order. Timestamps are UTC with microseconds whatever the session's
-- TimeZone; jsonb is PostgreSQL's own text form of the value (deterministic for equal values).
create function audit_log_canonical(entry audit_log) returns bytea
language sql stable
as $$
  select convert_to(
    'vetting.audit_log.v1' || E'\n'
    || audit_chain_field(entry.chain_position::text) || E'\n'
    || audit_chain_field(entry.seq::text) || E'\n'
    || audit_chain_field(entry.id::text) || E'\n'
    || audit_chain_field(to_char(entry.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')) || E'\n'
    || audit_chain_field(entry.actor) || E'\n'
    || audit_chain_field(entry.actor_token_id::text) || E'\n'
    || audit_chain_field(entry.action) || E'\n'
    || audit_chain_field(entry.entity_type) || E'\n'
    || audit_chain_field(entry.entity_id::text) || E'\n'
    || audit_chain_field(entry.provider_id::text) || E'\n'
    || audit_chain_field(entry.before::text) || E'\n'
    || audit_chain_field(entry.after::text) || E'\n'
    || audit_chain_field(entry.request_id) || E'\n'
    || audit_chain_field(entry.reason) || E'\n',
    'UTF8')
$$;

-- Existing entries are chained in seq order (the order they were written in: before this
-- migration there was no concurrent chain to disagree with). The update trigger refuses every
-- change, so it is off for this transaction only; the exclusive lock keeps writers out meanwhile.
lock table audit_log in exclusive mode;
alter table audit_log disable trigger audit_log_refuse_update;

do $$
declare
  entry audit_log;
  last_position bigint := 0;
  previous bytea := '\x0000000000000000000000000000000000000000000000000000000000000000';
begin
  for entry in select * from audit_log order by seq loop
    last_position := last_position + 1;
    entry.chain_position := last_position;
    entry.prev_hash := previous;
    entry.entry_hash := sha256(previous || audit_log_canonical(entry));
    update audit_log
       set chain_position = entry.chain_position, prev_hash = entry.prev_hash,
           entry_hash = entry.entry_hash
     where id = entry.id;
    previous := entry.entry_hash;
  end loop;
  update audit_chain_head set position = last_position, entry_hash = previous;
end
$$;

alter table audit_log enable trigger audit_log_refuse_update;

alter table audit_log
  alter column chain_position set not null,
  alter column prev_hash set not null,
  alter column entry_hash set not null,
  add constraint audit_log_chain_position_key unique (chain_position),
  add constraint audit_log_prev_hash_key unique (prev_hash),
  add constraint audit_log_chain_position_positive check (chain_position >= 1),
  add constraint audit_log_prev_hash_length check (octet_length(prev_hash) = 32),
  add constraint audit_log_entry_hash_length check (octet_length(entry_hash) = 32);

-- Every insert is chained here, whatever the inserting statement says about these three columns.
-- The head's row lock serialises writers; the head itself is written once per transaction, at
-- commit (audit_log_chain_head below): updating it on every insert made a transaction's inserts
-- cost more the more it had made (each update left a row version the next lock had to step over;
-- measured 8,000 entries in one statement: 5.9 s, now 0.9 s, unchained 0.16 s). Entries past the
-- head's position can only be this transaction's own (any other writer has committed and moved
-- the head, or waits for our lock), so the previous link is our own last entry if there is one,
-- else the head.
create function audit_log_chain() returns trigger
language plpgsql
as $$
declare
  head audit_chain_head;
  previous_position bigint;
  previous_hash bytea;
begin
  select * into strict head from audit_chain_head for update;
  select l.chain_position, l.entry_hash into previous_position, previous_hash
    from audit_log l
   where l.chain_position > head.position
   order by l.chain_position desc
   limit 1;
  if previous_position is null then
    previous_position := head.position;
    previous_hash := head.entry_hash;
  end if;
  new.chain_position := previous_position + 1;
  new.prev_hash := previous_hash;
  new.entry_hash := sha256(new.prev_hash || audit_log_canonical(new));
  return new;
end
$$;

create trigger audit_log_chain before insert on audit_log
  for each row execute function audit_log_chain();

-- At commit, the transaction's last entry becomes the head (one update per transaction).
create function audit_log_chain_head() returns trigger
language plpgsql
as $$
begin
  if new.chain_position = (select max(chain_position) from audit_log) then
    update audit_chain_head
       set position = new.chain_position, entry_hash = new.entry_hash
     where position < new.chain_position;
  end if;
  return null;
end
$$;

create constraint trigger audit_log_chain_head after insert on audit_log
  deferrable initially deferred
  for each row execute function audit_log_chain_head();

comment on column audit_log.chain_position is
  'Place in the hash chain: 1, 2, 3, ... without gaps (set by the audit_log_chain trigger).';
comment on column audit_log.prev_hash is
  'entry_hash of the entry at chain_position - 1; 32 zero bytes for the first entry.';
comment on column audit_log.entry_hash is
  'sha256(prev_hash || audit_log_canonical(entry)); see docs/SCHEMA.md, "Audit log hash chain".';
