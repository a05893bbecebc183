"""Limits: huge topics, articles and quote counts build within bounded work.

The caps are checked here quickly with small numbers; the documented sizes (a topic of 2,000
articles, an article of 1 MB, 50,000 quotes) run only with BRIEFGEN_SLOW=1 (a few minutes),
and their time and memory are measured by `python -m bench.limits` (see bench/README.md).
"""

import os
import random
import string
from pathlib import Path

import pytest

from bench.limits import article_project, quotes_project, topic_project
from briefgen import keyquotes, quotes, summarize, syndication
from briefgen.build import BuildOptions, build
from briefgen.config import Config
from briefgen.models import ArticleText, Block, Quote
from briefgen.quotes import extract_quotes
from briefgen.sentences import split_blocks
from briefgen.summarize import summarize_topic
from briefgen.syndication import find_copies
from builders import article

slow = pytest.mark.skipif(os.environ.get("BRIEFGEN_SLOW") != "1", reason="the documented sizes take minutes: set BRIEFGEN_SLOW=1")


PLACES = ["Port Alder", "Kettle Bay", "Northmoor", "Saltmarsh", "Dunmere", "Glasswater"]
THINGS = ["harbour bridge", "ferry timetable", "water restrictions", "council budget", "bus fares", "hospital wards"]


def text_of(number: int, paragraphs: list[str]) -> ArticleText:
    blocks = tuple(Block(p) for p in paragraphs)
    return ArticleText(article(f"Story {number}", f"https://e.org/{number}", path=f"content/articles/{number:03d}.md"), blocks, (),
                       split_blocks(blocks))


def test_past_max_ranked_sumy_ranks_the_leads_of_every_article(monkeypatch):
    ranked = []
    monkeypatch.setattr(summarize, "MAX_RANKED", 6)
    monkeypatch.setattr(summarize, "rank_sentences", lambda sentences, *args: ranked.extend(sentences) or [1.0] * len(sentences))
    leads = [f"Officials in {PLACES[n]} said the {THINGS[n]} would be reviewed within weeks." for n in range(5)]
    seconds = [f"Critics of the {THINGS[n]} in {PLACES[n + 1]} want a public inquiry this spring." for n in range(5)]
    texts = tuple(text_of(n, [leads[n], seconds[n]]) for n in range(5))
    summary = summarize_topic(texts, Config(summary_sentences=2))
    assert sorted(ranked) == sorted(leads + seconds[:1])
    assert len(summary) == 2


def test_an_article_keeps_its_first_max_quotes_quotations(monkeypatch):
    monkeypatch.setattr(quotes, "MAX_QUOTES", 3)
    blocks = tuple(Block(f'"We will never accept the {THINGS[n]} plan," said Mara Quinlan.') for n in range(5))
    found = extract_quotes(blocks, split_blocks(blocks))
    assert [q.text for q in found] == [f"We will never accept the {THINGS[n]} plan" for n in range(3)]


def test_key_quotes_merge_pinned_quotes_then_the_earliest(monkeypatch):
    monkeypatch.setattr(keyquotes, "MAX_MERGED", 3)
    text = text_of(0, ["Body."])
    said = [f"Nobody in {PLACES[n]} asked for the {THINGS[n]} to change" for n in range(5)]
    found = [(text, Quote(said[n], "Mara Quinlan", pinned=n == 4)) for n in range(5)]
    assert [q.text for _, q in keyquotes._bounded(found)] == [said[0], said[1], said[4]]


def test_copies_are_still_found_past_common_phrasing(monkeypatch):
    monkeypatch.setattr(syndication, "MAX_POSTINGS", 2)
    shared = "The council met on Monday to discuss the harbour bridge and the ferry timetable again."
    story = " ".join(f"The wire reported that {t} in {p} were delayed by the flood." for t, p in zip(THINGS, PLACES))
    own = [" ".join("".join(random.Random(f"{n} {k}").choices(string.ascii_lowercase, k=6)) for k in range(40)) + "." for n in range(4)]
    texts = [text_of(n, [shared, own[n]]) for n in range(4)]
    texts += [text_of(4, [story]), text_of(5, [story, "One line added by the second outlet."])]
    assert [(c.article.path, c.original.path) for c in find_copies(tuple(texts))] == [("content/articles/005.md", "content/articles/004.md")]


def _build(root: Path):
    return build(BuildOptions(root, root / "briefgen.yaml", root / "content", root / "site", None, cache=False))


@slow
def test_a_topic_of_2000_articles_builds(tmp_path):
    report = _build(topic_project(tmp_path / "p", 2000))
    assert (report.articles, report.topics, report.days) == (2000, 1, 1)


@slow
def test_an_article_of_1_mb_builds(tmp_path):
    report = _build(article_project(tmp_path / "p", 1_000_000))
    assert (report.articles, report.topics) == (1, 1)


@slow
def test_an_article_of_50000_quotes_builds(tmp_path):
    report = _build(quotes_project(tmp_path / "p", 50_000))
    assert (report.articles, report.topics) == (1, 1)
