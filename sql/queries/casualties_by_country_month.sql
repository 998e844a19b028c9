-- casualties_by_country_month: how many people were killed and injured in each country,
-- month by month (sums of the events' UCDP low/best/high; view casualties_by_country_month).
-- param country: ISO code (UA) or name (Ukraine) of one country; every country when null (default: null)
-- param start: first month, as a date (default: 1900-01-01)
-- param end: last date included (default: 2999-12-31)
with months as (
    select * from casualties_by_country_month
),

chosen as (
    select *
    from months
    where
        ($country is null or country_iso = upper($country) or lower(country) = lower($country))
        and month between date_trunc('month', cast($start as date)) and cast($end as date)
)

select * from chosen
order by month, country;
