-- Publish `event_mentions` from the lake: the current extractor version's mentions (older
-- versions' rows stay in the lake), one row per mention_id (a killed run may have left a repeat).
insert into event_mentions by name
with lake_rows as (
    select * from lake_event_mentions
),

current_version as (
    select *
    from lake_rows
    where extractor_version = getvariable('extractor_version')
),

one_per_key as (
    select *
    from current_version
    qualify row_number() over (partition by mention_id order by mention_id) = 1
)

select * from one_per_key;
