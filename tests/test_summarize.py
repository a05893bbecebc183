"""Topic summaries: one story over all sources, no repeats, readable, attributed, steerable."""

import re
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

import pytest

from briefgen.analyze import analyze
from briefgen.config import Config
from briefgen.models import LIST_ITEM, Block, SummaryControls, Topic
from briefgen.selection import Length
from briefgen.summarize import dangling, summarize_topic, summary_length
from briefgen.syndication import find_copies
from builders import article

START = datetime(2024, 3, 5, 6, 0, tzinfo=timezone.utc)
TOPIC = Topic("port", "Port", "port")


def text(name: str, paragraphs, minutes: int = 0, **fields):
    return analyze(
        article(
            title=fields.pop("title", f"{name} story"), url=f"https://{name}.example/story", outlet=name.title(),
            path=f"content/articles/{name}.md", published=START + timedelta(minutes=minutes), blocks=paragraphs, **fields,
        ),
        Config(),
    )


def summary(*texts, sentences: int = 3, topic: Topic = TOPIC, **config):
    result = summarize_topic(texts, Config(summary_sentences=sentences, **config), topic, find_copies(texts))
    return [(s.text, [c.outlet for c in s.citations]) for s in result]


HERALD = text("herald", (
    "The Port Alder harbour authority voted on Monday to dredge the main shipping channel before the spring season.",
    "Dredging will remove about 400,000 tonnes of silt that storms pushed into the channel last winter.",
    "Harbour master Ines Kolar said large container ships had been turned away twice in October.",
    "Fishing crews asked that the inner basin stay open during the herring season.",
), 0)
INSIDER = text("insider", (
    "Port Alder's harbour authority voted on Monday to dredge its main shipping channel before spring.",
    "The city's ferry timetable will not change while the dredgers work at night.",
    "Harbour master Ines Kolar said large container ships had been turned away twice in October.",
), 60)


def test_one_summary_over_all_articles_with_every_source_of_a_shared_sentence():
    result = summary(HERALD, INSIDER, sentences=5)
    assert ("Harbour master Ines Kolar said large container ships had been turned away twice in October.", ["Herald", "Insider"]) in result
    assert {outlet for _, outlets in result for outlet in outlets} == {"Herald", "Insider"}


def test_a_fact_reported_twice_in_other_words_appears_once_crediting_both():
    result = summary(HERALD, INSIDER, sentences=4)
    votes = [(s, outlets) for s, outlets in result if "voted on Monday" in s]
    assert votes == [(
        "The Port Alder harbour authority voted on Monday to dredge the main shipping channel before the spring season.",
        ["Herald", "Insider"],
    )]


def test_sentences_follow_story_order_by_time_then_position():
    result = summary(INSIDER, HERALD, sentences=4)
    order = [s for s, _ in result]
    herald = [s for s in HERALD.article.blocks]
    herald_positions = [next(i for i, b in enumerate(herald) if b.text == s) for s in order if any(b.text == s for b in herald)]
    assert herald_positions == sorted(herald_positions)
    assert order[0].startswith("The Port Alder harbour authority voted")


def test_syndicated_copy_counts_once_and_is_cited_where_it_carries_the_sentence():
    wire = text("wire", HERALD.article.blocks, 0)
    courier = text("courier", tuple(Block(b.text.replace("400,000", "four hundred thousand")) for b in HERALD.article.blocks), 30)
    result = summary(wire, courier, sentences=4)
    assert len(result) == 4
    assert all(outlets == ["Wire", "Courier"] for _, outlets in result)
    assert [s for s, _ in result] == [b.text for b in HERALD.article.blocks]


def test_dangling_sentence_only_right_after_its_predecessor():
    speaker = text("beacon", (
        "Harbour master Ines Kolar warned that the channel was now too shallow for the largest container ships.",
        '"We cannot run a port that the ships cannot reach," she said on Monday.',
        "But the fishing crews of Port Alder want the inner basin kept open during the herring season.",
    ))
    assert dangling('"We cannot run a port that ships cannot reach," she said.') and dangling("However, the crews disagree.")
    for count in (1, 2, 3):
        result = [s for s, _ in summary(speaker, sentences=count)]
        for number, sentence in enumerate(result):
            if dangling(sentence):
                source = [b.text for b in speaker.article.blocks]
                assert number > 0 and source.index(result[number - 1]) == source.index(sentence) - 1


