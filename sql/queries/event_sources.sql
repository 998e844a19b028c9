-- event_sources: which outlets reported each event, how often, and when (view event_sources).
-- param event_id: one event's id; every event when null (default: null)
with sources as (
    select * from event_sources
)

select *
from sources
where $event_id is null or event_id = $event_id
order by event_date, event_id, first_reported_at, source_name;
