-- View casualties_by_country_month: killed and injured (UCDP low/best/high summed over
-- events) per country and calendar month of the event date.
create or replace view casualties_by_country_month as
with dated_events as (
    select
        coalesce(country, '(unknown)') as country,
        country_iso,
        date_trunc('month', event_date)::date as month,
        killed_low,
        killed_best,
        killed_high,
        injured_best
    from events
    where event_date is not null
),

by_country_month as (
    select
        country,
        country_iso,
        month,
        count(*) as n_events,
        sum(killed_low) as killed_low,
        sum(killed_best) as killed_best,
        sum(killed_high) as killed_high,
        sum(injured_best) as injured_best
    from dated_events
    group by all
)

select * from by_country_month
order by month, country;
