-- Publish `rejects` from the lake: one row per reject_id (a killed run may have left a repeat).
insert into rejects by name
with lake_rows as (
    select * from lake_rejects
),

one_per_key as (
    select *
    from lake_rows
    qualify row_number() over (partition by reject_id order by rejected_at) = 1
)

select * from one_per_key;
