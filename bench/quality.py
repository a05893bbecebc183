"""Summary quality against hand-written references: `python -m bench.quality [--detail]`.

For every topic-day of the demo (or of the project in the current folder) it compares three
summaries with `bench/references/<day>/<topic>.md`, written by hand from the articles:

- briefgen: the summary `briefgen build` publishes;
- lead-3: the first three sentences of the topic's earliest article;
- sumy LexRank: plain upstream sumy over the topic's articles concatenated, as many sentences
  as briefgen's length setting.

It prints mean ROUGE-1, ROUGE-2 and ROUGE-L (summary level) F1 with stemming (Google's
rouge-score, ROUGE-1.5.5 compatible) and counts repeated sentences in each summary (two
sentences whose content words overlap above the redundancy threshold). Exit status 1 if
briefgen does not beat both baselines on ROUGE-2 or repeats itself.

`--sensitivity` moves each of briefgen's selection weights a step either side of its default,
one at a time, and prints ROUGE-2: a result that holds only at the defaults is overfitted. It
also prints briefgen's ROUGE-2 with each sumy summarizer in place of the configured one.
"""

import argparse
import importlib.util
import sys
from dataclasses import replace
from pathlib import Path
from statistics import mean

from briefgen.build import analyze_all, topic_briefing
from briefgen.config import SUMMARIZERS
from briefgen.group import group_articles
from briefgen.models import PARAGRAPH
from briefgen.read import Paths, read_project
from briefgen.sentences import SumyTokenizer
from briefgen import selection, summarize
from briefgen.selection import REDUNDANT, cosine
from briefgen.summarize import Terms, summary_length

REFERENCES = Path(__file__).parent / "references"
SYSTEMS = ("briefgen", "lead-3", "sumy LexRank")
MEASURES = ("rouge1", "rouge2", "rougeLsum")


def summaries(root: Path, summarizer: str = ""):
    """(day, topic id, {system: [sentences]}) for every topic-day of the project at `root`."""
    project = read_project(Paths(root, root / "briefgen.yaml", root / "content"))
    config = replace(project.config, summarizer=summarizer or project.config.summarizer)
    texts_by_path = {text.article.path: text for text in analyze_all(project)}
    for day, groups in group_articles(project.articles, project.topics):
        for topic, articles in groups:
            texts = tuple(texts_by_path[article.path] for article in articles)
            entry = topic_briefing(topic, texts, config)
            count = summary_length(project.config, topic.summary).sentences or project.config.summary_sentences
            yield day, topic.id, {
                "briefgen": [s.text for s in entry.summary],
                "lead-3": lead(texts, 3),
                "sumy LexRank": plain_lexrank(texts, count),
            }


def lead(texts, count: int) -> list[str]:
    first = texts[0]  # group_articles puts the earliest first
    return [s.text for s in first.sentences if first.blocks[s.block].kind == PARAGRAPH][:count]


def plain_lexrank(texts, count: int) -> list[str]:
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    body = "\n\n".join(b.text for t in texts for b in t.blocks if b.kind == PARAGRAPH)
    document = PlaintextParser.from_string(body, SumyTokenizer("en")).document
    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    return [str(sentence) for sentence in summarizer(document, count)]


def repeats(sentences: list[str]) -> int:
    """Pairs of sentences in one summary that say the same thing."""
    terms = [Terms.for_language("en")(s) for s in sentences]
    return sum(
        1 for i in range(len(terms)) for j in range(i + 1, len(terms))
        if sentences[i] == sentences[j] or cosine(terms[i], terms[j]) > REDUNDANT
    )


def evaluate(root: Path, detail: bool = False, out=sys.stdout) -> bool:
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(list(MEASURES), use_stemmer=True)
    scores = {system: {m: [] for m in MEASURES} for system in SYSTEMS}
    duplicates = dict.fromkeys(SYSTEMS, 0)
    for day, topic, produced in summaries(root):
        reference_path = REFERENCES / day.isoformat() / f"{topic}.md"
        if not reference_path.exists():
            raise SystemExit(f"no reference summary for {topic} on {day}: write {reference_path}")
        reference = reference_path.read_text().strip()
        for system, sentences in produced.items():
            result = scorer.score(reference, "\n".join(sentences))
            for measure in MEASURES:
                scores[system][measure].append(result[measure].fmeasure)
            duplicates[system] += repeats(sentences)
            if detail:
                print(f"{day} {topic:18} {system:13} " + " ".join(f"{result[m].fmeasure:.3f}" for m in MEASURES), file=out)
    print(f"{'system':14}{'ROUGE-1':>9}{'ROUGE-2':>9}{'ROUGE-L':>9}{'repeats':>9}", file=out)
    means = {s: {m: mean(scores[s][m]) for m in MEASURES} for s in SYSTEMS}
    for system in SYSTEMS:
        row = "".join(f"{means[system][m]:9.3f}" for m in MEASURES)
        print(f"{system:14}{row}{duplicates[system]:9d}", file=out)
    count = len(scores["briefgen"]["rouge2"])
    print(f"F1, mean over {count} topic-days; ROUGE-L is summary-level (rougeLsum), stemmed.", file=out)
    return duplicates["briefgen"] == 0 and all(means["briefgen"]["rouge2"] > means[s]["rouge2"] for s in SYSTEMS[1:])


WEIGHTS = {  # (module, name): step
    (summarize, "LEAD_WEIGHT"): 0.1,
    (summarize, "TITLE_WEIGHT"): 0.1,
    (summarize, "QUOTE_DISCOUNT"): 0.25,
    (selection, "MMR_LAMBDA"): 0.1,
}


def sensitivity(root: Path, out=sys.stdout) -> None:
    """ROUGE-2 of briefgen with each weight a step below and above its default."""
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge2"], use_stemmer=True)
    baseline = rouge2_means(root, scorer)
    print(f"baselines: lead-3 {baseline['lead-3']:.3f}, sumy LexRank {baseline['sumy LexRank']:.3f}", file=out)
    for (module, name), step in WEIGHTS.items():
        default = getattr(module, name)
        row = []
        for value in (default - step, default, default + step):
            setattr(module, name, value)
            try:
                row.append(f"{value:.2f}: {rouge2_means(root, scorer)['briefgen']:.3f}")
            finally:
                setattr(module, name, default)
        print(f"{name:15}" + "   ".join(row), file=out)
    row = [f"{name} {rouge2_means(root, scorer, name)['briefgen']:.3f}" for name in SUMMARIZERS]
    print("summarizer     " + "   ".join(row), file=out)


def rouge2_means(root: Path, scorer, summarizer: str = "") -> dict[str, float]:
    found = {system: [] for system in SYSTEMS}
    for day, topic, produced in summaries(root, summarizer):
        reference = (REFERENCES / day.isoformat() / f"{topic}.md").read_text()
        for system, sentences in produced.items():
            found[system].append(scorer.score(reference, "\n".join(sentences))["rouge2"].fmeasure)
    return {system: mean(values) for system, values in found.items()}


def main() -> None:
    if importlib.util.find_spec("rouge_score") is None:
        sys.exit("bench.quality needs rouge-score: .venv/bin/pip install -e '.[bench]'")
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent, help="project folder (default: the demo)")
    parser.add_argument("--detail", action="store_true", help="also print the scores of every topic-day")
    parser.add_argument("--sensitivity", action="store_true", help="ROUGE-2 with each selection weight moved a step")
    arguments = parser.parse_args()
    if arguments.sensitivity:
        sensitivity(arguments.root)
        return
    sys.exit(0 if evaluate(arguments.root, arguments.detail) else 1)


if __name__ == "__main__":
    main()
