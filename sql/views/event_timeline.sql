-- View event_timeline: every event's figures after each report, in report order, with what
-- that report itself said, so a toll rising from 6 to 10 reads down the rows.
create or replace view event_timeline as
with revisions as (
    select * from event_revisions
)

select
    r.event_id,
    e.event_date,
    e.location,
    e.country,
    r.revision,
    r.reported_at,
    r.source_name,
    r.report_killed_best,
    r.killed_low,
    r.killed_best,
    r.killed_high,
    r.report_injured_best,
    r.injured_best,
    r.article_id
from revisions as r
inner join events as e using (event_id)
order by r.event_id, r.revision;
