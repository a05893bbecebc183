"""Quote extraction measured on an annotated set: `python -m bench.quotes_eval [-v]`.

Each case in bench/quotes/cases/ is an article body (`NAME.txt` or `NAME.md`, as an editor
pastes it) and `NAME.yaml` with its title, outlet and every direct quote in it with its
speaker ("" where the article does not name one). The article goes through the real
pipeline (clean -> sentences -> quotes). A found quote matches an annotated one when their
words are the same (case, punctuation and quote marks aside); speakers are compared with
straight apostrophes ("Women’s Board" is "Women's Board"). Reported: precision and recall
of (quote, speaker) pairs, and speaker accuracy over the quotes found.
"""

import sys
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import yaml

from briefgen.analyze import analyze
from briefgen.config import Config
from briefgen.markup import markdown_blocks, text_blocks
from briefgen.models import Article
from briefgen.typography import normalize, words

CASES = Path(__file__).parent / "quotes" / "cases"


@dataclass(frozen=True)
class Result:
    case: str
    group: str  # "development" (used while writing the code) or "held-out*" (written after the code)
    expected: tuple[tuple[str, str], ...]
    found: tuple[tuple[str, str], ...]
    not_quotes: tuple[str, ...] = ()  # scare quotes, nicknames, titles that must not be found


def key(text: str) -> str:
    return " ".join(words(normalize(text).lower()))


def run_case(body_path: Path) -> Result:
    meta = yaml.safe_load(body_path.with_suffix(".yaml").read_text(encoding="utf-8"))
    to_blocks = markdown_blocks if body_path.suffix == ".md" else text_blocks
    moment = datetime(2026, 11, 19, tzinfo=timezone.utc)
    article = Article(
        path=body_path.name, title=meta["title"], url=f"https://example.org/{body_path.stem}",
        outlet=meta["outlet"], published=moment, briefing=moment.date(),
        blocks=to_blocks(body_path.read_text(encoding="utf-8")),
    )
    text = analyze(article, Config())
    expected = tuple((q["text"], q["speaker"]) for q in meta["quotes"])
    found = tuple((q.text, q.speaker) for q in text.quotes)
    return Result(body_path.stem, meta.get("set", "development"), expected, found, tuple(meta.get("not_quotes", ())))


def score(results: list[Result]) -> dict:
    found = expected = pairs = texts = speakers = traps = trapped = 0
    for result in results:
        traps += len(result.not_quotes)
        trapped += len({key(t) for t in result.not_quotes} & {key(t) for t, _ in result.found})
        gold = {key(text): normalize(speaker) for text, speaker in result.expected}
        found += len(result.found)
        expected += len(gold)
        for text, speaker in result.found:
            if key(text) in gold:
                texts += 1
                speakers += gold[key(text)] == normalize(speaker)
                pairs += gold[key(text)] == normalize(speaker)
    return {
        "articles": len(results), "expected": expected, "found": found, "pairs": pairs,
        "precision": pairs / found if found else 0.0,
        "recall": pairs / expected if expected else 0.0,
        "quote_recall": texts / expected if expected else 0.0,
        "speaker_accuracy": speakers / texts if texts else 0.0,
        "traps": traps, "trapped": trapped,
    }


def mistakes(result: Result) -> list[str]:
    gold = {key(text): (text, speaker) for text, speaker in result.expected}
    seen = {key(text) for text, _ in result.found}
    lines = []
    for text, speaker in result.found:
        if key(text) not in gold:
            lines.append(f"  extra:   {text!r} ({speaker or 'no speaker'})")
        elif normalize(gold[key(text)][1]) != normalize(speaker):
            lines.append(f"  speaker: {text!r}: found {speaker!r}, expected {gold[key(text)][1]!r}")
    lines += [f"  missed:  {text!r} ({speaker})" for k, (text, speaker) in gold.items() if k not in seen]
    return lines


def report(title: str, results: list[Result]) -> None:
    s = score(results)
    print(f"{title}: {s['expected']} quotes annotated in {s['articles']} articles, {s['found']} found")
    print(f"  precision (quote, speaker) {s['precision']:.3f} ({s['pairs']} of {s['found']} found pairs right)")
    print(f"  recall    (quote, speaker) {s['recall']:.3f} ({s['pairs']} of {s['expected']} annotated pairs found)")
    print(f"  quotes found, any speaker  {s['quote_recall']:.3f}")
    print(f"  speaker accuracy           {s['speaker_accuracy']:.3f}")
    print(f"  non-quotes taken as quotes {s['trapped']} of {s['traps']}")


def main(argv: list[str]) -> int:
    results = [run_case(path) for path in sorted(CASES.iterdir()) if path.suffix in (".txt", ".md")]
    if "-v" in argv:
        for result in results:
            for line in mistakes(result):
                print(f"{result.case}: {line.strip()}")
    report("all", results)
    for group in sorted({r.group for r in results}, key=lambda g: (g != "development", g)):
        report(group, [r for r in results if r.group == group])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
