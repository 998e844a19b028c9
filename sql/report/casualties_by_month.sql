-- Killed and injured (best estimates) per country and month, from resolved events.
select
    coalesce(country, 'unknown') as country,
    cast(date_trunc('month', event_date) as date) as month,
    sum(coalesce(killed_best, 0)) as killed,
    sum(coalesce(injured_best, 0)) as injured,
    count(*) as events
from events
where event_date is not null
group by all
order by month, country;
