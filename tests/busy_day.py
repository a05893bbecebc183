"""A busy news day on disk: ten topics on one day, made from the demo's hand-written articles of
19 November 2026 (three topics, eight articles from five outlets), each topic repeated under new
ids with its articles at new addresses. Realistic prose, quotes and URLs; 27 articles in all.
"""

import re
import shutil
from pathlib import Path

from builders import REPO

DAY = REPO / "content" / "articles" / "2026-11-19"
TOPICS = 10


def write_busy_day(root: Path) -> Path:
    """Write the project (briefgen.yaml, content/) under `root`; returns `root`."""
    demo_topics = [line.split(": ", 1)[1] for line in (REPO / "content/topics.yaml").read_text().splitlines()
                   if line.startswith("- id: ")]
    articles = root / "content" / "articles"
    articles.mkdir(parents=True)
    topics = []
    for number in range(TOPICS):
        original = demo_topics[number % len(demo_topics)]
        topic_id = f"{original}-{number}"
        topics.append(f"- id: {topic_id}\n  title: {original.replace('-', ' ').capitalize()} ({number + 1})\n")
        for path in sorted(DAY.iterdir()):
            metadata = path.read_text("utf-8")
            if f"topic: {original}\n" not in metadata:
                continue
            copy = articles / f"{number}-{path.name}"
            copy.write_text(re.sub(r"^(url: .*)$", rf"\1-{number}", metadata.replace(f"topic: {original}\n", f"topic: {topic_id}\n"), flags=re.M), "utf-8")
            body = path.with_suffix(".txt")
            if path.suffix == ".yaml" and body.exists():
                shutil.copy(body, articles / f"{number}-{body.name}")
    (root / "content" / "topics.yaml").write_text("".join(topics), "utf-8")
    shutil.copy(REPO / "briefgen.yaml", root / "briefgen.yaml")
    return root
