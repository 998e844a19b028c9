-- rejected_share_by_reason: what share of the inputs was rejected, and why, by stage and
-- reason code (view rejected_share_by_reason). No parameters.
with shares as (
    select * from rejected_share_by_reason
)

select * from shares
order by n_rejected desc, stage, reason;
