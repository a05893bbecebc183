"""A deterministic, realistic briefgen project of N articles, for benchmarks.

    python -m bench.corpus /tmp/corpus --articles 10000 --days 60

Every run with the same arguments writes byte-identical files: the text comes from a small
generator of fictional news (Port Alder, the Bank of Calder, a northern drought...) driven by
`random.Random(seed)`; no third-party text. What makes it realistic for briefgen:

- 400-1,200 words per article, in paragraphs, with direct quotes and named speakers;
- articles of one topic and day retell the same story: shared facts and shared quotes, so
  summaries must merge repeats and credit several outlets;
- page furniture (READ MORE teasers, newsletter promos, photo credits, ADVERTISEMENT);
- 40 outlets; Markdown front matter and .txt bodies with .yaml sidecars;
- topics of very different sizes (a long-tailed spread), plus a few breaking stories with
  100+ articles on one day; a few articles without a topic; an editor's note on some days.
"""

import argparse
import random
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

SEED = 20261119
FIRST_DAY = date(2026, 9, 21)

PLACES = ("Port Alder", "Calder", "Northmoor", "Kettle Bay", "Brackenridge", "Old Harrow", "Saltmarsh",
          "Ferrin", "Upper Wyle", "Dunmere", "Glasswater", "Redcastle", "Ashby Fold", "Lowmarsh")
FIRST = ("Mara", "Daniel", "Helena", "Priya", "Tomas", "Ingrid", "Kofi", "Lena", "Rafael", "Aiko",
         "Owen", "Sofia", "Yusuf", "Greta", "Malik", "Nora", "Pavel", "Ines", "Callum", "Amara")
LAST = ("Quinlan", "Okonkwo", "Voss", "Nandakumar", "Brandt", "Halloran", "Mensah", "Varga",
        "Castellano", "Moriyama", "Pryce", "Lindqvist", "Adeyemi", "Kowalczyk", "Ferreira", "Ashdown")
ROLES = ("the mayor", "the finance minister", "a spokeswoman for the council", "the chief engineer",
         "a senior economist", "the head of the farmers' union", "the opposition leader",
         "a spokesman for the port authority", "the regional governor", "a local shop owner")
OUTLET_WORDS = ("Herald", "Courier", "Beacon", "Gazette", "Wire", "Insider", "Post", "Chronicle",
                "Ledger", "Observer")
