"""A fingerprint of the extractor's output: a sha256 of every row it gives for the samples and
a few thousand generated wire-style texts.

Refactors and speed work must leave it unchanged. A change meant to alter extraction updates the
stored value on purpose, in the same commit:

    .venv/bin/python -m tests.fingerprint            # print the current fingerprint
    .venv/bin/python -m tests.fingerprint --update   # store it in tests/fixtures/
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STORED = ROOT / "tests" / "fixtures" / "extraction_fingerprint.json"
GENERATED_TEXTS = 3000

PLACES = [
    "Kharkiv",
    "Kryvyi Rih",
    "Odesa",
    "Aleppo",
    "Idlib province",
    "Gaza City",
    "Khan Younis",
    "Mogadishu",
    "Kandahar",
    "Kunduz",
    "Maiduguri",
    "Borno state",
    "Port-au-Prince",
    "Goma",
    "North Kivu",
    "Sanaa",
    "Marib",
    "Mosul",
    "Peshawar",
    "Quetta",
    "Bamako",
    "Timbuktu",
    "Khartoum",
    "El Fasher",
    "Darfur",
    "Tripoli",
    "Benghazi",
    "Lahore",
    "Ouagadougou",
]
COUNTRIES = [
    "Ukraine",
    "Syria",
    "Somalia",
    "Afghanistan",
    "Nigeria",
    "Haiti",
    "Yemen",
    "Iraq",
    "Pakistan",
    "Mali",
    "Sudan",
    "Libya",
    "Burkina Faso",
    "Israel",
]
ACTORS = [
    "Russian forces",
    "al-Shabaab militants",
    "the Taliban",
    "Boko Haram",
    "gunmen",
    "a suicide bomber",
    "Houthi rebels",
    "the army",
    "unidentified assailants",
    "RSF fighters",
    "a gang",
    "Islamic State fighters",
    "police",
]
WEAPONS = [
    "a missile",
    "a drone",
    "an air strike",
    "artillery shells",
    "a car bomb",
    "a roadside bomb",
    "rockets",
    "gunfire",
    "a grenade",
    "mortar rounds",
]
VICTIMS = [
    "people",
    "civilians",
    "children",
    "soldiers",
    "police officers",
    "worshippers",
    "passengers",
    "students",
    "villagers",
    "fighters",
]
NUMBERS = [
    "2",
    "3",
    "five",
    "seven",
    "11",
    "12",
    "twenty",
    "24",
    "thirty-one",
    "45",
    "100",
    "a dozen",
    "dozens of",
    "several",
    "hundreds of",
    "1,200",
    "two",
    "one",
]
QUALIFIERS = ["", "at least ", "more than ", "about ", "up to ", "nearly ", "over "]
DAYS = [
    "on Monday",
    "on Tuesday",
    "late on Wednesday",
    "on Thursday night",
    "on Friday",
    "on Saturday",
    "on Sunday morning",
    "yesterday",
    "overnight",
    "last night",
    "on June 27",
    "on 3 March",
    "earlier this month",
    "last week",
    "",
]
TOLL_VERBS = [
    "killed",
    "were killed",
    "died",
    "were wounded",
    "were injured",
    "were hurt",
    "were abducted",
    "were kidnapped",
    "were arrested",
    "are missing",
]

SENTENCES = [
    "{actor} attacked {place} {day}, killing {q}{n} {victims} and wounding {q2}{n2}, officials said.",
    "{q}{n} {victims} {verb} when {weapon} hit {place} {day}.",
    "The death toll from the strike on {place} has risen to {n}, the governor said.",
    "The number of people killed has climbed to {n}, among them {n2} {victims}, and {n3} were wounded.",
    "{weapon} struck a market in {place}, {country}, {day}, leaving {n} dead.",
    "{q}{n} {victims} lost their lives in the attack, according to local officials.",
    "Among the dead were {n2} {victims}, including a {age}-year-old girl.",
    "No one was hurt in the explosion, police said.",
    "There were no casualties, a spokesman for {actor} said.",
    "{actor} said it had killed {n} enemy fighters, a claim that could not be verified.",
    "The conflict has killed more than {big} people since {year}.",
    "It was the deadliest attack since {year}, when {n} {victims} died in {place}.",
    "Rescuers pulled {n} survivors from the rubble; {n2} {victims} remain missing.",
    "The gunman then shot himself, police said.",
    "The attacker was shot dead by police after killing {n} {victims}.",
    "{q}{n} {victims} {verb} in {place} {day}, the Syrian Observatory for Human Rights said.",
    "The {n} missiles were launched from the Black Sea, the air force said.",
    "A {age}-year-old boy was among {q}{n} people injured.",
    "Residents said the shelling lasted {n} hours and damaged {n2} houses worth ${big}.",
    "Between {n} and {n3} {victims} were killed, medics said.",
    "The blast killed {n} {victims} and {n2} soldiers near {place}.",
    "{actor} abducted {n} {victims} from a school in {place} {day}.",
    "Security forces arrested {n} suspects after the bombing.",
    "The attack was not claimed, and {actor} denied involvement.",
    "Air strikes kill {n} in {place}",
    "{country}: {weapon} hits {place}, {q}{n} dead",
    "A police officer was killed and {n} others were wounded in {place}.",
    "Protesters marched through {place} {day}; police fired tear gas and {n} were injured.",
    "Fighting between {actor} and the army in {place} {day} left {q}{n} dead.",
    "Aid agencies say {big} people have fled {place} this year.",
]


def _fill(template: str, rng: random.Random) -> str:
    return template.format(
        actor=rng.choice(ACTORS),
        place=rng.choice(PLACES),
        country=rng.choice(COUNTRIES),
        weapon=rng.choice(WEAPONS),
        victims=rng.choice(VICTIMS),
        n=rng.choice(NUMBERS),
        n2=rng.choice(NUMBERS),
        n3=rng.choice(NUMBERS),
        q=rng.choice(QUALIFIERS),
        q2=rng.choice(QUALIFIERS),
        day=rng.choice(DAYS),
        verb=rng.choice(TOLL_VERBS),
        age=rng.randint(2, 80),
        year=rng.randint(1990, 2024),
        big=f"{rng.randint(1_000, 500_000):,}",
    ).replace("  ", " ")


def generated_articles(count: int = GENERATED_TEXTS, seed: int = 20261206) -> Iterator[dict]:
    """Deterministic articles of 1-12 sentences, each with a title and a publication date."""
    rng = random.Random(seed)
    for number in range(count):
        sentences = [_fill(rng.choice(SENTENCES), rng) for _ in range(rng.randint(1, 12))]
        body = " ".join(s[0].upper() + s[1:] for s in sentences)
        if rng.random() < 0.3:
            body = f"{rng.choice(PLACES).upper()}, {rng.choice(['Feb 27', 'June 3', 'Oct. 9'])} (Reuters) - {body}"
        yield {
            "article_id": f"generated-{number}",
            "title": _fill(rng.choice(SENTENCES[:6] + SENTENCES[24:26]), rng),
            "body": body,
            "published_at": f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        }


def sample_articles() -> Iterator[dict]:
    for path in sorted((ROOT / "data" / "samples").glob("*.json")):
        record = json.loads(path.read_text())
        yield {
            "article_id": path.stem,
            "title": record.get("title"),
            "body": record["text"],
            "published_at": record.get("published_at"),
        }


def fingerprint() -> dict:
    from transforms.extract.article import extract_article

    digest = hashlib.sha256()
    texts = 0
    for article in [*sample_articles(), *generated_articles()]:
        mentions, figures = extract_article(article)
        digest.update(json.dumps([mentions, figures], sort_keys=True, default=str).encode())
        texts += 1
    return {"texts": texts, "sha256": digest.hexdigest()}


def main(argv: list[str]) -> int:
    current = fingerprint()
    print(json.dumps(current))
    if argv[:1] == ["--update"]:
        STORED.write_text(json.dumps(current, indent=2) + "\n")
        print(f"stored in {STORED.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
