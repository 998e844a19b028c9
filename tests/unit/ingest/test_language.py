"""The cheap English check in front of the language identifier."""

import json
from pathlib import Path

import pytest

from transforms.ingest.language import detect_language, obviously_english, unsupported_language

SAMPLES = Path(__file__).resolve().parents[3] / "data" / "samples"

FRENCH = (
    "Le bombardement a tué six personnes dans la ville de Kharkiv, selon les autorités locales, "
    "qui ont indiqué que les secours étaient toujours sur place et que le bilan pourrait encore "
    "s'alourdir dans la soirée. "
) * 3
GERMAN = (
    "Bei dem Angriff auf die Stadt wurden nach Angaben der Behörden sechs Menschen getötet und "
    "viele weitere verletzt, die Rettungskräfte sind noch immer vor Ort und suchen nach "
    "Verschütteten in den Trümmern. "
) * 3
SPANISH = (
    "El ataque con drones dejó al menos seis muertos y doce heridos en la ciudad, según las "
    "autoridades locales, que dijeron que los equipos de rescate seguían trabajando en la zona "
    "durante la noche. "
) * 3


def _sample_bodies() -> list[str]:
    return [
        json.loads(p.read_text(encoding="utf-8"))["text"] for p in sorted(SAMPLES.glob("*.json"))
    ]


def test_news_articles_in_english_take_the_fast_path_and_agree_with_the_identifier():
    bodies = _sample_bodies()
    assert bodies and all(obviously_english(body) for body in bodies)
    assert all(detect_language(body)[0] == "en" for body in bodies)


@pytest.mark.parametrize("text", [FRENCH, GERMAN, SPANISH])
def test_other_languages_never_take_the_fast_path_and_are_rejected(text):
    assert not obviously_english(text)
    assert unsupported_language(text) is not None


def test_short_texts_go_to_the_identifier():
    assert not obviously_english("Six people were killed in the strike on the city.")
