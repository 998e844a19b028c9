import json
import subprocess
import sys

from tests.conftest import ROOT
from transforms.evaluate import haversine_km, misses_by_kind, predicted_fields, score
from transforms.extract.places import same_place


def test_numbers_score_exact_nonzero_and_mae():
    rows = [
        ({"id": "a", "text": "", "killed": 3}, {"killed": 3}),
        ({"id": "b", "text": "", "killed": 5}, {"killed": 0}),
        ({"id": "c", "text": "", "killed": 0}, {"killed": 2}),
        ({"id": "d", "text": "", "killed": None}, {"killed": 9}),  # null labels are not scored
    ]
    result = score(rows)["killed"].as_dict()
    assert result == {"n": 3, "accuracy": 0.333, "accuracy_nonzero": 0.5, "mae": 2.333}
    kinds = misses_by_kind(score(rows))["killed"]
    assert {k: [m["id"] for m in v] for k, v in kinds.items()} == {
        "missed": ["b"],
        "spurious": ["c"],
    }


def test_location_matches_alternate_names_or_within_25_km():
    gold = {"id": "x", "text": "", "location": "Krivoy Rog", "latitude": 47.9, "longitude": 33.39}
    same_name = score([(gold, {"location": "Kryvyi Rih"})], same_place=same_place)
    assert same_name["location"].correct == 1
    near = score(
        [
            (
                gold | {"location": "Somewhere"},
                {"location": "Other", "latitude": 47.95, "longitude": 33.4},
            )
        ]
    )
    assert near["location"].correct == 1 and near["coordinates"].correct == 1
    far = score([(gold, {"location": "Kyiv", "latitude": 50.45, "longitude": 30.52})])
    assert far["location"].correct == 0 and far["coordinates"].misses[0]["kind"] == "far"


def test_no_reported_mention_means_zero_figures():
    assert predicted_fields([{"role": "historical", "killed_best": 11}]) == {
        "killed": 0,
        "injured": 0,
    }


def test_haversine():
    assert 405 < haversine_km(50.45, 30.52, 49.99, 36.23) < 412  # Kyiv to Kharkiv, about 409 km


def test_eval_command_prints_json(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        json.dumps(
            {
                "id": "1",
                "text": "Three people were killed and four injured.",
                "killed": 3,
                "injured": 4,
            }
        )
        + "\n"
    )
    out = subprocess.run(
        [sys.executable, "-m", "cli.main", "eval", str(gold), "--json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    fields = json.loads(out.stdout)["fields"]
    assert fields["killed"]["accuracy"] == 1.0 and fields["injured"]["accuracy"] == 1.0


def test_eval_rejects_a_malformed_gold_file(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": 1, "text": "ok"}\n{broken\n')
    out = subprocess.run(
        [sys.executable, "-m", "cli.main", "eval", str(gold)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert (
        out.returncode == 2
        and "gold.jsonl:2: invalid JSON" in out.stderr
        and "Traceback" not in out.stderr
    )


def test_numbers_in_text_flags_labels_the_text_cannot_support():
    from transforms.evaluate import numbers_in

    found = numbers_in("Twenty-three people died and 1,200 fled; a child was hurt.")
    assert {23, 1200, 1} <= found
    assert 14 not in found


def test_admin1_matches_spellings_of_the_same_division_only():
    from transforms.extract.places import same_admin1

    rows = [
        ({"id": "a", "text": "", "admin1": "Idleb"}, {"admin1": "Idlib"}),
        ({"id": "b", "text": "", "admin1": "Duhok"}, {"admin1": "Erbil"}),
    ]
    assert score(rows, same_admin1=same_admin1)["admin1"].correct == 1
    assert score(rows)["admin1"].correct == 0  # the default stays plain equality


def test_predict_reads_the_title_and_the_publication_date_as_the_pipeline_does():
    from cli.eval import predict

    row = {
        "id": "t",
        "title": "Car bomb kills 12 at crowded market",
        "published_at": "2024-03-08",
        "text": "The blast tore through stalls on Wednesday, officials said.",
    }
    predicted = predict(row)
    assert predicted["killed"] == 12  # the figure is only in the title
    assert predicted["event_date"] == "2024-03-06"  # Wednesday before Friday 8 March
    assert predict(row | {"title": None})["killed"] == 0


def test_show_misses_prints_the_title_and_the_figures_with_their_sentences(tmp_path):
    gold = tmp_path / "gold.jsonl"
    row = {
        "id": "m1",
        "title": "Gunmen storm village, killing nine",
        "text": "Nine villagers were killed. Two of them were children.",
        "killed": 10,
    }
    gold.write_text(json.dumps(row) + "\n")
    out = subprocess.run(
        [sys.executable, "-m", "cli.main", "eval", str(gold), "--show-misses", "5"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    ).stdout
    assert "title:    Gunmen storm village, killing nine" in out
    assert "figure:   killed 9 (exact) 'Nine villagers' in: Nine villagers were killed." in out
    assert "killed 2 (exact, is_subset) 'Two' in: Two of them were children." in out