SUBJECTS = (
    ("harbour", "Harbour Bridge", "the bridge", "engineers", "repairs"),
    ("rates", "the Bank of Calder", "the central bank", "borrowers", "interest rates"),
    ("drought", "the northern drought", "the dry spell", "farmers", "water restrictions"),
    ("rail", "the coastal railway", "the line", "passengers", "timetables"),
    ("schools", "the schools reform", "the reform", "teachers", "class sizes"),
    ("housing", "the housing plan", "the plan", "tenants", "rents"),
    ("ferries", "the ferry service", "the ferries", "commuters", "fares"),
    ("hospital", "Northmoor General Hospital", "the hospital", "nurses", "waiting lists"),
    ("election", "the regional election", "the campaign", "voters", "the polls"),
    ("fisheries", "the fishing quota", "the quota", "fishing crews", "catches"),
    ("energy", "the wind farm", "the project", "households", "power bills"),
    ("budget", "the city budget", "the budget", "residents", "council tax"),
)
VERBS = ("said", "told reporters", "added", "warned", "explained", "insisted")
FACTS = (
    "Officials in {place} confirmed on {weekday} that {thing} would be reviewed before the end of the month.",
    "The decision affects about {number},000 {people} across {place} and the surrounding districts.",
    "{Thing} has cost the region an estimated {number} million crowns since the spring.",
    "A report published by the council found that {issue} had risen by {pct} percent in a year.",
    "Talks between ministers and {people} broke up without agreement late on {weekday} evening.",
    "The government said an independent panel would publish its findings on {thing} within {small} weeks.",
    "Critics in {place} say {thing} was mismanaged from the start and want a public inquiry.",
    "Figures released on {weekday} show {issue} at their highest level since records began in {year}.",
    "{Person}, {role}, said the plan for {thing} would be put to a vote next week.",
    "Emergency funding of {number} million crowns was approved for {people} hit hardest by {issue}.",
)
FILLER = (
    "Residents of {place} have followed the story closely, and many gathered outside the town hall on {weekday}.",
    "The dispute over {thing} has dominated local radio phone-ins for most of the week.",
    "Several business owners said they were waiting for clearer guidance before making plans.",
    "Opposition members called for a debate in the regional assembly as soon as possible.",
    "The last comparable episode, in {year}, took almost two years to resolve.",
    "Analysts expect {issue} to remain a central question for {people} well into next year.",
    "A petition started by {people} in {place} had gathered more than {number},000 signatures by {weekday}.",
    "The council declined to comment on individual cases but promised a full statement.",
    "Neighbouring districts are watching closely, as similar pressures are building there.",
    "In {place}, the mood among {people} was described by one community leader as tense but patient.",
    "Questions remain about who will pay for the work and how long it will take.",
    "Earlier this year, a smaller review of {thing} recommended changes that were never carried out.",
)
QUOTES = (
    "We are doing everything we can to keep {people} informed at every stage",
    "Nobody wants this, but the evidence in front of us leaves very little choice",
    "I have worked on {issue} for twenty years and I have never seen anything move this fast",
    "The people of {place} deserve straight answers, not another round of promises",
    "This is not the end of the matter, and we will keep pressing for a proper solution",
    "Our first duty is to make sure that {people} are safe",
    "If the numbers are right, {issue} will get worse before it gets better",
    "We were told this would be sorted months ago, and here we are again",
)
FURNITURE = (
    "READ MORE: {Place} bakery wins regional pastry award for third year running",
    "Related: What {thing} means for your household budget",
    "Sign up for our free morning newsletter to get the news from {place} first.",
    "Photo: {Person} / {Outlet}",
    "ADVERTISEMENT",
    "Download our app for breaking news alerts from {place}.",
    "Read the original article on {Outlet}",
    "Source: Read Full Article",
)
# Reporting prose is generated from parts, so that, as in real coverage, most sentences are an
# outlet's own while the facts and quotes of a story are shared.
WHO = ("Officials", "Residents", "The council", "Local business owners", "Union leaders", "Opposition members",
       "Economists", "Community groups", "Two senior civil servants", "Campaigners", "Engineers",
       "Several councillors", "A group of parents", "Regional ministers", "Shopkeepers in {place}")
SAID = ("warned that", "said on {weekday} that", "argued that", "told a packed meeting that", "confirmed that",
        "suggested that", "insisted that", "privately admitted that", "wrote in a letter that", "predicted that",
        "told this newspaper that", "conceded that")
CLAIM = ("{thing} could cost {number} million crowns more than planned", "{people} in {place} would have to wait until {month}",
         "the plan for {thing} needed a second look", "{issue} had almost doubled since {year}",
         "the {weekday} deadline was unrealistic", "nobody had asked {people} what they wanted",
         "{thing} was the biggest test for the council in a generation", "about {pct} percent of {people} were affected",
         "the figures for {issue} were worse than published", "talks would resume within {small} weeks",
         "a compromise on {thing} was within reach", "money set aside for {issue} had already run out",
         "{people} had been promised a decision by {month}", "the cost of {issue} fell hardest on {place}",
         "an outside review of {thing} should start at once")
TAIL = ("", "", "", " despite objections from {people}", " after a tense meeting in {place}",
        " according to figures seen by {Outlet}", ", a claim the council disputes", " for the {ordinal} time this year",
        " before the {month} recess", ", although details remain unclear")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
