"""CPU time of the analysis stage per article: `python -m bench.analyze_speed [--articles N]`.

Analysis (cleaning, sentences, quotes and speakers of one article) is the largest part of a cold
build. This times `briefgen.analyze.analyze` over the benchmark corpus (bench/corpus.py, fixed
seed) in one process and prints the best of three passes in milliseconds of CPU per article:
process time, so other jobs on the machine change it less than they change wall time.
"""

import argparse
import tempfile
import time
from pathlib import Path

from briefgen.analyze import analyze
from briefgen.read import Paths, read_project

from .corpus import make_corpus


def cpu_ms_per_article(root: Path, passes: int = 3) -> tuple[float, int]:
    project = read_project(Paths(root, root / "briefgen.yaml", root / "content"))
    best = float("inf")
    for _ in range(passes):
        start = time.process_time()
        for article in project.articles:
            analyze(article, project.config)
        best = min(best, time.process_time() - start)
    return best / len(project.articles) * 1000, len(project.articles)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=600)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        root = make_corpus(Path(scratch), arguments.articles, days=10)
        milliseconds, count = cpu_ms_per_article(root)
    print(f"analysis: {milliseconds:.2f} ms of CPU per article (best of 3 passes over {count} articles)")


if __name__ == "__main__":
    main()
