-- View rejected_share_by_reason: how many inputs were rejected, by stage and reason, and
-- their share of all inputs (articles ingested plus inputs rejected).
create or replace view rejected_share_by_reason as
with inputs as (
    select (select count(*) from articles) + (select count(*) from rejects) as n_inputs
),

by_reason as (
    select
        stage,
        reason,
        count(*) as n_rejected
    from rejects
    group by all
)

select
    r.stage,
    r.reason,
    r.n_rejected,
    i.n_inputs,
    round(r.n_rejected / nullif(i.n_inputs, 0), 4) as share_of_inputs
from by_reason as r
cross join inputs as i
order by r.n_rejected desc, r.stage, r.reason;
