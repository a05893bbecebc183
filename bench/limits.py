"""The documented limits, measured: a topic with 2,000 articles, an article of 1 MB of text,
an article with 50,000 quotes.

    python -m bench.limits                      # all three, 2,000 / 1 MB / 50,000
    python -m bench.limits --case quotes --size 20000

Each case is a fresh project (text from bench/corpus.py's generator, fixed seed) built once
as a whole process (`briefgen build --no-cache`); it prints wall time, peak memory (PSS of
the process tree, and the largest RSS) and briefgen's summary line or first error.
"""

import argparse
import random
import shutil
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

from .corpus import FIRST_DAY, FIRST, LAST, SEED, _body, _outlets, _topic_yaml, _topics, _write_article
from .run import MemorySampler

CASES = {"topic": 2000, "article": 1_000_000, "quotes": 50_000}


def topic_project(root: Path, articles: int) -> Path:
    """`articles` articles of one topic, all on one day."""
    rng = random.Random(SEED)
    outlets, topic = _outlets(rng), _topics(12)[0]
    _start(root, topic)
    for number in range(articles):
        _write_article(root, rng, number, 0, topic, outlets[number % len(outlets)])
    return root


def article_project(root: Path, size: int) -> Path:
    """One article of about `size` bytes of text."""
    rng, topic = random.Random(SEED), _topics(12)[0]
    _start(root, topic)
    words = {"place": topic["place"], "Place": topic["place"], "thing": topic["thing"], "Thing": topic["thing"].capitalize(),
             "people": topic["people"], "issue": topic["issue"], "Outlet": "The Kettle Bay Herald"}
    paragraphs = _body(rng, random.Random(1), words, target=size // 6)
    body = "\n\n".join(paragraphs)[:size]
    _article(root, "long", body[: body.rfind("\n\n")], topic)
    return root


def quotes_project(root: Path, quotes: int) -> Path:
    """One article that is nothing but `quotes` attributed quotes."""
    rng, topic = random.Random(SEED), _topics(12)[0]
    _start(root, topic)
    lines = [
        f"\u201cThe {topic['short']} will be discussed again on day {n} of the inquiry,\u201d said {rng.choice(FIRST)} {rng.choice(LAST)}."
        for n in range(quotes)
    ]
    _article(root, "quotes", "\n\n".join(lines), topic)
    return root


def _start(root: Path, topic: dict) -> None:
    (root / "content" / "articles").mkdir(parents=True)
    (root / "briefgen.yaml").write_text("title: Limits\n")
    (root / "content" / "topics.yaml").write_text(_topic_yaml(topic))


def _article(root: Path, name: str, body: str, topic: dict) -> None:
    meta = (f"title: A long day\nurl: https://herald.example/{name}\noutlet: The Kettle Bay Herald\n"
            f"published: {FIRST_DAY + timedelta(days=1)}T08:00:00+00:00\ntopic: {topic['id']}\n")
    (root / "content" / "articles" / f"{name}.md").write_text(f"---\n{meta}---\n{body}\n")


MAKERS = {"topic": topic_project, "article": article_project, "quotes": quotes_project}


def measure(root: Path) -> tuple[float, float, float, int, str]:
    """(seconds, peak PSS MB, peak RSS MB, exit status, last line of output)."""
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "briefgen", "build", "--no-cache"], cwd=root,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    sampler = MemorySampler(process.pid)
    sampler.start()
    output, _ = process.communicate()
    seconds = time.perf_counter() - started
    sampler.stop()
    lines = output.strip().splitlines()
    return seconds, sampler.peak_pss / 1024, sampler.peak_rss / 1024, process.returncode, "\n  ".join(lines[-3:])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", choices=sorted(CASES), action="append", help="default: all")
    parser.add_argument("--size", type=int, help="articles, bytes or quotes (default: the documented limit)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/briefgen-bench/limits"))
    args = parser.parse_args()
    for case in args.case or list(CASES):
        size = args.size or CASES[case]
        root = args.work / f"{case}-{size}"
        shutil.rmtree(root, ignore_errors=True)
        MAKERS[case](root, size)
        megabytes = sum(p.stat().st_size for p in (root / "content").rglob("*") if p.is_file()) / 1e6
        seconds, pss, rss, status, last = measure(root)
        print(f"{case} {size:,} ({megabytes:.1f} MB of content): {seconds:.1f} s, peak PSS {pss:.0f} MB, "
              f"largest RSS {rss:.0f} MB, exit {status}\n  {last}")


if __name__ == "__main__":
    main()
