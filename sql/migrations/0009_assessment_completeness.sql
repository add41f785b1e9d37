-- 0009 completeness: how much of the applicable evidence each assessment had on file.
--
-- Rubric 2026.2 tells "we don't know yet" from "they don't do it": every assessment reports,
-- beside its score, the share of the applicable criteria's points whose fact is on record, and
-- the open items (criteria whose fact is not on record or whose evidence expired). Both are a
-- pure function of the document's outcomes (VettingCore `Assessment.completeness`); they are
-- stored beside it so search, reports and `vetctl due` read them without decoding documents.
--   completeness  0–100, rounded down; NULL only for rows with no document (before 0005)
--   open_items    one "criterion-id: reason" line per open item, in rubric order
alter table assessments
  add column completeness smallint
    constraint assessments_completeness_range check (completeness between 0 and 100),
  add column open_items text[]
    constraint assessments_open_items_valid check (array_position(open_items, null) is null);

comment on column assessments.completeness is
  'Percent of the applicable criteria''s points whose evidence is on file (0009+: derived from document).';
comment on column assessments.open_items is
  'Applicable criteria whose fact is not on record or expired: "criterion-id: reason" lines.';

-- Fill both for every stored assessment that has its document, computed exactly as VettingCore
-- computes them. Assessments are otherwise append-only (guard_assessment_update); the guard is
-- lifted for this one statement, which writes only the two new derived columns, and restored
-- before the migration commits (migrations run in one transaction).
alter table assessments disable trigger assessments_guard_update;

with measured as (
  select a.id,
         coalesce(sum((o ->> 'possibleHundredths')::bigint)
                    filter (where o ->> 'status' <> 'not-applicable'), 0) as applicable,
         coalesce(sum((o ->> 'possibleHundredths')::bigint)
                    filter (where o ->> 'status' <> 'not-applicable'
                              and o -> 'basis' ->> 'finding' not in ('missing', 'expired')), 0)
           as on_file,
         coalesce(array_agg((o ->> 'criterionID') || ': ' || (o ->> 'reason') order by n)
                    filter (where o ->> 'status' <> 'not-applicable'
                              and o -> 'basis' ->> 'finding' in ('missing', 'expired')),
                  '{}') as open_items
    from assessments a
         cross join lateral jsonb_array_elements(a.document::jsonb -> 'outcomes')
           with ordinality as outcome (o, n)
   where a.document is not null
   group by a.id
)
update assessments a
   set completeness = case when m.applicable > 0 then (m.on_file * 100 / m.applicable)::smallint
                           else 0 end,
       open_items = m.open_items
  from measured m
 where a.id = m.id;

alter table assessments enable trigger assessments_guard_update;
