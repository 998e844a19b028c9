-- Rejected inputs of run $run_id, by stage and reason.
select stage, reason, count(*) as n
from rejects
where run_id = $run_id
group by stage, reason
order by n desc, stage, reason;
