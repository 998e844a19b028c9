-- The events as ACLED-compatible rows (ACLED's column names and codes), followed by the
-- UCDP-style figures and report counts ACLED does not have. `conflict-events export` writes
-- the ACLED columns to CSV, and all columns to Parquet and GeoJSON.
--   event_id_cnty  our event_id (joins back to `events`)
--   time_precision ACLED: 1 day, 2 week, 3 month or coarser
--   geo_precision  ACLED: 1 town, 2 near a town or district, 3 region or country
--   notes          the sentence of the first report of the event
--   fatalities     killed_best, 0 when no figure was reported (ACLED's convention)
with first_reports as (
    select
        event_id,
        unnest(mention_ids) as mention_id
    from event_revisions
    where revision = 1
),

notes as (
    select
        f.event_id,
        arg_min(m.evidence, m.ordinal) as notes
    from first_reports as f
    inner join event_mentions as m using (mention_id)
    group by f.event_id
),

acled as (
    select
        e.event_id as event_id_cnty,
        e.event_date,
        e.event_type,
        e.sub_event_type,
        e.perpetrator as actor1,
        e.country,
        e.admin1,
        e.location,
        e.latitude,
        e.longitude,
        coalesce(e.geo_precision, 3) as geo_precision,
        case e.date_precision when 'day' then 1 when 'week' then 2 else 3 end as time_precision,
        n.notes,
        coalesce(e.killed_best, 0) as fatalities,
        e.killed_low,
        e.killed_best,
        e.killed_high,
        e.injured_low,
        e.injured_best,
        e.injured_high,
        e.n_articles,
        e.n_sources,
        e.first_reported_at,
        e.last_reported_at
    from events as e
    left join notes as n using (event_id)
)

select * from acled
order by event_date, event_id_cnty;
