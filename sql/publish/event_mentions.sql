-- Publish `event_mentions` from the lake: one row per mention_id (a killed run may have left a repeat).
insert into event_mentions by name
with lake_rows as (
    select * from lake_event_mentions
),

one_per_key as (
    select *
    from lake_rows
    qualify row_number() over (partition by mention_id order by mention_id) = 1
)

select * from one_per_key;
