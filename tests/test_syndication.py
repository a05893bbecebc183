"""Syndicated copies are found, whatever outlet or URL they carry, and nothing else is."""

from datetime import datetime, timedelta, timezone

from briefgen.analyze import analyze
from briefgen.config import Config
from briefgen.syndication import find_copies
from builders import article

WIRE = (
    "The harbour authority in Port Alder approved a plan on Monday to dredge the main shipping channel before spring.",
    "Dredging will remove about 400,000 tonnes of silt that has narrowed the channel since the storms of last winter.",
    "Harbour master Ines Kolar said the largest container ships had been turned away twice in October.",
    '"We cannot run a port that the ships cannot reach," Kolar said at a meeting of the authority.',
    "Fishing crews said the work must not close the inner basin during the herring season.",
)
REWRITE = (
    "Port Alder will dredge its shipping channel before spring, after silt from last winter's storms narrowed it.",
    "The authority's vote on Monday followed two October days when container ships could not berth, Ines Kolar said.",
    "Crews who fish for herring want the inner basin kept open while the work goes on.",
    "About 400,000 tonnes of silt will be removed, the authority said.",
)
START = datetime(2024, 3, 5, 6, 0, tzinfo=timezone.utc)


def text(name: str, paragraphs, minutes: int, outlet: str = ""):
    return analyze(
        article(
            title=name, url=f"https://{name}.example/story", outlet=outlet or name.title(),
            path=f"content/articles/{name}.md", published=START + timedelta(minutes=minutes), blocks=paragraphs,
        ),
        Config(),
    )


def copies_of(*texts):
    return [(c.article.outlet, c.original.outlet) for c in find_copies(texts)]


def test_republished_story_with_a_credit_line_and_small_edits_is_a_copy():
    courier = ("This story was first published by Wire.",) + tuple(p.replace("400,000", "four hundred thousand") for p in WIRE)
    assert copies_of(text("courier", courier, 90), text("wire", WIRE, 0)) == [("Courier", "Wire")]


def test_the_earliest_is_the_original_and_copies_of_copies_belong_to_it():
    trimmed = WIRE[:4]  # a copy cut short keeps most of its words from the original
    found = copies_of(text("wire", WIRE, 0), text("courier", WIRE, 30), text("gazette", trimmed, 60))
    assert found == [("Courier", "Wire"), ("Gazette", "Wire")]


def test_the_same_story_in_other_words_is_not_a_copy():
    assert copies_of(text("wire", WIRE, 0), text("herald", REWRITE, 30)) == []


def test_an_article_that_adds_much_of_its_own_is_not_a_copy():
    extended = WIRE + REWRITE + tuple(f"Local paragraph number {n} tells readers something about the Alder ferry timetable." for n in range(4))
    assert copies_of(text("wire", WIRE, 0), text("local", extended, 30)) == []


def test_short_articles_are_not_judged():
    assert copies_of(text("wire", WIRE[:1], 0), text("brief", WIRE[:1], 30)) == []


def test_the_demo_courier_republishes_the_northern_wire():
    from briefgen.build import BuildOptions, analyze_all
    from briefgen.read import read_project
    from builders import REPO

    project = read_project(BuildOptions(root=REPO, config=REPO / "briefgen.yaml", content=REPO / "content").paths())
    texts = analyze_all(project)
    drought = tuple(t for t in texts if t.article.topic == "northern-drought" and str(t.article.briefing) == "2026-11-19")
    assert copies_of(*drought) == [("Valley Courier", "Northern Wire")]
    assert all(copies_of(*(t for t in texts if t.article.topic == topic)) == [] for topic in ("harbour-bridge", "interest-rates"))


def _copies_by_pairs(texts):
    """find_copies the slow way: every earlier original compared with every article."""
    from briefgen.syndication import COPY, MAX_POSTINGS, MIN_SHINGLES, shingles

    ordered = sorted(texts, key=lambda t: (t.article.published, t.article.path))
    indexed, postings, copies = {}, {}, []
    for number, text in enumerate(ordered):
        own = shingles(text)
        shared = {earlier: len(own & kept) for earlier, kept in indexed.items()}
        best = min(shared, key=lambda earlier: (-shared[earlier], earlier), default=None)
        if len(own) >= MIN_SHINGLES and best is not None and shared[best] >= COPY * len(own):
            copies.append((text.article.outlet, ordered[best].article.outlet))
            continue
        indexed[number] = {shingle for shingle in own if postings.get(shingle, 0) < MAX_POSTINGS}
        for shingle in indexed[number]:
            postings[shingle] = postings.get(shingle, 0) + 1
    return copies


def test_copies_match_comparing_every_pair_on_random_stories():
    import random

    rng = random.Random(11)
    vocabulary = ["".join(rng.choice("abcdefghijklmnop") for _ in range(rng.randint(3, 7))) for _ in range(80)]

    def sentence():
        return " ".join(rng.choice(vocabulary) for _ in range(rng.randint(8, 16))).capitalize() + "."

    found = 0
    for trial in range(40):
        stories = [[sentence() for _ in range(rng.randint(3, 8))] for _ in range(rng.randint(1, 4))]
        texts = []
        for n in range(rng.randint(2, 70 if trial % 10 == 0 else 12)):  # some past MAX_POSTINGS
            paragraphs = list(rng.choice(stories))
            change = rng.random()
            if change < 0.3:
                paragraphs = paragraphs[: max(1, len(paragraphs) - rng.randint(0, 2))]
            elif change < 0.5:
                paragraphs.append(sentence())
            elif change < 0.7:
                paragraphs[rng.randrange(len(paragraphs))] = sentence()
            texts.append(text(f"t{trial}n{n}", tuple(paragraphs), rng.randint(0, 50)))
        found += len(_copies_by_pairs(texts))
        assert copies_of(*texts) == _copies_by_pairs(texts)
    assert found > 100  # the stories do contain copies
