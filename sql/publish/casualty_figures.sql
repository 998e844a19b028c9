-- Publish `casualty_figures` from the lake: one row per figure_id (a killed run may have left a repeat).
insert into casualty_figures by name
with lake_rows as (
    select * from lake_casualty_figures
),

one_per_key as (
    select *
    from lake_rows
    qualify row_number() over (partition by figure_id order by figure_id) = 1
)

select * from one_per_key;
