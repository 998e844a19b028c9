"""Scoring the extractor against gold labels (docs/accuracy.md, "The gold file format").

A gold row has `id`, `text`, optional `title` and `published_at`, and any of the labels in FIELDS. A label
that is missing or null is not scored. Killed and injured compare with the best value of the
text's primary (`reported`) mention; no figure counts as 0.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from transforms.extract.places import fold

NUMERIC_FIELDS = ("killed", "injured")
TEXT_FIELDS = ("event_date", "location", "admin1", "country", "event_type", "sub_event_type")
FIELDS = (*NUMERIC_FIELDS, *TEXT_FIELDS, "coordinates")
LOCATION_RADIUS_KM = 25.0


@dataclass
class FieldScore:
    n: int = 0
    correct: int = 0
    n_nonzero: int = 0
    correct_nonzero: int = 0
    abs_error: float = 0.0
    misses: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        numeric = self.n_nonzero or self.abs_error
        return {
            "n": self.n,
            "accuracy": _ratio(self.correct, self.n),
            "accuracy_nonzero": _ratio(self.correct_nonzero, self.n_nonzero) if numeric else None,
            "mae": round(self.abs_error / self.n, 3) if self.n and numeric else None,
        }


def predicted_fields(mentions: list[dict]) -> dict:
    """What the extractor says of a text: the fields of its `reported` mention (or nothing)."""
    reported = next((m for m in mentions if m.get("role") == "reported"), None)
    if reported is None:
        return {"killed": 0, "injured": 0}
    date = reported.get("event_date")
    return {
        "killed": reported.get("killed_best") or 0,
        "injured": reported.get("injured_best") or 0,
        "event_date": date.isoformat() if hasattr(date, "isoformat") else date,
        "location": reported.get("location"),
        "admin1": reported.get("admin1"),
        "country": reported.get("country"),
        "event_type": reported.get("event_type"),
        "sub_event_type": reported.get("sub_event_type"),
        "latitude": reported.get("latitude"),
        "longitude": reported.get("longitude"),
        "evidence": reported.get("evidence"),
    }


def reported_figures(mentions: list[dict], figures: list[dict], sentences: list) -> list[str]:
    """The figures of the `reported` mention, one line each: category, value, qualifier, the
    words counted and the sentence they stand in (what a reader checks a miss against)."""
    reported = next((m for m in mentions if m.get("role") == "reported"), None)
    if reported is None:
        return []
    lines = []
    for figure in figures:
        if figure["mention_id"] != reported["mention_id"]:
            continue
        marks = [figure["qualifier"]]
        marks += [name for name in ("is_subset", "adds") if figure.get(name)]
        if figure.get("counted") is False:
            marks.append("not counted")
        sentence = sentences[figure["sentence_index"]].text
        lines.append(
            f"{figure['category']} {figure['best']} ({', '.join(marks)}) "
            f"{figure['text']!r} in: {sentence[:240]}"
        )
    return lines


def score(
    rows: Iterable[tuple[dict, dict]],
    same_place: Callable[[str, str], bool] = lambda a, b: fold(a) == fold(b),
    same_admin1: Callable[[str, str], bool] = lambda a, b: fold(a) == fold(b),
) -> dict[str, FieldScore]:
    """Per-field scores over (gold row, predicted fields) pairs. `same_place` and `same_admin1`
    say when two spellings name the same place or division (the gazetteer's alternate names)."""
    scores: dict[str, FieldScore] = defaultdict(FieldScore)
    for gold, predicted in rows:
        for name in NUMERIC_FIELDS:
            if gold.get(name) is not None:
                _score_number(scores[name], gold, predicted, name)
        for name in TEXT_FIELDS:
            if gold.get(name) is not None:
                same = same_admin1 if name == "admin1" else same_place
                _score_text(scores[name], gold, predicted, name, same)
        if gold.get("latitude") is not None and gold.get("longitude") is not None:
            _score_coordinates(scores["coordinates"], gold, predicted)
    return {name: scores[name] for name in FIELDS if name in scores}


def _score_number(result: FieldScore, gold: dict, predicted: dict, name: str) -> None:
    want, got = int(gold[name]), int(predicted.get(name) or 0)
    result.n += 1
    result.abs_error += abs(want - got)
    hit = want == got
    result.correct += hit
    if want:
        result.n_nonzero += 1
        result.correct_nonzero += hit
    if not hit:
        kind = (
            "missed" if got == 0 else "spurious" if want == 0 else "over" if got > want else "under"
        )
        miss = _miss(gold, predicted, name, want, got, kind)
        miss["gold_in_text"] = want == 0 or want in numbers_in(gold.get("text", ""))
        result.misses.append(miss)


_NUMBER_TOKEN = re.compile(r"\d[\d,]*|[A-Za-z]+(?:-[A-Za-z]+)?")


def numbers_in(text: str) -> set[int]:
    """Every number written in a text, as digits or words (1 for "a"/"an"/"one"): a miss whose
    gold value is not among them is a label the text cannot support on its own."""
    from transforms.extract.numbers import parse_number

    found = {1} if re.search(r"\b(?:an?|one)\s", text, re.IGNORECASE) else set()
    for token in _NUMBER_TOKEN.findall(text):
        value = parse_number(token)
        if value is not None:
            found.add(value)
    return found


def _score_text(result: FieldScore, gold: dict, predicted: dict, name: str, same_place) -> None:
    want, got = str(gold[name]), predicted.get(name)
    result.n += 1
    if name == "location":
        hit = got is not None and (same_place(want, got) or _within_radius(gold, predicted))
    elif name in ("country", "admin1"):
        hit = got is not None and (fold(want) == fold(got) or same_place(want, got))
    else:
        hit = got is not None and fold(want) == fold(str(got))
    result.correct += hit
    if not hit:
        result.misses.append(
            _miss(gold, predicted, name, want, got, "missing" if got is None else "wrong")
        )


def _score_coordinates(result: FieldScore, gold: dict, predicted: dict) -> None:
    result.n += 1
    hit = _within_radius(gold, predicted)
    result.correct += hit
    if not hit:
        got = (predicted.get("latitude"), predicted.get("longitude"))
        kind = "missing" if got[0] is None else "far"
        want = (gold["latitude"], gold["longitude"])
        result.misses.append(_miss(gold, predicted, "coordinates", want, got, kind))


def _within_radius(gold: dict, predicted: dict) -> bool:
    points = (
        gold.get("latitude"),
        gold.get("longitude"),
        predicted.get("latitude"),
        predicted.get("longitude"),
    )
    return None not in points and haversine_km(*points) <= LOCATION_RADIUS_KM


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


def _miss(gold: dict, predicted: dict, name: str, want, got, kind: str) -> dict:
    return {
        "id": gold.get("id"),
        "field": name,
        "kind": kind,
        "gold": want,
        "predicted": got,
        "title": gold.get("title"),
        "text": gold.get("text", ""),
        "evidence": predicted.get("evidence"),
        "figures": predicted.get("figures", []),
    }


def misses_by_kind(scores: dict[str, FieldScore]) -> dict[str, dict[str, list[dict]]]:
    """field -> kind of error -> misses, largest groups first."""
    grouped: dict[str, dict[str, list[dict]]] = {}
    for name, result in scores.items():
        kinds: dict[str, list[dict]] = defaultdict(list)
        for miss in result.misses:
            kinds[miss["kind"]].append(miss)
        order = Counter({k: len(v) for k, v in kinds.items()}).most_common()
        grouped[name] = {k: kinds[k] for k, _ in order}
    return grouped


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None