def test_never_list_items_headlines_unclosed_quotes_or_sentences_out_of_bounds():
    messy = text("beacon", (
        "Dredgers to clear Port Alder channel",
        Block("Dredging contract worth four million dollars goes to a Calder firm, sources say", LIST_ITEM),
        "Too short to say much.",
        '"We cannot run a port that the ships cannot reach, and we will not try to.',
        "The Port Alder harbour authority voted on Monday to dredge the main shipping channel before the spring season.",
        " ".join(["The word list goes on"] * 12) + ".",
    ), title="Dredgers to clear Port Alder channel")
    assert summary(messy, sentences=5) == [
        ("The Port Alder harbour authority voted on Monday to dredge the main shipping channel before the spring season.", ["Beacon"]),
    ]


def test_summary_length_by_sentences_or_words_site_and_topic():
    config = Config(summary_sentences=5, summary_words=0)
    assert summary_length(config, SummaryControls()) == Length(5)
    assert summary_length(replace(config, summary_words=60), SummaryControls()) == Length(None, 60)
    assert summary_length(replace(config, summary_words=60), SummaryControls(sentences=2)) == Length(2)
    assert summary_length(config, SummaryControls(words=40)) == Length(None, 40)
    assert summary_length(config, SummaryControls(sentences=3, words=40)) == Length(3, 40)
    assert summary_length(config, SummaryControls(words=0)) == Length(5)


def test_word_budget_stops_before_the_next_sentence_would_pass_it():
    result = summary(HERALD, INSIDER, summary_words=35)
    total = sum(len(s.split()) for s, _ in result)
    assert 17 <= total <= 35 and len(result) == 2
    topic = replace(TOPIC, summary=SummaryControls(words=20))
    assert len(summary(HERALD, INSIDER, topic=topic)) == 1


def test_editor_pins_and_drops_sentences_by_their_words():
    pinned = replace(TOPIC, summary=SummaryControls(sentences=2, pin=("ferry timetable will not change",), drop=("turned away twice",)))
    result = summary(HERALD, INSIDER, topic=pinned)
    assert [s for s, _ in result] == [
        "The Port Alder harbour authority voted on Monday to dredge the main shipping channel before the spring season.",
        "The city's ferry timetable will not change while the dredgers work at night.",
    ]


def test_article_caps_its_own_sentences_and_pins_its_own():
    capped = text("insider", INSIDER.article.blocks, 60, summary=SummaryControls(sentences=0))
    assert all("Herald" in outlets for _, outlets in summary(HERALD, capped, sentences=4))
    pinning = text("insider", INSIDER.article.blocks, 60, summary=SummaryControls(pin=("while the dredgers work",)))
    assert "The city's ferry timetable will not change while the dredgers work at night." in [s for s, _ in summary(HERALD, pinning, sentences=1)]


def test_hand_written_summary_replaces_the_machine_one_and_cites_matching_articles():
    day = HERALD.article.briefing
    written = "The channel into Port Alder will be dredged before spring. Nobody knows what it will cost."
    topic = replace(TOPIC, summary=SummaryControls(written=((day, written),)))
    result = summarize_topic((HERALD, INSIDER), Config(), topic)
    assert [(s.text, [c.outlet for c in s.citations], s.written) for s in result] == [
        ("The channel into Port Alder will be dredged before spring.", ["Herald", "Insider"], True),
        ("Nobody knows what it will cost.", ["Herald", "Insider"], True),
    ]
    assert result[0].citations[0].words == HERALD.article.blocks[0].text
    assert result[1].citations[0].words == ""
    other_day = replace(TOPIC, summary=SummaryControls(written=((date(2024, 3, 4), written),)))
    assert not summarize_topic((HERALD, INSIDER), Config(), other_day)[0].written


def test_hand_written_summary_from_an_article():
    own = SummaryControls(written=((HERALD.article.briefing, "Port Alder will dredge its shipping channel."),))
    herald = text("herald", HERALD.article.blocks, 0, summary=own)
    assert summary(herald, INSIDER) == [("Port Alder will dredge its shipping channel.", ["Herald", "Insider"])]


