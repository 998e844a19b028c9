-- Publish `articles` from the lake: one row per article_id (a killed run may have left a repeat),
-- with `origins`: every place the body was found, from the internal lake table article_origins.
insert into articles by name
with lake_rows as (
    select * exclude (origins) from lake_articles
),

one_per_key as (
    select *
    from lake_rows
    qualify row_number() over (partition by article_id order by ingested_at) = 1
),

found_at as (
    select
        article_id,
        list(distinct origin order by origin) as origins
    from lake_article_origins
    group by article_id
)

select
    one_per_key.*,
    coalesce(found_at.origins, [one_per_key.origin]) as origins
from one_per_key
left join found_at using (article_id);
