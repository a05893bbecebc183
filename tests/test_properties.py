"""Property tests: whatever the front matter, body, topics or config, a build either succeeds or
reports problems (InputError), never another exception; a build that succeeds is
deterministic (a second build from scratch is byte-identical).

The default profile runs 100 examples per test (400 builds in all); for a longer search:
    BRIEFGEN_HYPOTHESIS=thorough python -m pytest tests/test_properties.py --hypothesis-show-statistics
"""

import os
import string
import tempfile
from datetime import timezone
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from briefgen.build import BuildOptions, build
from briefgen.config import LANGUAGES, SUMMARIZERS
from briefgen.errors import InputError
from briefgen.summarize import rank_sentences
from builders import write_project

pytestmark = pytest.mark.filterwarnings("error::RuntimeWarning")  # e.g. numpy dividing by zero: NaN scores

settings.register_profile("default", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("BRIEFGEN_HYPOTHESIS", "default"))

TOPICS = "- id: budget\n  title: Budget\n- id: harbour\n  title: Harbour Bridge\n"

# -- values of every type, as hand-written YAML can hold them
texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
words = st.text(string.ascii_letters + "éü ", min_size=1, max_size=20).filter(str.strip)
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), texts,
    st.dates().map(str), st.datetimes(timezones=st.timezones()).map(lambda d: d.isoformat()),
)
anything = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(texts, inner, max_size=3), max_leaves=6)


def sometimes(good):
    """Mostly a valid value (so builds often succeed), about one time in twenty anything at all.
    (one_of(good, good, ..., anything) would not do: Hypothesis merges the equal branches.)"""
    return st.sampled_from(range(20)).flatmap(lambda n: anything if n == 19 else good)


moments = st.datetimes(timezones=st.just(timezone.utc) | st.timezones()).map(lambda d: d.isoformat())
front_matters = st.fixed_dictionaries(
    {
        "title": sometimes(words),
        "outlet": sometimes(words),
        "published": sometimes(moments | st.dates().map(str)),
    },
    optional={
        "topic": sometimes(st.sampled_from(["budget", "harbour"])),
        "author": sometimes(words),
        "language": sometimes(st.sampled_from(sorted(LANGUAGES))),
        "briefing": sometimes(st.dates().map(str)),
        "tags": sometimes(st.lists(words, max_size=3)),
        "summary": sometimes(st.fixed_dictionaries({}, optional={"sentences": st.integers(0, 5), "drop": st.just(["was discussed at length"])})),
        "quotes": sometimes(st.fixed_dictionaries({}, optional={"hide": st.lists(words, max_size=1), "speakers": st.dictionaries(words, words, max_size=1)})),
        "extra": anything,
    },
)
sentences = st.builds(
    lambda who, said, tail: f'"{said} about the {tail} today," said {who}. The {tail} was discussed at length by the council.',
    st.sampled_from(["Mara Quinlan", "the mayor", "Owen Pryce"]), words, words,
)
bodies = st.lists(st.one_of(sentences, texts, st.sampled_from(["", "# Heading", "- a list item", "> quoted", "```", "---"])),
                  min_size=1, max_size=6).map("\n\n".join)
configs = st.one_of(
    st.none(),
    texts,
    st.fixed_dictionaries({}, optional={
        "title": sometimes(words), "timezone": sometimes(st.sampled_from(["UTC", "Europe/London", "Asia/Tokyo", "Pacific/Kiritimati"])),
        "language": sometimes(st.sampled_from(sorted(LANGUAGES))), "summarizer": sometimes(st.sampled_from(SUMMARIZERS)),
        "summary_sentences": sometimes(st.integers(1, 10)), "summary_words": sometimes(st.integers(0, 200)),
        "quotes_per_topic": sometimes(st.integers(0, 5)), "max_file_size": sometimes(st.sampled_from(["5MB", "1KB", 2000])),
        "base_url": sometimes(st.just("https://briefing.example/")), "drop_lines": sometimes(st.lists(words, max_size=2)),
        "summry_sentences": anything,
    }),
)
topic_ids = st.sampled_from(["budget", "harbour", "Budget", "other", "Other", "..", "con", "x" * 80, "\u0432\u044b\u0431\u043e\u0440\u044b"])
descriptions = st.one_of(words, st.sampled_from(["About *this* story", "[More](https://example.org/x)", "<script>x()</script>", "- a\n- b"]))
good_topics = st.lists(st.fixed_dictionaries({"id": topic_ids, "title": words}, optional={"description": sometimes(descriptions)}),
                       min_size=1, max_size=5, unique_by=lambda t: t["id"])
