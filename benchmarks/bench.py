"""Speed and memory of wireparse, on one core, in one process.

usage: python benchmarks/bench.py [CORPUS_DIR] [--repeat N] [--markdown]

Measures parse speed on the seed story and on every ``.txt`` of a corpus
folder, the time of each pipeline stage, the import time, peak memory and RSS
over a long loop, how cost grows with story size, and (when the ``bench``
extra is installed) trafilatura and jusText on the same stories as HTML.
"""

from __future__ import annotations

import argparse
import functools
import gc
import html
import logging
import math
import os
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from _report import Table, machine, render

import wireparse
from wireparse._assemble import assemble
from wireparse._classify import classify
from wireparse._compiled import compiled
from wireparse._detect import detect
from wireparse._extract.quotes import extract_quotes
from wireparse._normalize import normalize
from wireparse._phrases import lexicon
from wireparse._segment import segment
from wireparse.blocks import BlockKind
from wireparse.profiles import builtin_profiles

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_49e56f66ff81d9e7.txt"
MIN_SECONDS = 0.2  # each timed repeat runs at least this long


# --- timing helpers -------------------------------------------------------------------


def calibrate(func: Callable[[], object]) -> int:
    """Return how many calls of *func* take at least MIN_SECONDS (after a warm-up call)."""
    func()
    number = 1
    while True:
        start = time.perf_counter()
        for _ in range(number):
            func()
        if time.perf_counter() - start >= MIN_SECONDS:
            return number
        number *= 2


def per_call(func: Callable[[], object], repeat: int) -> list[float]:
    """Return seconds per call of *func*, one figure per repeat."""
    number = calibrate(func)
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            func()
        out.append((time.perf_counter() - start) / number)
    return out


def each(func: Callable[[str], object], items: list[str]) -> Callable[[], list[object]]:
    """Return a call that applies *func* to every one of *items*."""

    def run() -> list[object]:
        return [func(item) for item in items]

    return run


def us(seconds: float) -> str:
    """Format seconds as microseconds."""
    return f"{seconds * 1e6:,.1f}"


# --- inputs ---------------------------------------------------------------------------


def read_corpus(folder: Path) -> list[str]:
    """Return the text of every ``.txt`` in *folder*, sorted by name."""
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]


def scaled(text: str, factor: int) -> str:
    """Return *text* about *factor* times as long: body lines repeated, head and tail kept."""
    if factor == 1:
        return text
    lines = text.split("\n")
    body = [b for b in wireparse.explain(text).blocks if b.kind is BlockKind.BODY]
    first, last = body[0].lines[0] - 1, body[-1].lines[-1]
    head, middle, tail = lines[:first], lines[first:last], lines[last:]
    middle_len = len("\n".join(middle)) + 1
    times = max(1, math.ceil((factor * len(text) - len(text) + middle_len) / middle_len))
    return "\n".join(head + middle * times + tail)


def as_html(text: str) -> str:
    """Wrap a story as the minimal HTML page a web extractor expects."""
    headline = html.escape(wireparse.parse(text).headline or "")
    paragraphs = "".join(f"<p>{html.escape(s.strip())}</p>" for s in text.splitlines() if s.strip())
    return (
        f"<html><head><title>{headline}</title></head><body><article>"
        f"<h1>{headline}</h1>{paragraphs}</article></body></html>"
    )


# --- measurements ---------------------------------------------------------------------


def speed(seed: str, corpus: list[str], repeat: int) -> tuple[Table, dict[str, float]]:
    """Time parse() on the seed and on the corpus; return the table and best µs/story."""
    rows, best = [], {}
    for name, stories in (("seed", [seed]), (f"corpus ({len(corpus)} stories)", corpus)):
        times = per_call(each(wireparse.parse, stories), repeat)
        n = len(stories)
        kb = sum(len(s.encode()) for s in stories) / 1024 / n
        best[name.split()[0]] = min(times) / n
        rows.append(
            [
                name,
                f"{kb:.1f}",
                us(min(times) / n),
                us(statistics.median(times) / n),
                f"{n / min(times):,.0f}",
                f"{n / statistics.median(times):,.0f}",
            ]
        )
    header = ["input", "KB/story", "best µs/story", "median µs/story", "best stories/s", "median"]
    return (f"parse() speed (best and median of {repeat} repeats)", header, rows), best


