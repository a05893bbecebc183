"""Small builders for tests: articles, blocks and whole projects on disk."""

import textwrap
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from briefgen.errors import InputError
from briefgen.models import Article, Block
from briefgen.read import Paths, read_project

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
