-- How many rows each published table holds, for the report's summary line.
with counts as (
    select
        (select count(*) from articles) as articles,
        (select count(*) from event_mentions) as event_mentions,
        (select count(*) from events) as events,
        (select count(*) from rejects) as rejects
)

select * from counts;
