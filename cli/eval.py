"""`conflict-events eval GOLD.jsonl`: score the extractor against labelled texts (no Prefect)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from cli import UsageError


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "eval",
        help="score extraction against a gold JSONL file",
        description="Extract each gold text and score killed, injured, date, place and type "
        "against its labels (docs/accuracy.md). Labels that are missing or null are not scored.",
    )
    parser.add_argument("gold", metavar="GOLD.jsonl")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--show-misses",
        type=int,
        default=0,
        metavar="N",
        help="show up to N misses per field and kind",
    )
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    from transforms.evaluate import misses_by_kind

    gold_rows = read_gold(Path(args.gold))
    scores = score_rows(gold_rows)
    table = {name: result.as_dict() for name, result in scores.items()}
    grouped = misses_by_kind(scores)
    if args.json:
        payload = {"gold": args.gold, "rows": len(gold_rows), "fields": table}
        if args.show_misses:
            payload["misses"] = {
                f: {k: _trim(v[: args.show_misses]) for k, v in kinds.items()}
                for f, kinds in grouped.items()
            }
        print(json.dumps(payload, indent=2, default=str))
        return 0
    print(render_table(args.gold, len(gold_rows), table, grouped))
    if args.show_misses:
        print(render_misses(grouped, args.show_misses))
    return 0


def read_gold(path: Path) -> list[dict]:
    if not path.is_file():
        raise UsageError(f"gold file not found: {path}")
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise UsageError(f"{path}:{number}: invalid JSON ({error.msg})") from None
        if not isinstance(row, dict) or not isinstance(row.get("text"), str):
            raise UsageError(f"{path}:{number}: each line needs an object with a 'text' string")
        rows.append(row)
    return rows


def score_rows(gold_rows: list[dict]) -> dict:
    """Per-field scores (transforms.evaluate.FieldScore) of the extractor on gold rows."""
    from transforms.evaluate import score
    from transforms.extract.places import same_admin1

    rows = ((row, predict(row)) for row in gold_rows)
    return score(rows, same_place=_same_place(), same_admin1=same_admin1)


def predict(row: dict) -> dict:
    """The extractor's fields for a gold row, read as the pipeline reads an article: its text
    with its title and publication date."""
    from transforms.evaluate import predicted_fields, reported_figures
    from transforms.extract.article import article_text, extract_article
    from transforms.text import article_id, split_sentences

    article = {
        "article_id": article_id(row["text"]),
        "title": row.get("title"),
        "body": row["text"],
        "published_at": row.get("published_at"),
    }
    mentions, figures = extract_article(article)
    predicted = predicted_fields(mentions)
    sentences = split_sentences(article_text(article)[0])
    return predicted | {"figures": reported_figures(mentions, figures, sentences)}


def _same_place():
    from transforms.extract.places import same_place

    return same_place


def render_table(gold: str, n_rows: int, table: dict[str, dict], grouped: dict) -> str:
    header = f"{'field':<16}{'n':>6}{'exact':>9}{'nonzero':>9}{'mae':>9}  misses by kind"
    lines = [f"eval {gold}: {n_rows} rows", header, "-" * len(header)]
    for name, row in table.items():
        kinds = ", ".join(f"{k} {len(v)}" for k, v in grouped.get(name, {}).items())
        lines.append(
            f"{name:<16}{row['n']:>6}{_fmt(row['accuracy']):>9}{_fmt(row['accuracy_nonzero']):>9}"
            f"{_fmt(row['mae']):>9}  {kinds}"
        )
    return "\n".join(lines)


def render_misses(grouped: dict, limit: int) -> str:
    lines = []
    for name, kinds in grouped.items():
        for kind, misses in kinds.items():
            unsupported = sum(not m.get("gold_in_text", True) for m in misses)
            extra = f", {unsupported} with the gold value not in the text" if unsupported else ""
            lines.append(f"\n## {name}: {kind} ({len(misses)}{extra})")
            for miss in misses[:limit]:
                note = "" if miss.get("gold_in_text", True) else "  [gold value not in the text]"
                lines.append(
                    f"- {miss['id']}: gold {miss['gold']!r}, predicted {miss['predicted']!r}{note}"
                )
                if miss.get("title"):
                    lines.append(f"    title:    {miss['title'][:200]}")
                lines.append(f"    text:     {miss['text'][:300]}")
                if miss.get("evidence"):
                    lines.append(f"    evidence: {miss['evidence'][:200]}")
                lines.extend(f"    figure:   {figure}" for figure in miss.get("figures", ()))
    return "\n".join(lines)


def _trim(misses: list[dict]) -> list[dict]:
    return [m | {"text": m["text"][:500]} for m in misses]


def _fmt(value) -> str:
    return "-" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value)
