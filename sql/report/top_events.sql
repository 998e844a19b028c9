-- The deadliest events with the evidence sentences of up to three of their mentions, leaving
-- out the events in $exclude (those the plausibility check lists apart).
with top as (
    select *
    from events
    where not list_contains(cast($exclude as varchar[]), event_id)
    order by killed_best desc nulls last, injured_best desc nulls last, event_id
    limit $limit
),

evidence as (
    select
        t.event_id,
        m.evidence,
        a.title,
        a.url,
        a.source_name,
        row_number() over (partition by t.event_id order by m.mention_id) as n
    from top as t, unnest(t.mention_ids) as u(mention_id)
    inner join event_mentions as m on m.mention_id = u.mention_id
    left join articles as a on a.article_id = m.article_id
)

select
    t.event_id,
    cast(t.event_date as varchar) as event_date,
    t.location,
    t.admin1,
    t.country,
    t.event_type,
    t.sub_event_type,
    t.weapon,
    t.perpetrator,
    t.killed_low,
    t.killed_best,
    t.killed_high,
    t.injured_best,
    t.n_articles,
    t.n_sources,
    list(
        struct_pack(evidence := e.evidence, title := e.title, url := e.url, source := e.source_name)
        order by e.n
    ) filter (where e.n <= 3) as evidence
from top as t
left join evidence as e on e.event_id = t.event_id
group by all
order by t.killed_best desc nulls last, t.injured_best desc nulls last, t.event_id;
