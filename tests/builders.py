"""Small builders for tests: articles, blocks and whole projects on disk."""

import os
import textwrap
from contextlib import contextmanager
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from briefgen.errors import InputError
from briefgen.models import Article, Block
from briefgen.read import Paths, read_project
from briefgen.write import _remove

REPO = Path(__file__).resolve().parent.parent


def article(title="A title", url="https://example.com/a", outlet="The Example", blocks=(), **fields) -> Article:
    published = fields.pop("published", datetime(2024, 3, 5, 8, 0, tzinfo=timezone.utc))
    return Article(
        path=fields.pop("path", "content/articles/a.md"),
        title=title,
        url=url,
        outlet=outlet,
        published=published,
        briefing=fields.pop("briefing", published.date() if isinstance(published, datetime) else date(2024, 3, 5)),
        blocks=tuple(Block(b) if isinstance(b, str) else b for b in blocks),
        **fields,
    )


def front_matter(body="Some text of the article. It has two sentences.", **fields) -> str:
    meta = {
        "title": "Ministers agree budget",
        "url": "https://example.com/budget",
        "outlet": "The Example",
        "published": "2024-03-05T07:30:00+00:00",
        "topic": "budget",
    }
    meta.update(fields)
    lines = [f"{key}: {value}" for key, value in meta.items() if value is not None]
    return "---\n" + "\n".join(lines) + "\n---\n" + body + "\n"


def write_project(root: Path, files: dict[str, str], topics="- id: budget\n  title: Budget\n", config=None) -> Path:
    """Write a project: `files` maps paths under content/articles/ to their text."""
    (root / "content" / "articles").mkdir(parents=True, exist_ok=True)
    if topics is not None:
        (root / "content" / "topics.yaml").write_text(topics)
    if config is not None:
        (root / "briefgen.yaml").write_text(textwrap.dedent(config))
    for name, text in files.items():
        path = root / "content" / "articles" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return root


def read(root: Path):
    """The project at `root`, read as `briefgen build` would."""
    return read_project(Paths(root, root / "briefgen.yaml", root / "content"))


def problems_of(root: Path) -> list[str]:
    """The problems reading the project at `root` reports, as printed."""
    with pytest.raises(InputError) as caught:
        read(root)
    return [str(p) for p in caught.value.problems]


_PLACES = ("Port Alder", "Kettle Bay", "Northmoor", "Saltmarsh", "Dunmere")
_SUBJECTS = ("the harbour bridge", "the ferry timetable", "water restrictions", "the council budget", "bus fares")
_ACTIONS = ("was reviewed", "was delayed again", "drew protests", "was approved", "faced new questions")


def many_articles(count: int, days: int = 10, topics: int = 5, seed: int = 0) -> tuple[dict[str, str], str]:
    """(files, topics.yaml) for a project of `count` small articles spread over `days` days.

    The text is varied enough for summaries and quotes; the same arguments give the same files.
    """
    files = {}
    for n in range(count):
        day, topic = date(2024, 3, 1 + n % days) if days <= 28 else date.fromordinal(738946 + n % days), n % topics
        place, subject, action = (_PLACES[(n + seed) % 5], _SUBJECTS[(n // 5 + seed) % 5], _ACTIONS[(n // 25 + seed) % 5])
        body = (
            f"In {place}, {subject} {action} on {day:%A}, officials said. Residents of {place} were told "
            f"that {subject} would be discussed again next week.\n\n"
            f"\"We will keep people informed about {subject} at every stage,\" said Mara Quinlan number {n}.\n\n"
            f"Story {n} of {count}: about {n % 97} people attended a meeting about {subject} in {place}."
        )
        files[f"{day.isoformat()}/story-{n}.md"] = front_matter(
            body, title=f"'{subject.capitalize()} {action} in {place} ({n})'", url=f"https://news.example/{n}",
            published=f"{day.isoformat()}T{n % 24:02d}:00:00+00:00", topic=f"topic-{topic}",
        )
    topics_yaml = "".join(f"- id: topic-{t}\n  title: Topic number {t}\n" for t in range(topics))
    return files, topics_yaml


@contextmanager
def nested_folders(folder: Path, depth: int):
    """folder/d/d/.../d, `depth` deep (deeper than Python's recursion limit), made one level at
    a time; removed afterwards, since shutil.rmtree (pytest's clean-up) cannot."""
    deepest = folder
    for _ in range(depth):
        deepest = deepest / "d"
        os.mkdir(deepest)
    try:
        yield deepest
    finally:
        _remove(folder / "d")
