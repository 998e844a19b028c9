-- events_near: the events within N km of a point, nearest first (great-circle distance).
-- param lat: latitude of the point, in degrees
-- param lon: longitude of the point, in degrees
-- param km: the radius in kilometres (default: 25)
with point as (
    select cast($lat as double) as lat, cast($lon as double) as lon, cast($km as double) as km
),

distances as (
    select
        e.event_id,
        e.event_date,
        e.location,
        e.country,
        e.sub_event_type,
        e.killed_best,
        e.injured_best,
        round(
            2 * 6371.0088 * asin(sqrt(
                pow(sin(radians(e.latitude - p.lat) / 2), 2)
                + cos(radians(p.lat)) * cos(radians(e.latitude))
                * pow(sin(radians(e.longitude - p.lon) / 2), 2)
            )),
            2
        ) as distance_km,
        p.km
    from events as e
    cross join point as p
    where e.latitude is not null and e.longitude is not null
)

select * exclude (km)
from distances
where distance_km <= km
order by distance_km, event_date, event_id;