def test_identical_sentences_never_reach_sumy_twice():
    twin = text("twin", HERALD.article.blocks, 5)
    result = summary(HERALD, twin, sentences=4)
    assert [s for s, _ in result] == [b.text for b in HERALD.article.blocks]
    assert all(outlets == ["Herald", "Twin"] for _, outlets in result)


@pytest.mark.parametrize("summarizer", ["lexrank", "textrank", "lsa", "luhn", "kl", "sumbasic", "edmundson", "reduction"])
def test_every_summarizer_gives_a_summary_without_repeats(summarizer):
    result = summary(HERALD, INSIDER, sentences=3, summarizer=summarizer)
    assert len(result) == 3 and len({s for s, _ in result}) == 3


def test_no_articles_or_no_usable_sentence_gives_no_summary():
    assert summarize_topic((), Config()) == ()
    assert summary(text("tiny", ("Too short.",))) == []


# Editor controls in YAML, and what readers see


def read(root):
    from briefgen.read import Paths, read_project

    return read_project(Paths(root, root / "briefgen.yaml", root / "content"))


def test_summary_controls_are_read_from_topics_and_front_matter(tmp_path):
    from builders import front_matter, write_project

    topics = (
        "- id: budget\n  title: Budget\n  summary:\n    sentences: 2\n    words: 80\n"
        "    pin: [ministers agreed the budget]\n    drop: Officials declined to comment\n"
        "    text:\n      2024-03-05: The budget passed.\n"
    )
    meta = "summary: {sentences: 0, pin: [the vote was close], text: Written for this day.}"
    write_project(tmp_path, {"a.md": front_matter().replace("topic: budget", "topic: budget\n" + meta)}, topics=topics)
    project = read(tmp_path)
    assert project.topics[0].summary == SummaryControls(
        sentences=2, words=80, pin=("ministers agreed the budget",), drop=("Officials declined to comment",),
        written=((date(2024, 3, 5), "The budget passed."),),
    )
    assert project.articles[0].summary == SummaryControls(
        sentences=0, pin=("the vote was close",), written=((date(2024, 3, 5), "Written for this day."),)
    )


def test_summary_control_mistakes_are_reported_with_line_and_fix(tmp_path):
    from briefgen.errors import InputError
    from builders import front_matter, write_project

    topics = "- id: budget\n  title: Budget\n  summary:\n    sentence: 2\n- id: rates\n  title: Rates\n  summary: {text: {2024-13-01: x}}\n"
    meta = "summary:\n  sentences: -1\n  words: 10\n  pin: [two words]\n"
    write_project(tmp_path, {"a.md": front_matter().replace("topic: budget", "topic: budget\n" + meta), "b.md": front_matter(
        url="https://example.com/b").replace("topic: budget", "topic: budget\nsumary: {sentences: 1}")}, topics=topics)
    with pytest.raises(InputError) as caught:
        read(tmp_path)
    assert [str(p) for p in caught.value.problems] == [
        "content/articles/a.md:8: summary: sentences: must be a whole number from 0 to 50: the most sentences taken from this article (0: none)",
        "content/articles/a.md:9: warning: summary: unknown key 'words' is ignored; known: drop, pin, sentences, text (only a topic sets the length in words)",
        "content/articles/a.md:10: summary: pin: 'two words' is too short to find one sentence; copy at least 3 words of it",
        "content/articles/b.md:7: warning: unknown key 'sumary' is ignored; did you mean 'summary'?",
        "content/topics.yaml:4: warning: summary: unknown key 'sentence' is ignored; did you mean 'sentences'?",
        "content/topics.yaml:7: summary: text: '2024-13-01' is not a date; write it as YYYY-MM-DD, e.g. 2024-03-05",
    ]


