"""The pipeline: read -> analyse -> group -> summarise and quote -> render -> write.

Everything is gathered in memory first; the site on disk changes only after every page has
been rendered, and then all at once.
"""

import time
from dataclasses import dataclass, field
from pathlib import Path

from .analyze import analyze
from .config import Config
from .errors import Problem
from .group import group_articles
from .models import ArticleText, Briefing, Project, Site, TopicBriefing
from .keyquotes import key_quotes
from .read import Paths, read_project
from .render import environment, render_site
from .summarize import summarize_topic, unused_controls
from .syndication import find_copies
from .write import WriteResult, write_site


@dataclass(frozen=True)
class BuildOptions:
    root: Path = Path(".")
    config: Path = Path("briefgen.yaml")
    content: Path = Path("content")
    output: Path = Path("site")
    templates: Path | None = Path("templates")

    def paths(self) -> Paths:
        return Paths(self.root, self.config, self.content)


@dataclass(frozen=True)
class BuildReport:
    articles: int
    topics: int
    days: int
    pages: int
    seconds: float
    warnings: tuple[Problem, ...] = ()
    texts: tuple[ArticleText, ...] = ()
    written: WriteResult | None = None
    stages: dict = field(default_factory=dict)


def build(options: BuildOptions, write: bool = True) -> BuildReport:
    """Build the site; with write=False, validate and analyse only (briefgen check)."""
    clock = _Stopwatch()
    project = clock.run("read", read_project, options.paths())
    texts = clock.run("analyse", analyze_all, project)
    topics_file = options.paths().show(options.content / "topics.yaml")
    warnings = project.warnings + unused_controls(project.topics, texts, topics_file)
    site = clock.run("summarise", make_site, project, texts)
    files = clock.run("render", render_site, site, environment(options.templates)) if write else {}
    written = clock.run("write", write_site, files, options.output) if write else None
    return BuildReport(
        articles=len(project.articles),
        topics=len({entry.topic.id for b in site.briefings for entry in b.topics}),
        days=len(site.briefings),
        pages=sum(1 for name in files if name.endswith(".html")),
        seconds=clock.total,
        warnings=warnings,
        texts=texts,
        written=written,
        stages=dict(clock.stages),
    )


def analyze_all(project: Project) -> tuple[ArticleText, ...]:
    return tuple(analyze(article, project.config) for article in project.articles)


def make_site(project: Project, texts: tuple[ArticleText, ...]) -> Site:
    notes = {note.day: note.html for note in project.notes}
    briefings = tuple(
        Briefing(day, tuple(topic_briefing(topic, members, project.config) for topic, members in groups), notes.get(day, ""))
        for day, groups in group_articles(texts, project.topics)
    )
    return Site(project.config, briefings, project.topics)


def topic_briefing(topic, texts: tuple[ArticleText, ...], config: Config) -> TopicBriefing:
    copies = find_copies(texts)
    return TopicBriefing(
        topic=topic,
        articles=tuple(text.article for text in texts),
        summary=summarize_topic(texts, config, topic, copies),
        quotes=key_quotes(texts, config.quotes_per_topic, topic.quote_controls),
        copies=copies,
    )


class _Stopwatch:
    def __init__(self):
        self.stages: dict[str, float] = {}
        self.total = 0.0

    def run(self, stage: str, function, *args):
        started = time.perf_counter()
        result = function(*args)
        elapsed = time.perf_counter() - started
        self.stages[stage] = elapsed
        self.total += elapsed
        return result
