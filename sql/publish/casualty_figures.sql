-- Publish `casualty_figures` from the lake: the figures of published mentions (so of the
-- current extractor version), one row per figure_id (a killed run may have left a repeat).
insert into casualty_figures by name
with lake_rows as (
    select * from lake_casualty_figures
),

of_published_mentions as (
    select *
    from lake_rows
    where mention_id in (select mention_id from event_mentions)
),

one_per_key as (
    select *
    from of_published_mentions
    qualify row_number() over (partition by figure_id order by figure_id) = 1
)

select * from one_per_key;