ORDINALS = ("second", "third", "fourth", "fifth")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def make_corpus(root: Path, articles: int = 1000, days: int = 60, seed: int = SEED) -> Path:
    """Write briefgen.yaml, content/topics.yaml, notes and `articles` articles under `root`."""
    rng = random.Random(seed)
    outlets = _outlets(rng)
    topics = _topics(_topic_count(articles))
    root.mkdir(parents=True, exist_ok=True)
    (root / "briefgen.yaml").write_text("title: The Calder Benchmark Briefing\ntimezone: UTC\nsummary_sentences: 5\nquotes_per_topic: 3\n")
    (root / "content" / "notes").mkdir(parents=True, exist_ok=True)
    (root / "content" / "topics.yaml").write_text("".join(_topic_yaml(t) for t in topics))
    for n in range(0, days, 7):
        day = FIRST_DAY + timedelta(days=n)
        (root / "content" / "notes" / f"{day.isoformat()}.md").write_text(f"Good morning. Today's briefing leads with **{topics[n % len(topics)]['title']}**.\n")
    for number, (day, topic) in enumerate(_schedule(rng, articles, days, topics)):
        _write_article(root, rng, number, day, topic, rng.choice(outlets))
    return root


def add_article(root: Path, articles: int, days: int, seed: int = SEED) -> Path:
    """Write one more article, as tomorrow's news would bring: on the last day, in the biggest topic."""
    rng = random.Random(seed + articles)
    outlets = _outlets(random.Random(seed))
    topic = _topics(_topic_count(articles))[0]
    return _write_article(root, rng, articles, days - 1, topic, outlets[0])