def test_sources_show_copies_under_the_original_and_json_lists_sources(tmp_path):
    import json

    from briefgen.build import BuildOptions, build
    from builders import front_matter, write_project

    body = "\n\n".join(b.text for b in HERALD.article.blocks)
    files = {
        "wire.md": front_matter(body, outlet="Wire", url="https://wire.example/a", published="2024-03-05T06:00:00+00:00"),
        "courier.md": front_matter(body, outlet="Courier", url="https://courier.example/a", published="2024-03-05T08:00:00+00:00"),
    }
    write_project(tmp_path, files)
    build(BuildOptions(root=tmp_path, config=tmp_path / "briefgen.yaml", content=tmp_path / "content", output=tmp_path / "site"))
    page = (tmp_path / "site/2024/03/05/index.html").read_text()
    sources = page.split('<ul class="sources">')[1].split("</ul>")[0]
    assert sources.count("<li>") == 1
    assert 'Also published by <a href="https://courier.example/a" rel="noopener noreferrer">Courier</a>' in sources
    data = json.loads((tmp_path / "site/2024/03/05/briefing.json").read_text())
    (topic,) = data["topics"]
    assert {tuple(s["sources"]) for s in topic["summary"]} == {("https://wire.example/a", "https://courier.example/a")}
    assert [(a["url"], a["copy_of"]) for a in topic["articles"]] == [
        ("https://wire.example/a", None), ("https://courier.example/a", "https://wire.example/a"),
    ]


def test_readme_documents_every_summary_control():
    from briefgen.metadata import ARTICLE_SUMMARY, TOPIC_SUMMARY
    from builders import REPO

    section = (REPO / "README.md").read_text().split("### Steering summaries", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `(\w+)` \| (yes|no)[^|]* \| (yes|no) \|", section, re.MULTILINE)
    assert [key for key, _, _ in rows] == list(TOPIC_SUMMARY)
    assert [key for key, _, article in rows if article == "yes"] == list(ARTICLE_SUMMARY)


def test_pins_and_drops_that_match_nothing_are_warned_about(tmp_path):
    from briefgen.build import BuildOptions, build
    from builders import front_matter, write_project

    topics = "- id: budget\n  title: Budget\n  summary: {pin: [Ministers agreed the budget], drop: [no such words here]}\n"
    own = "summary: {pin: [it has two], drop: [words missing from this], text: Hand-written.}"
    files = {
        "a.md": front_matter("Ministers agreed the budget on Monday. It has two sentences.").replace("topic: budget", "topic: budget\n" + own),
        "b.md": front_matter(url="https://example.com/b").replace("topic: budget", "topic: budget\nsummary: {text: Mine too.}"),
    }
    write_project(tmp_path, files, topics=topics)
    report = build(BuildOptions(root=tmp_path, config=tmp_path / "briefgen.yaml", content=tmp_path / "content"), write=False)
    assert [str(p) for p in report.warnings] == [
        "content/articles/a.md: summary: drop: warning: no sentence of this article contains 'words missing from this'; "
        "copy the words as `briefgen inspect content/articles/a.md` shows them",
        "content/topics.yaml: summary: drop: warning: no sentence of topic 'budget' contains 'no such words here'; copy the words from the article",
        "content/articles/b.md: summary: text: warning: content/articles/a.md already has a hand-written summary for this topic and day; this one is not used",
    ]


def test_sharing_only_a_speaker_is_not_repeating_and_earns_no_credit():
    herald = text("herald", ("Mayor Daniel Okonkwo said he would not reopen the bridge until engineers signed off on it.",), 0)
    beacon = text("beacon", ("Mayor Daniel Okonkwo insisted that he had no other choice at all.",), 30)
    assert summary(herald, beacon, sentences=2) == [
        ("Mayor Daniel Okonkwo said he would not reopen the bridge until engineers signed off on it.", ["Herald"]),
        ("Mayor Daniel Okonkwo insisted that he had no other choice at all.", ["Beacon"]),
    ]


def test_a_chosen_sentence_that_needs_its_predecessor_brings_it_along():
    paragraphs = (
        "The Port Alder harbour authority voted on Monday to dredge the main shipping channel before the spring season.",
        "Harbour master Ines Kolar warned that the channel was now too shallow for the largest container ships.",
        '"We cannot run a port that the ships cannot reach," she said after the vote.',
    )
    topic = replace(TOPIC, summary=SummaryControls(sentences=2, pin=("ships cannot reach",)))
    assert [s for s, _ in summary(text("beacon", paragraphs), topic=topic)] == list(paragraphs[1:])
    one = replace(TOPIC, summary=SummaryControls(sentences=1))
    assert [s for s, _ in summary(text("beacon", paragraphs), topic=one)] != [paragraphs[2]]
