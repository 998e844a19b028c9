-- Publish `event_revisions` from the lake: one row per revision_id (a killed run may have left a repeat).
insert into event_revisions by name
with lake_rows as (
    select * from lake_event_revisions
),

one_per_key as (
    select *
    from lake_rows
    qualify row_number() over (partition by revision_id order by revision_id) = 1
)

select * from one_per_key;
