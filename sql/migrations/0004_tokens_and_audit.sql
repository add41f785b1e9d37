-- 0004 API tokens and the append-only audit log.

-- ---------------------------------------------------------------------------------------------------
-- API tokens: bearer tokens for the RPC API. The secret is shown once when issued; only its SHA-256
-- is stored, and a request's token is found by hashing what it presents.

create table api_tokens (
  id uuid primary key default gen_random_uuid(),
  name text not null constraint api_tokens_name_length check (char_length(btrim(name)) between 1 and 200),
  role text not null constraint api_tokens_role_valid check (role in ('referral', 'auditor', 'admin')),
  secret_sha256 bytea not null constraint api_tokens_secret_sha256_key unique
    constraint api_tokens_secret_sha256_length check (octet_length(secret_sha256) = 32),
  -- The first characters of the secret, safe to show in listings so a person can tell tokens apart.
  secret_prefix text constraint api_tokens_secret_prefix_length check (char_length(secret_prefix) <= 16),
  created_by text constraint api_tokens_created_by_length check (char_length(created_by) <= 200),
  expires_at timestamptz,
  revoked_at timestamptz,
  revoked_by text constraint api_tokens_revoked_by_length check (char_length(revoked_by) <= 200),
  last_used_at timestamptz,
  version integer not null default 1 constraint api_tokens_version_positive check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint api_tokens_revocation_recorded check ((revoked_at is null) or (revoked_by is not null))
);

-- Recording last use is not an edit: it must not invalidate the version an admin holds to revoke.
create trigger api_tokens_version before update on api_tokens
  for each row execute function bump_version('last_used_at');

-- One live token per name, so "revoke the token named ci" is unambiguous; names can be reused after
-- revocation.
create unique index api_tokens_live_name on api_tokens (name) where revoked_at is null;

-- ---------------------------------------------------------------------------------------------------
-- Audit log: every change and every assessment, written by the service in the same transaction as
-- the change. Append-only: UPDATE, DELETE and TRUNCATE are refused by triggers (SQLSTATE 42501).

create table audit_log (
  id uuid primary key default gen_random_uuid(),
  -- Insertion order, the stable order of a trail (timestamps tie within a transaction).
  seq bigint generated always as identity constraint audit_log_seq_key unique,
  occurred_at timestamptz not null default now(),
  -- Who: the token's name, a CLI user, or 'system' (scheduled re-vets, migrations).
  actor text not null constraint audit_log_actor_length check (char_length(btrim(actor)) between 1 and 200),
  actor_token_id uuid references api_tokens (id),
  -- What: create, update, archive, affiliate, verify, assess, issue_token, revoke_token, ...
  action text not null constraint audit_log_action_format check (is_slug(action)),
  entity_type text not null
    constraint audit_log_entity_type_valid check (entity_type in (
      'clinic', 'practitioner', 'location', 'license', 'training', 'affiliation',
      'practice_profile', 'evidence_item', 'assessment', 'api_token')),
  entity_id uuid not null,
  -- The provider the change concerns (a license's practitioner, a location's clinic), so a
  -- provider's whole trail is one indexed query. NULL for tokens.
  provider_id uuid references providers (id),
  -- Row images before and after (NULL before a create, NULL after a delete).
  before jsonb,
  after jsonb,
  request_id text constraint audit_log_request_id_length check (char_length(request_id) <= 200),
  reason text constraint audit_log_reason_length check (char_length(reason) <= 2000),
  constraint audit_log_has_image check (before is not null or after is not null)
);

create index audit_log_provider on audit_log (provider_id, seq) where provider_id is not null;
create index audit_log_entity on audit_log (entity_type, entity_id, seq);
create index audit_log_occurred_at on audit_log (occurred_at);

create trigger audit_log_refuse_update before update on audit_log
  for each row execute function refuse_change();
create trigger audit_log_refuse_delete before delete on audit_log
  for each row execute function refuse_change();
create trigger audit_log_refuse_truncate before truncate on audit_log
  for each statement execute function refuse_change();
