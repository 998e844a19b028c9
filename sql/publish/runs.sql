-- Publish `runs` from the lake: one row per run_id (a killed run may have left a repeat).
insert into runs by name
with lake_rows as (
    select * from lake_runs
),

one_per_key as (
    select *
    from lake_rows
    qualify row_number() over (partition by run_id order by finished_at desc nulls last) = 1
)

select * from one_per_key;
