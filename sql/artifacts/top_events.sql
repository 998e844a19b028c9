-- The deadliest events, with the evidence sentence of their first mention.
-- $run_id: only events that a mention from an article ingested by that run belongs to
-- (null: every event). $limit: how many rows.
with run_events as (
    select distinct em.event_id
    from (select event_id, unnest(mention_ids) as mention_id from events) as em
    inner join event_mentions as m on m.mention_id = em.mention_id
    inner join articles as a on a.article_id = m.article_id
    where a.run_id = $run_id
)

select
    e.event_id,
    cast(e.event_date as varchar) as event_date,
    e.location,
    e.country,
    e.sub_event_type,
    e.killed_best,
    e.injured_best,
    e.n_articles,
    m.evidence
from events as e
left join event_mentions as m on m.mention_id = e.mention_ids[1]
where $run_id is null or e.event_id in (select event_id from run_events)
order by e.killed_best desc nulls last, e.injured_best desc nulls last, e.event_id
limit $limit;
