-- 0006 the assessment document is stored once, as its exact canonical bytes.
--
-- Since 0005 every assessment carries its full document (VettingCore's canonical JSON), which
-- holds every criterion's outcome and every flag with its reason. Two things made writing an
-- assessment cost far more than it needed to (measured with `vetctl demo-data`, where the
-- assessments insert was half of all database time):
--
-- 1. The `criteria` and `flags` columns repeated two parts of the document (`criteria` alone is
--    ~19 kB of a ~20 kB document), and nothing reads them: search and reports use flag_ids and
--    the counts; show-assessment and the audit reads decode the document. New assessments leave
--    them NULL. Existing rows keep their values (assessments are immutable apart from
--    supersession, and rows written before 0005 have no document, so theirs is the only
--    per-criterion record of those assessments).
--
-- 2. `document` was jsonb: PostgreSQL parsed every 20 kB document into its binary form (larger on
--    disk than the text), only for the server to read it back whole and print it as text again
--    for the application's JSON decoder. It is now `text` holding the canonical bytes exactly as
--    VettingCore wrote them, so a stored document is byte-identical to the engine's output.
--    Only the server's own canonical writer fills it (Rescorer, vetctl demo-data) and every read
--    decodes it, so validation by the database bought nothing; `json` would still have parsed
--    every document once (on 5,000 demo documents: jsonb 1.45 s, json 0.70 s, text 0.07 s).
--    For ad-hoc SQL, cast it: `document::jsonb -> 'flags'`. Existing documents are converted as
--    jsonb prints them (valid JSON, not the canonical bytes).
alter table assessments
  alter column criteria drop not null,
  alter column criteria drop default,
  alter column flags drop not null,
  alter column flags drop default;

comment on column assessments.criteria is
  'Legacy (before 0006): every criterion''s outcome. NULL since 0006; read document -> ''outcomes''.';
comment on column assessments.flags is
  'Legacy (before 0006): every raised flag. NULL since 0006; read document -> ''flags''.';

alter table assessments drop constraint assessments_document_object;
alter table assessments alter column document type text using document::text;
-- A cheap guard against storing something other than a document; the writer guarantees the rest.
alter table assessments
  add constraint assessments_document_object
    check (document is null or starts_with(document, '{'));
