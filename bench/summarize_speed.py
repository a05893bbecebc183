"""Time to summarise one topic: `python -m bench.summarize_speed [--sizes 100 1000 3000]`.

Each size is a synthetic topic (bench/topics.py, fixed seed) of that many sentences in
articles of 30. The timing covers `summarize_topic` as `briefgen build` runs it: candidate
sentences, sumy ranking (the vectorised LexRank/TextRank) and MMR selection. Target: under
1 s for 3,000 sentences. Printed: the first run of each size (its new words still to be
stemmed) and the best of --repeat runs. Imports (sumy, NLTK's stemmers: once per process,
about half a second) are done before timing, on a small topic.
"""

import argparse
import time

from briefgen.config import Config
from briefgen.summarize import summarize_topic
from briefgen.syndication import find_copies

from .topics import make_topic


def timed(function, *args) -> float:
    started = time.perf_counter()
    function(*args)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 3000])
    parser.add_argument("--summarizers", nargs="+", default=["lexrank", "textrank"])
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()
    summarize_topic(make_topic(30, seed=1), Config())  # imports, not timed
    print(f"{'summarizer':11}{'sentences':>10}{'articles':>9}{'first s':>9}{'best s':>8}{'copies s':>9}")
    for summarizer in arguments.summarizers:
        config = Config(summarizer=summarizer, summary_sentences=5)
        for size in arguments.sizes:
            texts = make_topic(size)
            copies = find_copies(texts)
            runs = [timed(summarize_topic, texts, config, None, copies) for _ in range(arguments.repeat)]
            print(f"{summarizer:11}{size:10d}{len(texts):9d}{runs[0]:9.3f}{min(runs):8.3f}{timed(find_copies, texts):9.3f}")


if __name__ == "__main__":
    main()