any_topics = st.lists(st.fixed_dictionaries({"id": sometimes(topic_ids)}, optional={
    "title": sometimes(words), "description": sometimes(texts), "summary": anything, "quotes": anything, "colour": anything,
}), max_size=4)
topic_lists = st.sampled_from(range(4)).flatmap(lambda n: (good_topics, good_topics, any_topics, texts)[n])


def dump(value) -> str:
    return value if isinstance(value, str) else yaml.safe_dump(value, allow_unicode=True)


def article(meta, body: str, number: int = 0) -> str:
    meta = {**meta, "url": meta.get("url", f"https://news.example/{number}")} if isinstance(meta, dict) else meta
    return "---\n" + dump(meta) + "---\n" + body + "\n"


def builds_or_reports(files: dict, topics: str = TOPICS, config: str | None = None) -> None:
    """The property: InputError or success; a success is byte-identical when built again."""
    with tempfile.TemporaryDirectory() as folder:
        root = write_project(Path(folder), files, topics=topics, config=config)
        outputs = []
        for output in ("one", "two"):
            options = BuildOptions(root, root / "briefgen.yaml", root / "content", root / output, None, jobs=1, cache=False)
            try:
                build(options)
            except InputError as exc:
                assert exc.problems and all(p.path for p in exc.problems)
                event("reported problems")
                return
            outputs.append({p.relative_to(root / output): p.read_bytes() for p in sorted((root / output).rglob("*")) if p.is_file()})
        event("built")
        assert outputs[0] == outputs[1]


@given(front_matters, bodies)
def test_any_front_matter_and_body(meta, body):
    builds_or_reports({"a.md": article(meta, body), "b.txt": body, "b.yaml": dump({**meta, "url": "https://news.example/b"})})


@given(st.one_of(texts, anything), bodies)
def test_any_yaml_at_all_as_metadata(meta, body):
    builds_or_reports({"a.md": article(meta, body), "ok.md": article({"title": "T", "outlet": "O", "published": "2024-03-05", "topic": "budget"}, body, 1)})


@given(configs, bodies)
def test_any_config(config, body):
    good = {"title": "Budget agreed", "outlet": "The Example", "published": "2024-03-05T07:30:00+01:00", "topic": "budget"}
    builds_or_reports({"a.md": article(good, body)}, config=None if config is None else dump(config))


@given(topic_lists, bodies)
def test_any_topics(topics, body):
    ids = [t["id"] for t in topics if isinstance(t.get("id"), str)] if isinstance(topics, list) else []
    meta = {"title": "Budget agreed", "outlet": "The Example", "published": "2024-03-05T07:30:00+01:00"}
    files = {f"{n}.md": article({**meta, "topic": topic}, body, n) for n, topic in enumerate(ids or ["budget"])}
    builds_or_reports(files, topics=dump(topics))


def test_sentences_of_stop_words_only_rank_zero_not_nan():
    """sumy's LexRank divides by a zero norm when no sentence has a word that counts."""
    assert rank_sentences(["The the and of it was.", "And it was the of.", "It was and the."], "lexrank", "en") == [0.0, 0.0, 0.0]


def _same_page_key_by_urlsplit(url: str) -> str:
    """The definition: scheme and host lower-cased, no default port, no fragment, '/' for no path."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    port = parts.port if parts.port not in (None, {"http": 80, "https": 443}[scheme]) else None
    host = parts.hostname + (f":{port}" if port else "")
    return f"{scheme}://{host}{parts.path or '/'}" + (f"?{parts.query}" if parts.query else "")


@given(st.sampled_from(["https", "http", "HTTPS"]), st.sampled_from(["ex.org", "Ex.ORG", "a-b.example"]),
       st.text(alphabet="ab/?#;=&%.-~!$'()*+,:@", max_size=12))
def test_the_fast_same_page_key_is_the_urlsplit_one(scheme, host, rest):
    from briefgen.urls import same_page_key

    url = f"{scheme}://{host}{rest}"
    try:
        expected = _same_page_key_by_urlsplit(url)
    except (ValueError, TypeError):  # no host or a port that is not a number: refused before a key is made
        return
    assert same_page_key(url) == expected