def stages(seed: str, repeat: int) -> Table:
    """Time each pipeline stage on the seed, in the order ``_api.explain`` calls them."""
    words = lexicon()
    normal = normalize(seed)
    blocks = segment(normal)
    lines = [b.text for b in blocks]
    profile = detect(lines, builtin_profiles()) or wireparse.get_profile("generic")
    view = compiled(profile)
    hint = profile.languages[0] if len(profile.languages) == 1 else None
    classified = classify(blocks, view, words, language=hint)
    agency = None if profile.name == "generic" else profile.name
    article = assemble(classified, view, words, agency=agency, language=None)
    context = [t for t in (article.headline, article.standfirst) if t]
    steps: list[tuple[str, Callable[[], object]]] = [
        ("_normalize.normalize", lambda: normalize(seed)),
        ("_segment.segment", lambda: segment(normal)),
        ("_detect.detect (builtin_profiles())", lambda: detect(lines, builtin_profiles())),
        ("_compiled.compiled (lru-cached)", lambda: compiled(profile)),
        ("_classify.classify", lambda: classify(blocks, view, words, language=hint)),
        (
            "_assemble.assemble",
            lambda: assemble(classified, view, words, agency=agency, language=None),
        ),
    ]
    rows, total = [], 0.0
    for name, func in steps:
        best = min(per_call(func, repeat))
        total += best
        rows.append([name, us(best)])
    rows.append(["sum of stages", us(total)])
    rows.append(
        ["wireparse.parse (whole)", us(min(per_call(lambda: wireparse.parse(seed), repeat)))]
    )
    # the one cache across calls keyed by text: noise decisions on short boilerplate lines,
    # which recur from story to story; a loop over one story hits it on every line
    recent = words._recent  # noqa: SLF001 - measured on purpose

    def cold() -> object:
        recent.clear()
        return wireparse.parse(seed)

    rows.append(
        [
            "wireparse.parse (whole), noise-line cache emptied each call",
            us(min(per_call(cold, repeat))),
        ]
    )
    body = list(article.body)
    language = article.language  # as the pipeline passes it: the detected language
    quotes = min(per_call(lambda: extract_quotes(body, context, words, language), repeat))
    rows.append(["  of which _extract.quotes.extract_quotes (inside assemble)", us(quotes)])
    return ("pipeline stages on the seed (best µs per call)", ["stage", "µs"], rows)


def run_python(code: str, *flags: str) -> subprocess.CompletedProcess[str]:
    """Run *code* in a fresh interpreter (this one) and return the finished process."""
    cmd = [sys.executable, *flags, "-c", code]
    return subprocess.run(cmd, capture_output=True, text=True, check=True)  # noqa: S603


def wall(code: str) -> float:
    """Return the wall time of running *code* in a fresh interpreter."""
    start = time.perf_counter()
    run_python(code)
    return time.perf_counter() - start


def importtime_us(proc: subprocess.CompletedProcess[str]) -> int:
    """Return the cumulative µs of the ``wireparse`` line of ``-X importtime`` output."""
    for line in proc.stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[2].strip() == "wireparse":
            return int(parts[1].strip())
    return -1


def import_time(runs: int = 5) -> Table:
    """Time ``import wireparse`` and the first (cold) parse in fresh interpreters."""
    empty = statistics.median(wall("pass") for _ in range(runs))
    full = statistics.median(wall("import wireparse") for _ in range(runs))
    cumulative = statistics.median(
        importtime_us(run_python("import wireparse", "-X", "importtime")) for _ in range(runs)
    )
    cold = (
        f"import time, wireparse, pathlib; t = pathlib.Path({str(SEED)!r}).read_text('utf-8'); "
        "s = time.perf_counter(); wireparse.parse(t); print(time.perf_counter() - s)"
    )
    first = statistics.median(float(run_python(cold).stdout) for _ in range(runs))
    rows = [
        [
            "`python -c 'import wireparse'` minus `python -c pass` (wall)",
            f"{(full - empty) * 1e3:.1f}",
        ],
        ["`-X importtime` cumulative for wireparse", f"{cumulative / 1e3:.1f}"],
        ["first parse() after import (loads data, compiles patterns)", f"{first * 1e3:.1f}"],
    ]
    return (f"import cost (median of {runs} fresh interpreters)", ["what", "ms"], rows)


