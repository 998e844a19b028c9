"""How the pipeline's cost grows with the corpus: 10k, 100k and 200k articles.

`make bench BENCH=scale` (sizes: BENCH_SIZES=10000,100000,200000; runner: BENCH_RUNNER=process;
workers: BENCH_WORKERS=2; scratch space: BENCH_DIR, default a temporary directory).

Each size runs in a fresh child process so that its peak RSS is its own. The child:
1. builds a corpus of realistic articles (one JSON file each, 1,500-6,000 characters) by
   recombining real sentences from the gold sets in ../shared/gold (or, without them, the
   bundled samples), plus two sets of 1% more kept aside;
2. times a bare baseline: read every file, parse it, and run one regex's findall on the body;
3. starts Prefect's temporary server with a run on an empty folder (not timed), then times the
   whole pipeline, a re-run with no new input, a re-run with 1% new articles published on days
   spread over the corpus's three years (they touch nearly every country-month, so resolve
   redoes nearly all of them), and one with 1% more published all on the day after the corpus,
   as a day of news would be;
4. samples the RSS of its whole process tree (the flow process and its worker processes,
   without Prefect's temporary API server, which is reported apart) every 0.2 s and reports
   the peak, and the peak of each stage of the full run (flow process + other processes).
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = next(
    (p / "shared" / "gold" for p in ROOT.parents if (p / "shared" / "gold").is_dir()),
    ROOT / "no-gold",
)
SAMPLES = ROOT / "data" / "samples"
DEFAULT_SIZES = (10_000, 100_000, 200_000)
FILES_PER_DIR = 1000
CORPUS_DAYS = 3 * 365 + 1  # publication days of the corpus; the next day's news comes after
SOURCES = [f"outlet-{n:02d}" for n in range(25)]
BASELINE_PATTERN = re.compile(r"\b(\d[\d,]*|killed|wounded|injured|dead)\b", re.IGNORECASE)


def main(argv: list[str]) -> int:
    if argv[:1] == ["--one"]:
        print(json.dumps(run_one(int(argv[1]), Path(argv[2]))))
        return 0
    sizes = [int(s) for s in os.environ.get("BENCH_SIZES", "").split(",") if s] or DEFAULT_SIZES
    scratch = Path(os.environ.get("BENCH_DIR") or tempfile.mkdtemp(prefix="bench-scale-"))
    print(
        f"runner={os.environ.get('BENCH_RUNNER', 'process')} workers={_workers()} "
        f"cores={os.cpu_count()} corpus sentences from {_sentence_source()}",
        flush=True,
    )
    results = []
    for size in sizes:
        workdir = scratch / f"n{size}"
        shutil.rmtree(workdir, ignore_errors=True)
        child = subprocess.run(
            [sys.executable, "-m", "bench.bench_scale", "--one", str(size), str(workdir)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env=os.environ | {"PREFECT_LOGGING_LEVEL": "WARNING"},
        )
        if child.returncode != 0:
            print(f"size {size} failed:\n{child.stderr[-4000:]}", flush=True)
            return 1
        result = json.loads(child.stdout.strip().splitlines()[-1])
        results.append(result)
        print(render([result], header=not results[:-1]), flush=True)
        shutil.rmtree(workdir, ignore_errors=True)
    print()
    print(summarise(results))
    return 0


def run_one(size: int, workdir: Path) -> dict:
    from flows.params import PipelineParams
    from flows.pipeline import pipeline

    corpus, extra, next_day = workdir / "corpus", workdir / "new", workdir / "next-day"
    clock = time.perf_counter()
    corpus_bytes = write_corpus(corpus, size, seed=size)
    write_corpus(extra, max(1, size // 100), seed=size + 1)
    write_corpus(next_day, max(1, size // 100), seed=size + 2, day=CORPUS_DAYS)
    generated = time.perf_counter() - clock

    baseline = bare_baseline(corpus)
    params = PipelineParams(
        sources=[str(corpus)],
        lake=str(workdir / "lake"),
        warehouse=str(workdir / "warehouse.duckdb"),
        batch_size=int(os.environ.get("BENCH_BATCH", "500")),
        runner=os.environ.get("BENCH_RUNNER", "process"),
        workers=_workers(),
    )
    (workdir / "warm" / "empty").mkdir(parents=True)
    warm_up = params.model_copy(
        update={
            "sources": [str(workdir / "warm" / "empty")],  # nothing to extract: no gazetteer
            "lake": str(workdir / "warm" / "lake"),
            "warehouse": str(workdir / "warm" / "w.duckdb"),
        }
    )
    pipeline(warm_up)  # starts Prefect's temporary server: excluded from the figures

    with RssSampler() as rss:
        full, full_s = _timed(pipeline, params)
        full_peak = rss.peak
        stage_peaks = rss.stage_peaks(full["seconds"])
        noop, noop_s = _timed(pipeline, params)
        more = params.model_copy(update={"sources": [str(corpus), str(extra)]})
        plus_started = rss.elapsed()
        plus, plus_s = _timed(pipeline, more)
        plus_peaks = rss.stage_peaks(plus["seconds"], start=plus_started)
        today = more.model_copy(update={"sources": [*more.sources, str(next_day)]})
        day_started = rss.elapsed()
        day, day_s = _timed(pipeline, today)
        day_peaks = rss.stage_peaks(day["seconds"], start=day_started)
    return {
        "articles": size,
        "corpus_mb": corpus_bytes / 1e6,
        "generate_s": generated,
        "baseline_s": baseline,
        "full_s": full_s,
        "stage_s": full["seconds"],
        "noop_s": noop_s,
        "plus1_s": plus_s,
        "noop_stage_s": noop["seconds"],
        "plus1_stage_s": plus["seconds"],
        "plus1_new": plus["ingest"]["new"],
        "day_s": day_s,
        "day_stage_s": day["seconds"],
        "day_new": day["ingest"]["new"],
        "day_blocks": day["resolve"].get("blocks"),
        "plus1_blocks": plus["resolve"].get("blocks"),
        "mentions": full["extract"]["mentions"],
        "events": full["resolve"]["events"],
        "peak_rss_mb": rss.peak / 1e6,
        "peak_rss_full_mb": full_peak / 1e6,
        "stage_peak_mb": _in_mb(stage_peaks),
        "plus1_stage_peak_mb": _in_mb(plus_peaks),
        "day_stage_peak_mb": _in_mb(day_peaks),
        "peak_rss_with_server_mb": rss.peak_with_server / 1e6,
        "peak_rss_main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3,
    }


def _in_mb(peaks: dict[str, tuple[int, int]]) -> dict[str, list[float]]:
    return {stage: [main / 1e6, others / 1e6] for stage, (main, others) in peaks.items()}


def write_corpus(folder: Path, count: int, seed: int, day: int | None = None) -> int:
    """`count` articles of 1,500-6,000 characters built from real sentences, published on
    days spread over CORPUS_DAYS, or all on `day` (counted from the first). Returns bytes."""
    rng = random.Random(seed)
    pool = sentence_pool()
    total = 0
    for n in range(count):
        sentences, length, target = [], 0, rng.randint(1500, 6000)
        while length < target:
            sentence = rng.choice(pool)
            sentences.append(sentence)
            length += len(sentence) + 1
        paragraphs = [" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4)]
        published = rng.randint(0, CORPUS_DAYS - 1) if day is None else day
        record = {
            "title": sentences[0][:90],
            "text": "\n\n".join(paragraphs),
            "published_at": time.strftime(
                "%Y-%m-%dT%H:%M:%SZ", time.gmtime(1.6e9 + published * 86400)
            ),
            "source": rng.choice(SOURCES),
            "url": f"https://example.org/{seed}/{n}",
        }
        path = folder / f"d{n // FILES_PER_DIR:04d}" / f"a{n:07d}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        data = json.dumps(record, ensure_ascii=False).encode("utf-8")
        path.write_bytes(data)
        total += len(data)
    return total


def sentence_pool() -> list[str]:
    texts = []
    if GOLD.is_dir():
        for path in sorted(GOLD.glob("*.jsonl")):
            texts += [json.loads(line)["text"] for line in path.open(encoding="utf-8") if line]
    for path in sorted(SAMPLES.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        texts.append(record.get("text") or record.get("body") or "")
    splitter = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'])")
    return [s.strip() for t in texts for s in splitter.split(t) if len(s.strip()) > 30]


def bare_baseline(corpus: Path) -> float:
    """Seconds to read and parse every article and run one regex findall over each body."""
    clock = time.perf_counter()
    hits = 0
    for path in sorted(corpus.rglob("*.json")):
        hits += len(BASELINE_PATTERN.findall(json.loads(path.read_bytes())["text"]))
    return time.perf_counter() - clock


class RssSampler:
    """Peak of the summed RSS of this process and all its descendants, sampled in a thread."""

    def __init__(self, every: float = 0.2) -> None:
        self.every, self.peak, self.peak_with_server = every, 0, 0
        self.samples: list[tuple[float, int, int]] = []  # (seconds, flow process, the others)
        self._stop = threading.Event()

    def __enter__(self) -> RssSampler:
        self.started = time.perf_counter()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        import psutil

        me = psutil.Process()
        while not self._stop.is_set():
            total = server = 0
            for process in [me, *me.children(recursive=True)]:
                with contextlib.suppress(psutil.Error):
                    rss = process.memory_info().rss
                    total += rss
                    if _is_prefect_server(process):
                        server += rss
            self.peak = max(self.peak, total - server)
            self.peak_with_server = max(self.peak_with_server, total)
            with contextlib.suppress(psutil.Error):
                main = me.memory_info().rss
                self.samples.append((self.elapsed(), main, total - server - main))
            self._stop.wait(self.every)

    def elapsed(self) -> float:
        return time.perf_counter() - self.started

    def stage_peaks(
        self, stage_seconds: dict[str, float], start: float = 0.0
    ) -> dict[str, tuple[int, int]]:
        """(flow process, other processes) at the highest sum within each stage, from the
        stages' durations laid end to end from `start` seconds after sampling began."""
        peaks = {}
        for stage, seconds in stage_seconds.items():
            inside = [s for s in self.samples if start <= s[0] < start + seconds]
            start += seconds
            if inside:
                _, main, others = max(inside, key=lambda s: s[1] + s[2])
                peaks[stage] = (main, others)
        return peaks


