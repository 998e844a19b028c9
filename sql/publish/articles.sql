-- Publish `articles` from the lake: one row per article_id (a killed run may have left a repeat).
insert into articles by name
with lake_rows as (
    select * from lake_articles
),

one_per_key as (
    select *
    from lake_rows
    qualify row_number() over (partition by article_id order by ingested_at) = 1
)

select * from one_per_key;
