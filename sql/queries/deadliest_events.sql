-- deadliest_events: the events with the most people killed (best estimate) in a period.
-- param start: first event date included (default: 1900-01-01)
-- param end: last event date included (default: 2999-12-31)
-- param limit: how many events to list (default: 10)
with in_period as (
    select *
    from events
    where event_date between cast($start as date) and cast($end as date)
),

ranked as (
    select
        event_id,
        event_date,
        location,
        country,
        sub_event_type,
        perpetrator,
        killed_low,
        killed_best,
        killed_high,
        injured_best,
        n_sources,
        rank() over (order by coalesce(killed_best, 0) desc) as rank
    from in_period
)

select * from ranked
where rank <= cast($limit as integer)
order by rank, event_date, event_id;
