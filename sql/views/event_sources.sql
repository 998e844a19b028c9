-- View event_sources: one row per event and outlet that reported it, with how many of its
-- articles did, when it first and last did, and the highest toll it gave.
create or replace view event_sources as
with reports as (
    select
        event_id,
        coalesce(source_name, '(unknown)') as source_name,
        article_id,
        reported_at,
        report_killed_best
    from event_revisions
),

by_source as (
    select
        event_id,
        source_name,
        count(distinct article_id) as n_articles,
        min(reported_at) as first_reported_at,
        max(reported_at) as last_reported_at,
        max(report_killed_best) as max_killed_reported
    from reports
    group by all
)

select
    e.event_date,
    e.location,
    e.country,
    s.*
from by_source as s
inner join events as e using (event_id)
order by e.event_date, s.event_id, s.first_reported_at, s.source_name;