def rss_kb() -> int | None:
    """Return the current resident set size in KB, from /proc/self/statm when present."""
    statm = Path("/proc/self/statm")
    if not statm.exists():
        return None
    pages = int(statm.read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") // 1024


def memory(seed: str, corpus: list[str], loops: int) -> Table:
    """Measure tracemalloc peak over the corpus and RSS over *loops* parses of the seed."""
    for story in corpus:
        wireparse.parse(story)  # warm the caches so the peak is what a parse itself needs
    gc.collect()
    tracemalloc.start()
    for story in corpus:
        wireparse.parse(story)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rows = [["tracemalloc peak while parsing the corpus once", f"{peak / 1024:,.0f} KB"]]
    gc.collect()
    max_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    checkpoints = []
    step = max(1, loops // 4)
    start = time.perf_counter()
    for i in range(loops):
        if i % step == 0:
            checkpoints.append(f"{i}: {rss_kb()}")
        wireparse.parse(seed)
    elapsed = time.perf_counter() - start
    gc.collect()
    checkpoints.append(f"{loops}: {rss_kb()}")
    max_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    rows += [
        [
            f"ru_maxrss before → after {loops:,} parses of the seed",
            f"{max_before:,} → {max_after:,} KB",
        ],
        [f"ru_maxrss growth over {loops:,} parses", f"{max_after - max_before:,} KB"],
        ["current RSS (KB) at parse number", "; ".join(checkpoints)],
        ["µs/story over that loop (GC included)", us(elapsed / loops)],
    ]
    return ("memory", ["what", "value"], rows)


def growth(seed: str, factors: list[int], repeat: int) -> Table:
    """Time stories 1x, 10x, ... the seed's length, to show cost grows linearly."""
    rows = []
    base = quotes_base = None
    for factor in factors:
        text = scaled(seed, factor)
        reps = repeat if factor < 100 else min(repeat, 3)
        best = min(per_call(each(wireparse.parse, [text]), reps))
        kb = len(text.encode()) / 1024
        base = base or best / kb
        article = wireparse.parse(text)
        context = [t for t in (article.headline, article.standfirst) if t]
        body, language = article.body, article.language
        quoting = min(
            per_call(functools.partial(extract_quotes, body, context, lexicon(), language), reps)
        )
        quotes_base = quotes_base or quoting / kb
        rows.append(
            [
                f"{factor}x",
                f"{kb:,.1f}",
                us(best),
                us(best / kb),
                f"{best / kb / base:.2f}",
                us(quoting / kb),
                f"{quoting / kb / quotes_base:.2f}",
            ]
        )
    header = [
        "size",
        "KB",
        "best µs/story",
        "µs/KB",
        "µs/KB vs 1x",
        "quotes µs/KB",
        "quotes µs/KB vs 1x",
    ]
    return ("growth with story size (body paragraphs repeated)", header, rows)


TARGET_RATIO = 20  # wireparse should be at least this many times faster than trafilatura


def peers(seed: str, corpus: list[str], ours: dict[str, float], repeat: int) -> Table | None:
    """Time trafilatura and jusText on the same stories as HTML; None when not installed."""
    try:
        import justext  # noqa: PLC0415
        import trafilatura  # noqa: PLC0415
    except ImportError:
        return None
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    stoplist = justext.get_stoplist("English")
    tools: list[tuple[str, Callable[[str], Any]]] = [
        (
            "trafilatura.extract(json, with_metadata)",
            lambda h: trafilatura.extract(h, with_metadata=True, output_format="json"),
        ),
        ("justext.justext(English)", lambda h: justext.justext(h, stoplist)),
    ]
    rows = []
    for input_name, stories in (("seed", [seed]), ("corpus", corpus)):
        pages = [as_html(s) for s in stories]
        rows.append([f"wireparse.parse (text) — {input_name}", us(ours[input_name]), "1.0"])
        for tool, func in tools:
            best = min(per_call(each(func, pages), repeat)) / len(pages)
            rows.append([f"{tool} — {input_name}", us(best), f"{best / ours[input_name]:.1f}"])
            if tool.startswith("trafilatura"):
                # issue 7's target: at least TARGET_RATIO times trafilatura's speed, same run
                goal = best / TARGET_RATIO
                verdict = "met" if ours[input_name] <= goal else "not met"
                rows.append(
                    [f"target: {TARGET_RATIO}x trafilatura — {input_name}", us(goal), verdict]
                )
    header = ["tool — input", "best µs/story", "their time / ours"]
    return ("against web extractors (same stories as minimal HTML)", header, rows)


# --- output ---------------------------------------------------------------------------


def pin_one_core() -> str:
    """Pin this process to one CPU when the platform allows it; say which."""
    if hasattr(os, "sched_setaffinity") and hasattr(os, "sched_getaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned (no sched_setaffinity)"


HOSTILE: dict[str, tuple[str, int]] = {
    # name: (unit, how many units at size 1)
    "unmatched quote marks": ("\N{LEFT DOUBLE QUOTATION MARK}", 1_000),
    "one long line": ("word ", 1_000),
    "lines of capitals": ("ANKARA ISTANBUL BERLIN\n", 500),
    '"By" lines': ("By Jane Doe\n", 100),
    "nested brackets": ("(", 1_000),
    "runs of dashes": ("- -- \N{EM DASH} ", 1_000),
}


def hostile(sizes: list[int]) -> Table:
    """Time inputs built to make regex engines backtrack, at growing sizes (linear is the aim)."""
    rows = []
    for name, (unit, count) in HOSTILE.items():
        cells = [name]
        base = None
        wireparse.parse(unit * count)  # warm-up: patterns compiled, caches filled
        for size in sizes:
            text = unit * (count * size)
            start = time.perf_counter()
            wireparse.parse(text)
            per_kb = (time.perf_counter() - start) / (len(text.encode()) / 1024)
            base = base or per_kb
            cells.append(f"{us(per_kb)} ({per_kb / base:.2f})")
        rows.append(cells)
    header = ["input", *(f"x{size} µs/KB (vs x1)" for size in sizes)]
    return ("hostile inputs: µs per KB as they grow (flat = linear)", header, rows)


def main(argv: list[str] | None = None) -> None:
    """Run every measurement and print the tables."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=ROOT / "tests" / "corpus")
    ap.add_argument("--repeat", type=int, default=5, help="timed repeats (best and median)")
    ap.add_argument("--rss-loops", type=int, default=20_000, help="parses of the seed for RSS")
    ap.add_argument("--scale", default="1,10,100,1000", help="size factors for the growth table")
    ap.add_argument("--markdown", action="store_true", help="print Markdown tables")
    ap.add_argument("--hostile", default="1,10,100", help="size factors for hostile inputs")
    args = ap.parse_args(argv)
    pinned = pin_one_core()
    seed = SEED.read_text(encoding="utf-8")
    corpus = read_corpus(args.corpus)
    if not corpus:
        ap.error(f"no .txt files in {args.corpus}")
    print(f"{'**Machine:** ' if args.markdown else 'machine: '}{machine()}; {pinned}\n")
    shown = args.corpus.resolve()
    shown = shown.relative_to(ROOT) if shown.is_relative_to(ROOT) else shown
    print(f"corpus: {shown} ({len(corpus)} stories)\n")
    table, ours = speed(seed, corpus, args.repeat)
    print(render(table, markdown=args.markdown))
    print(render(stages(seed, args.repeat), markdown=args.markdown))
    print(render(import_time(), markdown=args.markdown))
    print(render(memory(seed, corpus, args.rss_loops), markdown=args.markdown))
    factors = [int(f) for f in args.scale.split(",") if f.strip()]
    print(render(growth(seed, factors, args.repeat), markdown=args.markdown))
    sizes = [int(f) for f in args.hostile.split(",") if f.strip()]
    print(render(hostile(sizes), markdown=args.markdown))
    peer = peers(seed, corpus, ours, args.repeat)
    if peer is None:
        print("trafilatura / justext not installed (pip install -e '.[bench]'): skipped.")
    else:
        print(render(peer, markdown=args.markdown))


if __name__ == "__main__":
    main()
