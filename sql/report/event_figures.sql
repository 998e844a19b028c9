-- One row per resolved event for the report: where, when, its figures, the sentence its best
-- killed figure was read from, and the largest other killed figure in the same articles (for
-- the plausibility check: a best far above everything else its articles say is suspect).
with event_articles as (
    select
        e.event_id,
        m.mention_id,
        m.article_id,
        m.killed_best as mention_killed,
        m.evidence
    from events as e, unnest(e.mention_ids) as u(mention_id)
    inner join event_mentions as m on m.mention_id = u.mention_id
),

article_killed_figures as (
    -- every killed number the articles give: their figures, and their mentions' bests
    select article_id, best as killed
    from casualty_figures
    where category = 'killed' and best is not null
    union all
    select m.article_id, m.killed_best as killed
    from event_mentions as m
    where m.killed_best is not null
),

other_figures as (
    select
        ea.event_id,
        max(f.killed) as other_killed_max
    from (select distinct event_id, article_id from event_articles) as ea
    inner join events as e on e.event_id = ea.event_id
    inner join article_killed_figures as f on f.article_id = ea.article_id
    where f.killed < e.killed_best
    group by ea.event_id
),

best_evidence as (
    -- the sentence behind the best figure: a mention giving that figure, else the first one
    select
        ea.event_id,
        ea.evidence,
        a.title,
        a.url,
        a.source_name
    from event_articles as ea
    inner join events as e on e.event_id = ea.event_id
    left join articles as a on a.article_id = ea.article_id
    qualify row_number() over (
        partition by ea.event_id
        order by (ea.mention_killed is not distinct from e.killed_best) desc, ea.mention_id
    ) = 1
)

select
    e.event_id,
    e.event_date,
    e.location,
    e.admin1,
    e.country,
    e.country_iso,
    e.latitude,
    e.longitude,
    e.event_type,
    e.sub_event_type,
    coalesce(e.killed_best, 0) as killed,
    coalesce(e.injured_best, 0) as injured,
    e.n_articles,
    e.n_sources,
    o.other_killed_max,
    b.evidence,
    b.title,
    b.url,
    b.source_name
from events as e
left join other_figures as o on o.event_id = e.event_id
left join best_evidence as b on b.event_id = e.event_id
order by killed desc, e.event_id;
