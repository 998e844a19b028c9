-- event_timeline: how one event's toll was revised, report by report (view event_timeline).
-- param event_id: the event's id (from events.event_id)
with timeline as (
    select * from event_timeline
)

select
    revision,
    reported_at,
    source_name,
    report_killed_best,
    killed_low,
    killed_best,
    killed_high,
    report_injured_best,
    injured_best
from timeline
where event_id = $event_id
order by revision;
