-- Every located event, for the map.
select
    event_id,
    cast(event_date as varchar) as event_date,
    location,
    country,
    sub_event_type,
    latitude,
    longitude,
    coalesce(killed_best, 0) as killed,
    coalesce(injured_best, 0) as injured
from events
where latitude is not null and longitude is not null
order by killed desc, event_id;