def _is_prefect_server(process) -> bool:
    """Prefect's temporary API server (uvicorn), a child of the flow process but not its work."""
    command = " ".join(process.cmdline())
    return "uvicorn" in command or "prefect.server" in command or "server start" in command


def render(results: list[dict], header: bool = True) -> str:
    lines = []
    if header:
        lines.append(
            f"{'articles':>9} {'MB':>7} {'extract art/s':>13} {'extract MB/s':>12} "
            f"{'pipeline art/s':>14} {'pipeline MB/s':>13} {'full s':>8} {'no-op':>7} "
            f"{'+1%':>7} {'extract/bare':>12} {'peak RSS MB':>11}"
        )
    for r in results:
        extract_s = r["stage_s"]["extract"]
        lines.append(
            f"{r['articles']:>9} {r['corpus_mb']:>7.1f} {r['articles'] / extract_s:>13.1f} "
            f"{r['corpus_mb'] / extract_s:>12.3f} {r['articles'] / r['full_s']:>14.1f} "
            f"{r['corpus_mb'] / r['full_s']:>13.3f} {r['full_s']:>8.1f} "
            f"{r['noop_s'] / r['full_s']:>7.1%} {r['plus1_s'] / r['full_s']:>7.1%} "
            f"{extract_s / r['baseline_s']:>12.0f}x {r['peak_rss_mb']:>11.0f}"
        )
        stages = ", ".join(f"{k} {v:.1f}s" for k, v in r["stage_s"].items())
        lines.append(
            f"{'':>9} stages: {stages}; "
            f"bare baseline {r['baseline_s']:.1f}s; no-op {r['noop_s']:.1f}s; +1% ({r['plus1_new']} new) {r['plus1_s']:.1f}s; "
            f"{r['mentions']} mentions, {r['events']} events; RSS peak during the full run "
            f"{r['peak_rss_full_mb']:.0f} MB, flow process alone {r['peak_rss_main_mb']:.0f} MB, "
            f"with Prefect's server {r['peak_rss_with_server_mb']:.0f} MB"
        )
        for run, key in (
            ("full run", "stage_peak_mb"),
            ("+1% re-run", "plus1_stage_peak_mb"),
            ("next day's re-run", "day_stage_peak_mb"),
        ):
            peaks = ", ".join(f"{k} {round(m)}+{round(o)}" for k, (m, o) in r.get(key, {}).items())
            lines.append(
                f"{'':>9} RSS peak by stage of the {run}, MB (flow process + others): {peaks}"
            )
        for name, label in (("noop", "no-op"), ("plus1", "+1%"), ("day", "+1% next day")):
            stages = ", ".join(f"{k} {v:.1f}s" for k, v in r.get(f"{name}_stage_s", {}).items())
            lines.append(f"{'':>9} {label} stages: {stages}")
        if "day_s" in r:
            lines.append(
                f"{'':>9} +1% as the next day's news ({r['day_new']} new, all published the "
                f"day after the corpus): {r['day_s']:.1f}s, {r['day_s'] / r['full_s']:.1%} of "
                f"the full run; blocks resolved again: {r['day_blocks']} (+1% spread over the "
                f"corpus's days: {r['plus1_blocks']})"
            )
    return "\n".join(lines)


