-- Refresh `articles.origins` of the articles found at new places since the last publish
-- (new_article_origins: those rows; lake_article_origins: every origin in the lake).
update articles
set origins = found_at.origins
from (
    with touched as (
        select distinct article_id from new_article_origins
    ),

    origins_of_touched as (
        select
            article_id,
            list(distinct origin order by origin) as origins
        from lake_article_origins
        where article_id in (select article_id from touched)
        group by article_id
    )

    select * from origins_of_touched
) as found_at
where articles.article_id = found_at.article_id;
