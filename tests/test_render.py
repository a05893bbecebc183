"""Render helpers and feeds, from small records."""

import json
from datetime import date, datetime, timedelta, timezone

import feedparser

from briefgen.config import Config
from briefgen.feeds import Entry, feed_files
from briefgen.models import Briefing, Citation, KeyQuote, Site, SummarySentence, Topic, TopicBriefing
from briefgen.render import briefing_counts, environment, outlet_usage, plural, published_label, render_site
from builders import article

BRIDGE = Topic("bridge", "Bridge", "bridge")


def cite(a) -> Citation:
    return Citation(a.url, a.outlet, a.title, "words")


def day(when: date, *entries) -> Briefing:
    return Briefing(when, tuple(entries))


def test_outlet_usage_counts_articles_sentences_quotes_and_days():
    herald = article(url="https://herald.example/1", outlet="Herald")
    herald2 = article(url="https://www.herald.example/2", outlet="Herald")
    wire = article(url="https://wire.example/1", outlet="Wire")
    both = SummarySentence("Shared.", (cite(herald), cite(wire)))
    first = TopicBriefing(BRIDGE, (herald, wire), (both, SummarySentence("Own.", (cite(herald),))),
                          (KeyQuote("Said.", "A", "", (cite(wire),)),))
    second = TopicBriefing(BRIDGE, (herald2,), (SummarySentence("Later.", (cite(herald2),)),))
    usage = outlet_usage((day(date(2024, 3, 6), second), day(date(2024, 3, 5), first)))
    assert [(u.outlet, u.articles, u.sentences, u.quotes, u.days, u.first, u.last, u.hosts) for u in usage] == [
        ("Herald", 2, 3, 0, 2, date(2024, 3, 5), date(2024, 3, 6), ("herald.example", "www.herald.example")),
        ("Wire", 1, 1, 1, 1, date(2024, 3, 5), date(2024, 3, 5), ("wire.example",)),
    ]


def test_counts_and_plurals():
    briefing = day(date(2024, 3, 5), TopicBriefing(BRIDGE, (article(outlet="A"), article(outlet="A"), article(outlet="B"))))
    counts = briefing_counts(briefing)
    assert (counts.topics, counts.articles, counts.outlets) == (1, 3, 2)
    assert (plural(1, "topic"), plural(0, "topic"), plural(3, "outlet")) == ("1 topic", "0 topics", "3 outlets")


def test_published_label_is_in_the_site_time_zone_with_the_date_only_when_another_day():
    from zoneinfo import ZoneInfo

    late = article(published=datetime(2024, 3, 5, 23, 30, tzinfo=timezone.utc))
    assert published_label(late, ZoneInfo("Asia/Tokyo")) == "6 Mar 2024, 08:30"
    assert published_label(late, ZoneInfo("Europe/London")) == "23:30"
    assert published_label(article(published=datetime(2024, 3, 5, tzinfo=timezone.utc), date_only=True), ZoneInfo("Asia/Tokyo")) == "5 Mar 2024"


def entry(n: int) -> Entry:
    when = date(2024, 1, 1) + timedelta(days=n)
    moment = datetime(when.year, when.month, when.day, 7, tzinfo=timezone.utc)
    return Entry(when, f"Day <{n}> & more", f"{when:%Y/%m/%d}/index.html", moment, "A & B", "<p>Body & more</p>")


def test_feeds_escape_text_and_keep_the_latest_entries():
    entries = [entry(n) for n in range(40, 0, -1)]
    files = feed_files(Config(title="Tom & Jerry's <Briefing>"), entries, ["index.html"])
    atom = feedparser.parse(files["feed.xml"])
    assert not atom.bozo and atom.feed.title == "Tom & Jerry's <Briefing>"
    assert len(atom.entries) == 10  # feed_days' default
    assert (atom.entries[0].id, atom.entries[0].title, atom.entries[0].content[0].value) == (
        "urn:briefgen:tom-jerry-s-briefing:2024-02-10", "Day <40> & more", "<p>Body & more</p>")
    items = json.loads(files["feed.json"])["items"]
    assert [i["id"] for i in items[:2]] == ["urn:briefgen:tom-jerry-s-briefing:2024-02-10", "urn:briefgen:tom-jerry-s-briefing:2024-02-09"]
    assert "sitemap.xml" not in files


def test_feeds_carry_the_newest_feed_days():
    files = feed_files(Config(feed_days=3), [entry(n) for n in range(40, 0, -1)], ["index.html"])
    assert [e.id for e in feedparser.parse(files["feed.xml"]).entries] == [
        "urn:briefgen:daily-briefing:2024-02-10", "urn:briefgen:daily-briefing:2024-02-09", "urn:briefgen:daily-briefing:2024-02-08"]
    assert [i["id"] for i in json.loads(files["feed.json"])["items"]] == [e.id for e in feedparser.parse(files["feed.xml"]).entries]


def test_every_day_links_to_the_days_around_it():
    days = [day(date(2024, 3, d), TopicBriefing(BRIDGE, (article(url=f"https://x.example/{d}"),))) for d in (7, 6, 5)]
    files = render_site(Site(Config(), tuple(days)), environment())
    middle = files["2024/03/06/index.html"].decode()
    assert '<a rel="prev" href="../../../2024/03/05/index.html">' in middle
    assert '<a rel="next" href="../../../2024/03/07/index.html">' in middle
    assert 'rel="next"' not in files["index.html"].decode() and 'rel="prev"' not in files["2024/03/05/index.html"].decode()


def test_text_fragment_words_are_percent_encoded_as_urllib_does_with_dashes_too():
    from urllib.parse import quote

    from briefgen.urls import text_fragment_url

    for words in ("Port Alder\u2019s \u201cdredging\u201d plan", "half-price fares, 50% off & more", "\u4e2d\u6587 \U0001f600 ~_.", "A B C D E F G H"):
        parts = words.split()
        expected = [" ".join(parts)] if len(parts) <= 6 else [" ".join(parts[:3]), " ".join(parts[-3:])]
        directive = ",".join(quote(part, safe="").replace("-", "%2D") for part in expected)
        assert text_fragment_url("https://example.com/a", words) == f"https://example.com/a#:~:text={directive}"