def summarise(results: list[dict]) -> str:
    by_size = {r["articles"]: r for r in results}
    lines = ["targets (2-core machine, issue 18):"]
    if 100_000 in by_size:
        r = by_size[100_000]
        lines.append(f"  100k whole pipeline <= 150 s: {r['full_s']:.0f} s")
        lines.append(f"  100k peak RSS <= 1000 MB: {r['peak_rss_mb']:.0f} MB")
        if 200_000 in by_size:
            growth = by_size[200_000]["peak_rss_mb"] / r["peak_rss_mb"] - 1
            lines.append(f"  RSS growth 100k -> 200k <= 10%: {growth:+.0%}")
    for r in results:
        day = f" (as the next day's news: {r['day_s'] / r['full_s']:.1%})" if "day_s" in r else ""
        lines.append(
            f"  {r['articles']}: no-op re-run <= 2%: {r['noop_s'] / r['full_s']:.1%}; "
            f"1%-new re-run <= 5%: {r['plus1_s'] / r['full_s']:.1%}{day}"
        )
    return "\n".join(lines)


def _timed(function, *args):
    clock = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - clock


def _workers() -> int:
    return int(os.environ.get("BENCH_WORKERS", "2"))


def _sentence_source() -> str:
    return str(GOLD) if GOLD.is_dir() else str(SAMPLES)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
