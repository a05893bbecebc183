"""Speed of the text stage, and how other sentence splitters compare on speed and accuracy.

    python -m bench.text_speed                 # briefgen only
    python -m bench.text_speed --compare       # also every installed candidate library

The corpus is the demo's article bodies repeated to about `--megabytes` of text. "split +
words" is what the issue's target (2 MB/s on one core) is about: every block split into
sentences and every sentence into word tokens, as summaries and quotes use them. "text
stage" adds block detection and cleaning. Accuracy is exact match on the sentence case set
in tests/data/sentences.txt; libraries get briefgen's blocks and split each block's text.
"""

import argparse
import re
import sys
import time
from dataclasses import replace
from pathlib import Path

from briefgen.clean import clean, rules_for
from briefgen.markup import markdown_blocks, text_blocks
from briefgen.read import Paths, read_project
from briefgen.sentences import split_blocks
from briefgen.typography import normalize, words

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from sentence_cases import Case, load_cases  # noqa: E402


def demo_articles():
    return read_project(Paths(ROOT, ROOT / "briefgen.yaml", ROOT / "content")).articles


def corpus(megabytes: float):
    """(articles, bodies, size in bytes): the demo repeated to about `megabytes`."""
    articles = demo_articles()
    size = sum(len(b.text.encode()) for a in articles for b in a.blocks)
    copies = max(1, round(megabytes * 1_000_000 / size))
    return articles * copies, size * copies


def split_and_words(articles) -> int:
    count = 0
    for article in articles:
        for sentence in split_blocks(article.blocks, article.language):
            count += len(words(sentence.norm))
    return count


def text_stage(articles, config) -> int:
    count = 0
    for article in articles:
        body = "\n\n".join(b.text for b in article.blocks)
        blocks = (markdown_blocks if article.path.endswith(".md") else text_blocks)(body, 1, article.language)
        kept, _ = clean(replace(article, blocks=blocks), rules_for(config, article.outlet))
        count += sum(len(words(s.norm)) for s in split_blocks(kept, article.language))
    return count


def best_of(repeat: int, function, *args) -> float:
    times = []
    for _ in range(repeat):
        started = time.process_time()  # CPU time of this process: one core, less noise from other load
        function(*args)
        times.append(time.process_time() - started)
    return min(times)


_KEPT_INSIDE = re.compile(r"[.!?…]\s+[\"'(¿¡]*[A-ZÁÉÍÓÚÀÈÙÄÖÜ]")


def candidates() -> dict:
    """Splitters that can be compared, by name: a function (text, language) -> sentences."""
    found = {}
    try:
        import pysbd

        segmenters = {}

        def pysbd_split(text, language):
            segmenter = segmenters.setdefault(language, pysbd.Segmenter(language=language, clean=False))
            return segmenter.segment(text)

        found["pysbd"] = pysbd_split
    except ImportError:
        pass
    try:
        from syntok import segmenter as syntok_segmenter

        def syntok_split(text, language):
            return ["".join(t.spacing + t.value for t in s) for p in syntok_segmenter.process(text) for s in p]

        found["syntok"] = syntok_split
    except ImportError:
        pass
    try:
        from sentencex import segment

        found["sentencex"] = lambda text, language: list(segment(language, text))
    except ImportError:
        pass
    try:
        import blingfire

        found["blingfire"] = lambda text, language: blingfire.text_to_sentences(text).split("\n")
    except ImportError:
        pass
    try:
        import nupunkt

        found["nupunkt"] = lambda text, language: nupunkt.sent_tokenize(text)
    except ImportError:
        pass
    try:
        from sentence_splitter import SentenceSplitter

        splitters = {}

        def moses_split(text, language):
            return splitters.setdefault(language, SentenceSplitter(language=language)).split(text)

        found["sentence-splitter"] = moses_split
    except ImportError:
        pass
    return found


def library_accuracy(split, cases: list[Case]) -> float:
    right = 0
    for case in cases:
        got = []
        for block in text_blocks(case.text, 1, case.language):
            got += [s.strip() for s in split(block.text, case.language) if s.strip()]
        right += tuple(got) == case.expected
    return right / len(cases)


def library_speed(split, articles, size: int, repeat: int) -> float:
    def run():
        for article in articles:
            for block in article.blocks:
                for sentence in split(block.text, article.language):
                    words(sentence)

    return size / best_of(repeat, run) / 1e6


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--megabytes", type=float, default=2.0, help="corpus size (default 2)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the best counts (default 3)")
    parser.add_argument("--compare", action="store_true", help="also measure installed candidate libraries")
    args = parser.parse_args(argv)

    articles, size = corpus(args.megabytes)
    config = read_project(Paths(ROOT, ROOT / "briefgen.yaml", ROOT / "content")).config
    cases = load_cases()
    print(f"corpus: {len(articles)} articles, {size / 1e6:.2f} MB; case set: {len(cases)} cases; best of {args.repeat}")
    ours = sum(tuple(s.text for s in split_blocks(text_blocks(c.text, 1, c.language), c.language)) == c.expected for c in cases)
    print(f"{'splitter':<18} {'MB/s':>7} {'exact':>7}")
    print(f"{'briefgen':<18} {size / best_of(args.repeat, split_and_words, articles) / 1e6:7.2f} {ours / len(cases):7.1%}"
          "   (split + words)")
    print(f"{'briefgen':<18} {size / best_of(args.repeat, text_stage, articles, config) / 1e6:7.2f} {'':>7}"
          "   (blocks + clean + split + words)")
    if args.compare:
        compare(articles, size, cases)
    return 0


def compare(articles, size: int, cases: list[Case]) -> None:
    """Each installed library on a tenth of the corpus; `exact*` leaves out every case whose
    expected sentences keep a full stop followed by a capital (quotes kept whole, "Mr. X"),
    the convention most splitters do not share: an upper bound for them."""
    small = articles[: max(1, len(articles) // 10)]
    small_size = size * len(small) // len(articles)
    plain = [c for c in cases if not any(_KEPT_INSIDE.search(normalize(e)) for e in c.expected)]
    print(f"\n{'library':<18} {'MB/s':>7} {'exact':>7} {'exact*':>7}   (split + words on {small_size / 1e6:.2f} MB; exact* on {len(plain)} cases)")
    for name, split in candidates().items():
        speed = library_speed(split, small, small_size, 1)
        print(f"{name:<18} {speed:7.2f} {library_accuracy(split, cases):7.1%} {library_accuracy(split, plain):7.1%}")


if __name__ == "__main__":
    sys.exit(main())