def _topic_count(articles: int) -> int:
    return max(12, min(120, articles // 80))


def _outlets(rng: random.Random) -> list[str]:
    names = sorted({f"The {place} {word}" for place in PLACES for word in OUTLET_WORDS})
    return sorted(rng.sample(names, 40))


def _topics(count: int) -> list[dict]:
    topics = []
    for n in range(count):
        key, thing, short, people, issue = SUBJECTS[n % len(SUBJECTS)]
        place = PLACES[(n * 5) % len(PLACES)]
        suffix = "" if n < len(SUBJECTS) else f"-{place.lower().replace(' ', '-')}-{n}"
        topics.append({
            "id": key + suffix, "title": f"{thing[0].upper() + thing[1:]}" + (f" in {place}" if suffix else ""),
            "thing": thing, "short": short, "people": people, "issue": issue, "place": place,
            "weight": 1 / (n + 1) ** 1.1,  # long tail: a few big topics, many small ones
        })
    return topics


def _topic_yaml(topic: dict) -> str:
    return f"- id: {topic['id']}\n  title: {topic['title']}\n  description: Coverage of {topic['thing']} and what it means for {topic['people']}.\n"


def _schedule(rng: random.Random, articles: int, days: int, topics: list[dict]):
    """(day, topic or None) per article: breaking stories first, then a long-tailed spread."""
    breaking = [(3 % days, 0, 150), (days // 2, 1, 120), (days - 2, 2, 105)]
    slots = []
    for day, topic, size in breaking:
        slots += [(day, topics[topic])] * min(size, max(0, (articles - len(slots)) // 2))
    weights = [t["weight"] for t in topics]
    while len(slots) < articles:
        topic = None if rng.random() < 0.003 else rng.choices(topics, weights)[0]
        slots.append((rng.randrange(days), topic))
    return slots


def _write_article(root: Path, rng: random.Random, number: int, day_offset: int, topic, outlet: str) -> Path:
    day = FIRST_DAY + timedelta(days=day_offset)
    topic = topic or {"id": None, "thing": "the weather", "short": "the storm", "people": "drivers",
                      "issue": "flooding", "place": rng.choice(PLACES), "title": "Weather"}
    words = {"place": topic["place"], "Place": topic["place"], "thing": topic["thing"],
             "Thing": topic["thing"][0].upper() + topic["thing"][1:], "people": topic["people"],
             "issue": topic["issue"], "Outlet": outlet}
    story = random.Random(f"{topic['id']}/{day_offset}")  # the facts and quotes every outlet shares
    paragraphs = _body(rng, story, words, target=rng.randint(400, 1200))
    published = datetime.combine(day, datetime.min.time(), timezone.utc) + timedelta(minutes=rng.randrange(60, 1380))
    meta = {
        "title": f"{words['Thing']}: {_fill(rng, rng.choice(FACTS), words).split(',')[0].rstrip('.')}",
        "url": f"https://{_slug(outlet)}.example/{day.isoformat()}/story-{number}",
        "outlet": outlet,
        "published": published.isoformat(),
        "topic": topic["id"],
        "author": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        "tags": f"[{topic['place'].lower()}, {topic['issue']}]",
    }
    meta_text = "".join(f"{key}: {_yaml_text(value)}\n" for key, value in meta.items() if value)
    folder = root / "content" / "articles" / day.isoformat()
    folder.mkdir(parents=True, exist_ok=True)
    name = f"{_slug(outlet)}-{number:05d}"
    body = "\n\n".join(paragraphs) + "\n"
    if number % 10 == 3:  # pasted plain text with a sidecar
        (folder / f"{name}.yaml").write_text(meta_text)
        (folder / f"{name}.txt").write_text(body)
        return folder / f"{name}.txt"
    (folder / f"{name}.md").write_text(f"---\n{meta_text}---\n\n{body}")
    return folder / f"{name}.md"


def _body(rng: random.Random, story: random.Random, words: dict, target: int) -> list[str]:
    facts = [_fill(story, fact, words) for fact in story.sample(FACTS, 6)]
    speakers = [(f"{story.choice(FIRST)} {story.choice(LAST)}", story.choice(ROLES)) for _ in range(3)]
    quotes = [(_fill(story, q, words), speakers[n % 3]) for n, q in enumerate(story.sample(QUOTES, 4))]
    paragraphs, count = [facts[0], facts[1]], 0
    while count < target:
        roll = rng.random()
        if roll < 0.12:
            paragraphs.append(rng.choice(facts))
        elif roll < 0.30:
            text, (name, role) = rng.choice(quotes)
            paragraphs.append(f"\u201c{text},\u201d {rng.choice(VERBS)} {name}, {role}." if rng.random() < 0.5
                              else f"{name}, {role}, {rng.choice(VERBS)}: \"{text}.\"")
        elif roll < 0.36:
            paragraphs.append(_fill(rng, rng.choice(FURNITURE), words))
        elif roll < 0.62:
            paragraphs.append(" ".join(_fill(rng, rng.choice(FILLER), words) for _ in range(rng.randint(1, 2))))
        else:
            paragraphs.append(" ".join(_reporting(rng, words) for _ in range(rng.randint(1, 3))))
        count = sum(len(p.split()) for p in paragraphs)
    return paragraphs


def _reporting(rng: random.Random, words: dict) -> str:
    sentence = f"{rng.choice(WHO)} {rng.choice(SAID)} {rng.choice(CLAIM)}{rng.choice(TAIL)}."
    return _fill(rng, sentence, words)


def _fill(rng: random.Random, template: str, words: dict) -> str:
    person = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    return template.format(
        weekday=rng.choice(WEEKDAYS), number=rng.randint(2, 90), pct=rng.randint(3, 40), small=rng.randint(2, 8),
        year=rng.randint(1978, 2019), Person=person, role=rng.choice(ROLES), month=rng.choice(MONTHS),
        ordinal=rng.choice(ORDINALS), **words,
    )


def _slug(text: str) -> str:
    return "-".join(text.lower().replace("the ", "").split())


def _yaml_text(value: str) -> str:
    return value if value.startswith("[") or ":" not in value or value[:4].isdigit() else '"' + value.replace('"', "'") + '"'


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path, help="folder to create the project in")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--days", type=int, default=60)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    make_corpus(args.root, args.articles, args.days, args.seed)
    print(f"wrote {args.articles} articles over {args.days} days to {args.root}")


if __name__ == "__main__":
    main()
