"""The report's tables: the deadliest events with their evidence, and the figures to check."""

from __future__ import annotations

from html import escape

from outputs.report.plausibility import Flag
from outputs.report.scales import number


def top_table(events: list[dict]) -> str:
    """The deadliest events, each with the sentences of up to three of its mentions."""
    if not events:
        return '<p class="empty">No events yet.</p>'
    rows = []
    for e in events:
        killed = _range(e["killed_low"], e["killed_best"], e["killed_high"])
        quotes = "".join(
            _quote(q["evidence"], q) for q in (e["evidence"] or []) if q and q.get("evidence")
        )
        rows.append(
            f"<tr><td>{escape(e['event_date'] or '')}</td><td>{escape(_place(e))}</td>"
            f"<td>{escape(e['sub_event_type'] or e['event_type'] or '')}"
            f"{'<br><small>' + escape(e['weapon']) + '</small>' if e['weapon'] else ''}</td>"
            f"<td>{escape(e['perpetrator'] or '')}</td><td class='num'>{killed}</td>"
            f"<td class='num'>{'' if e['injured_best'] is None else number(e['injured_best'])}</td>"
            f"<td class='num'>{e['n_articles']}/{e['n_sources']}</td><td>{quotes}</td></tr>"
        )
    head = (
        "<tr><th>date</th><th>place</th><th>type</th><th>perpetrator</th><th>killed</th>"
        "<th>injured</th><th>articles/sources</th><th>evidence</th></tr>"
    )
    return f"<table><thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>"


def flagged_table(flags: list[Flag]) -> str:
    """The events whose killed figure is implausible, with why and the sentence it came from."""
    if not flags:
        return '<p class="empty">No figure needs checking.</p>'
    rows = []
    for flag in flags:
        e = flag.event
        why = "".join(f"<li>{escape(reason)}</li>" for reason in flag.reasons)
        rows.append(
            f"<tr><td>{escape(str(e.get('event_date') or ''))}</td><td>{escape(_place(e))}</td>"
            f"<td>{escape(e.get('sub_event_type') or e.get('event_type') or '')}</td>"
            f"<td class='num'>{number(e.get('killed') or 0)}</td>"
            f"<td class='num'>{e.get('n_sources') or 1}</td><td><ul>{why}</ul></td>"
            f"<td>{_quote(e.get('evidence') or '', e)}</td></tr>"
        )
    head = (
        "<tr><th>date</th><th>place</th><th>type</th><th>killed</th><th>sources</th>"
        "<th>why it is listed here</th><th>evidence</th></tr>"
    )
    return f'<table class="flagged"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'


def _place(e: dict) -> str:
    return ", ".join(v for v in (e.get("location"), e.get("admin1"), e.get("country")) if v)


def _quote(sentence: str, source: dict) -> str:
    if not sentence:
        return ""
    return f"<blockquote>{escape(sentence)}<cite>{_source(source)}</cite></blockquote>"


def _source(quote: dict) -> str:
    name = escape(
        quote.get("title") or quote.get("source") or quote.get("source_name") or "article"
    )
    url = quote.get("url")
    if url and url.startswith(("http://", "https://")):
        return f'<a href="{escape(url)}">{name}</a>'
    return name


def _range(low, best, high) -> str:
    if best is None:
        return ""
    extra = []
    if low is not None and low != best:
        extra.append(f"low {number(low)}")
    if high is not None and high != best:
        extra.append(f"high {number(high)}")
    return number(best) + (f"<br><small>{', '.join(extra)}</small>" if extra else "")
