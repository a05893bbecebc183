"""A busy news day on disk: 10 topics covered by 2 to 5 outlets each (33 articles) with long
URLs, shared quotes, some shared wire copy and bylines; 400-600 words an article. The prose is generated from a fixed seed (our own words),
so every run writes the same project.
"""

import random
from pathlib import Path

OUTLETS = [
    ("The Alder Herald", "https://www.alderherald.example/news/2026/11/19/{slug}-latest-developments-{n}"),
    ("Daily Beacon", "https://dailybeacon.example/uk-news/article-{n}/{slug}-what-we-know-so-far.html"),
    ("Coastline Insider", "https://coastlineinsider.example/politics/{slug}/{n}?utm_source=briefing"),
    ("Northern Wire", "https://northernwire.example/2026/11/19/{slug}-{n}"),
    ("Valley Courier", "https://www.valleycourier.example/local-news/{slug}-{n}.amp"),
]
TOPICS = ["Harbour Bridge closure", "Northern drought", "Interest rates", "Hospital waiting lists",
          "Teachers' strike", "Rail timetable", "Fishing quotas", "Wind farm vote", "City budget",
          "Flood defences"]
ARTICLES_PER_TOPIC = [5, 4, 4, 4, 3, 3, 3, 3, 2, 2]
PEOPLE = ["Mara Quinlan", "Ruth Okafor", "Agnes Thorvald", "Miriam Castellanos", "Leonie Baptiste",
          "Tomas Ferreira", "Idris Calloway", "Helga Brandt", "Samir Oyelaran", "Keturah Wells"]
ROLES = ["the city's chief engineer", "the task force commander", "the union chair",
         "the governor of the Bank of Calder", "a professor of economics at Port Alder University"]
PLACES = ["Port Alder", "Kestrel Falls", "Marrow", "Hebden Cross", "the northern provinces", "Calder"]
NOUNS = ["inspectors", "ministers", "residents", "officials", "engineers", "farmers", "councillors", "commuters"]
VERBS = ["warned", "said", "confirmed", "estimated", "reported", "announced"]
THINGS = ["the repairs", "the new plan", "the emergency budget", "the relief sites", "the vote",
          "the timetable", "the inquiry", "the agreement"]


DAYS = ["on Monday", "on Tuesday", "on Wednesday", "late on Wednesday", "this week", "overnight"]
SHAPES = [
    "{Nouns} in {place} {verb} {day} that {thing} would cost at least {number} pounds more than planned.",
    "The {document} found that {number} people in {place} had been affected since the start of the month.",
    "{person}, {role}, {verb} that {thing} could not begin before the spring.",
    "According to {nouns} in {place}, {thing} had been discussed for {count} months before anyone asked for help.",
    "Critics said {thing} came too late for {nouns} who had waited since the summer.",
    "{person} {verb} {day} that {count} of the {number} {nouns} asked had seen no change at all.",
    "In {place}, {nouns} queued for {count} hours {day} as {thing} was delayed again.",
    "The {document}, published {day}, put the shortfall at {number} pounds, {count} times the first estimate.",
    "{Nouns} from {place} are due to meet {person} {day} to discuss {thing}.",
    "Officials have not said when {thing} will be finished, and {nouns} in {place} say they have heard nothing since {day2}.",
]


def sentence(rng: random.Random) -> str:
    nouns = rng.choice(NOUNS)
    return rng.choice(SHAPES).format(
        Nouns=nouns.capitalize(), nouns=nouns, place=rng.choice(PLACES), verb=rng.choice(VERBS),
        day=rng.choice(DAYS), day2=rng.choice(DAYS[:3]).removeprefix("on "), thing=rng.choice(THINGS),
        number=f"{rng.randint(2, 900) * 100:,}", count=rng.randint(2, 12), person=rng.choice(PEOPLE),
        role=rng.choice(ROLES), document=rng.choice(["report", "review", "statement", "survey", "audit"]),
    )


def quotes_of_topic(rng: random.Random) -> list[str]:
    """Three quotes a topic's outlets share: the same words, each with its speaker."""
    words = rng.sample([
        "We will not reopen anything until we are certain it is safe",
        "This is the hardest winter our members have faced in a generation",
        "People deserve a straight answer about what happens next",
        "We planned for a bad year, but nobody planned for this",
        "Every week of delay costs families money they do not have",
        "I have asked for the full figures by Friday and I expect to get them",
    ], 3)
    return [f'"{w}," said {rng.choice(PEOPLE)}, {rng.choice(ROLES)}.' for w in words]


def article(rng: random.Random, topic_id: str, outlet: str, url: str, hour: int, shared: list[str]) -> str:
    paragraphs = [" ".join(sentence(rng) for _ in range(rng.randint(2, 3)))]
    paragraphs += shared
    while sum(len(p.split()) for p in paragraphs) < rng.randint(400, 600):
        paragraphs.append(" ".join(sentence(rng) for _ in range(rng.randint(2, 3))))
    title = f"{rng.choice(THINGS).capitalize()} in {rng.choice(PLACES)}: {rng.choice(NOUNS)} {rng.choice(VERBS)} as pressure grows"
    meta = (f"---\ntitle: \"{title}\"\nurl: {url}\noutlet: {outlet}\npublished: 2026-11-19T{hour:02d}:15:00+00:00\n"
            f"topic: {topic_id}\nauthor: {rng.choice(PEOPLE)}\n---\n\n")
    return meta + "\n\n".join(paragraphs) + "\n"


def write_busy_day(root: Path, seed: int = 19) -> Path:
    """Write the project (briefgen.yaml, content/) under `root`; returns `root`."""
    rng = random.Random(seed)
    articles = root / "content" / "articles"
    articles.mkdir(parents=True)
    topics = []
    for number, title in enumerate(TOPICS):
        slug = title.lower().replace("'", "").replace(" ", "-")
        topics.append(f"- id: {slug}\n  title: \"{title}\"\n  description: Background on {title.lower()}.\n")
        quotes, wire = quotes_of_topic(rng), sentence(rng)
        for index, (outlet, pattern) in enumerate(rng.sample(OUTLETS, ARTICLES_PER_TOPIC[number])):
            url = pattern.format(slug=slug, n=1000 + number * 10 + index)
            shared = [q for q in quotes if rng.random() < 0.5] + ([wire] if index < 2 else [])
            (articles / f"{slug}-{index}.md").write_text(article(rng, slug, outlet, url, 6 + index, shared), "utf-8")
    (root / "content" / "topics.yaml").write_text("".join(topics), "utf-8")
    (root / "briefgen.yaml").write_text("title: The Alder Morning Briefing\ntimezone: Europe/London\n", "utf-8")
    return root
