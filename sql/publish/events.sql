-- Publish `events` from the lake: one row per event_id (a killed run may have left a repeat).
insert into events by name
with lake_rows as (
    select * from lake_events
),

one_per_key as (
    select *
    from lake_rows
    qualify row_number() over (partition by event_id order by event_id) = 1
)

select * from one_per_key;
