-- Publish `runs` from the lake: one row per run_id, its last status. A run writes a row as it
-- starts, as it publishes and as it ends (completed, failed, or interrupted when a later run
-- found it killed); a killed run may also have left a repeat.
insert into runs by name
with lake_rows as (
    select * from lake_runs
),

one_per_key as (
    select *
    from lake_rows
    qualify row_number() over (
        partition by run_id
        order by
            case status when 'started' then 0 when 'publishing' then 1 else 2 end desc,
            finished_at desc nulls last
    ) = 1
)

select * from one_per_key;
