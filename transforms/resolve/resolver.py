"""Resolution block by block: core clusters, then attachment, then the rows (see __init__)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date
from operator import attrgetter

from transforms.resolve.blocks import FoldedNames, month_of, prepare_mention
from transforms.resolve.clusters import core_clusters, join_same_actor
from transforms.resolve.events import event_ids, event_rows
from transforms.resolve.matching import ClusterIndex, RecallIndex, attach
from transforms.resolve.model import (
    DEFAULT_CONFIG,
    Cluster,
    Membership,
    Mention,
    Resolution,
    ResolveConfig,
)
from transforms.resolve.places import assign_places, coarse_key


def resolve_events(
    mentions: Iterable[dict], articles: dict[str, dict], config: ResolveConfig = DEFAULT_CONFIG
) -> list[dict]:
    """`events` rows from mention rows; `articles`: article_id -> {source_name, published_at}."""
    return resolve(mentions, articles, config).events


def resolve(
    mentions: Iterable[dict],
    articles: dict[str, dict],
    config: ResolveConfig = DEFAULT_CONFIG,
    unchanged: Mapping[str, Membership] | None = None,
) -> Resolution:
    """Events, their revisions and the mention -> event assignments, block by block.

    `unchanged`: events resolved before (event_id -> Membership). One that comes out again
    with the same members and recalls keeps its rows, and stands as its id in the result."""
    blocks: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    folded = FoldedNames()
    months: dict[date, str] = {}
    for row in mentions:
        mention = prepare_mention(row, articles, folded)
        if mention is not None:
            day = mention.day
            month = months.get(day)
            if month is None:
                month = months[day] = month_of(day)
            blocks[(row.get("country_iso") or "", month)].append(mention)
    result = Resolution()
    for block in sorted(blocks):
        _resolve_block(block, blocks[block], articles, config, result, unchanged or {})
    return result


def _resolve_block(
    block: tuple[str, str],
    mentions: list[Mention],
    articles: dict[str, dict],
    config: ResolveConfig,
    result: Resolution,
    unchanged: Mapping[str, Membership],
) -> None:
    mentions.sort(key=attrgetter("mention_id"))
    eventish = []
    historical = []
    for m in mentions:
        (historical if m.role == "historical" else eventish).append(m)
    assign_places(eventish, config)
    clusters = join_same_actor(core_clusters([m for m in eventish if m.core]), config)
    leftovers: dict[tuple, list[Mention]] = defaultdict(list)
    grown: dict[int, Cluster] = {}
    index = ClusterIndex(clusters, config) if clusters else None  # none: nothing to attach to
    for mention in eventish:
        if mention.core:
            continue
        target = None if index is None else attach(mention, index, config)
        if target is None:
            leftovers[coarse_key(mention)].append(mention)
        else:
            target.members.append(mention)
            grown[id(target)] = target
    for cluster in grown.values():
        cluster.refresh()
    if len(leftovers) == 1:
        clusters += [Cluster(key, members) for key, members in leftovers.items()]
    elif leftovers:
        clusters += [
            Cluster(key, members)
            for key, members in sorted(leftovers.items(), key=lambda kv: str(kv[0]))
        ]
    if historical:
        index = RecallIndex(clusters, config)
        for mention in historical:
            target = index.best(mention, config)
            if target is not None:
                target.recalled_by.append(mention)
    country, month = block
    events, revisions, assignments = result.events, result.revisions, result.assignments
    for cluster, event_id in zip(clusters, event_ids(block, clusters), strict=True):
        if unchanged and unchanged.get(event_id) == membership(cluster):
            events.append(event_id)
            revisions.append(event_id)
        else:
            event, event_revisions = event_rows(event_id, cluster, articles)
            events.append(event)
            revisions.extend(event_revisions)
        for mention in cluster.members:
            assignments.append(
                {
                    "mention_id": mention.mention_id,
                    "event_id": event_id,
                    "link": "member",
                    "block_country": country,
                    "block_month": month,
                }
            )
        for mention in cluster.recalled_by:
            assignments.append(_assignment(mention, event_id, "recalls", block))
    if historical:
        unlinked = {m.mention_id for m in historical} - {
            m.mention_id for c in clusters for m in c.recalled_by
        }
        for mention in historical:
            if mention.mention_id in unlinked:
                assignments.append(_assignment(mention, None, "recalls", block))


def membership(cluster: Cluster) -> Membership:
    """The ids an event's row lists: its members', and its recalling mentions' or None."""
    recalls = cluster.recalled_by
    return (
        tuple(sorted(m.mention_id for m in cluster.members)),
        tuple(sorted(m.mention_id for m in recalls)) if recalls else None,
    )


def _assignment(mention: Mention, event_id: str | None, link: str, block) -> dict:
    return {
        "mention_id": mention.mention_id,
        "event_id": event_id,
        "link": link,
        "block_country": block[0],
        "block_month": block[1],
    }
