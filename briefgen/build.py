"""The pipeline: read -> group -> per (day, topic): analyse, summarise, quote -> render -> write.

Everything is gathered in memory first; the site on disk changes only after every page has
been rendered, and then all at once. Work whose inputs did not change since the last build is
taken from the cache (`cache.py`): a parsed article, an article's analysis, a topic's
summary and quotes, a rendered page. The rest is spread over processes, one (day, topic) at a
time; each unit of work is a pure function of its inputs, so the output does not depend on
the cache, the number of processes or the order they finish in.
"""

import gc
import os
import time
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from jinja2 import meta

from .analyze import analyze
from .cache import CACHE_DIR, Fingerprints, Store, code_fingerprint, decode, digest, encode
from .config import Config
from .errors import Problem, as_errors, raise_if_errors
from .group import group_articles
from .models import Article, ArticleText, Briefing, Project, Site, Topic, TopicBriefing
from .read import Paths, parse_article, read_project
from .render import environment, render_site
from .write import WriteResult, write_site


@dataclass(frozen=True)
class BuildOptions:
    root: Path = Path(".")
    config: Path = Path("briefgen.yaml")
    content: Path = Path("content")
    output: Path = Path("site")
    templates: Path | None = Path("templates")
    jobs: int = 0  # processes; 0: one per core
    cache: bool = True
    strict: bool = False  # warnings are errors

    def paths(self) -> Paths:
        return Paths(self.root, self.config, self.content)

    def store(self, writable: bool = True) -> Store:
        return Store(self.root / CACHE_DIR if self.cache else None, writable)


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
    reused: dict = field(default_factory=dict)  # {"articles": (reused, total), "topics": ..., "pages": ...}


def build(options: BuildOptions, write: bool = True, texts: bool = False, progress=None) -> BuildReport:
    """Build the site; with write=False, validate and summarise only (briefgen check).

    texts=True also returns every article's analysis (for `-v`). `progress(total)` may return
    a callable that is told, after each unit of work, how many units finished.
    """
    for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(variable, "1")  # the build's processes use the cores; BLAS threads would contend
    gc.disable()  # reading and loading the cache make many objects and no garbage
    try:
        return _build(options, write, texts, progress)
    finally:
        gc.unfreeze()
        gc.enable()


def _build(options: BuildOptions, write: bool, texts: bool, progress) -> BuildReport:
    clock = _Stopwatch()
    store = options.store(writable=write)
    reader = CachedReader(store)
    project = clock.run("read", read_project, options.paths(), reader.parse, reader.blocks)
    units = clock.run("group", plan_units, project, reader)
    topics = TopicCache(store, reader.articles)
    briefings = clock.run("summarise", topics.known, units)
    gc.freeze()  # what is in memory now stays: collections (and forked workers) need not look at it
    gc.enable()
    results = clock.run("summarise", run_units, units, project.config, reader, topics, options.jobs, texts, progress, set(briefings))
    briefings.update((key, briefing) for key, (briefing, _) in results.items() if briefing is not None)
    warnings = project.warnings + clock.run("summarise", check_controls, project, options, reader)
    if options.strict:
        raise_if_errors(as_errors(warnings))
    site = assemble_site(project, units, briefings)
    files, pages = {}, None
    if write:
        pages = PageCache(store, environment(options.templates), project.config, reader, units, briefings)
        files = clock.run("render", render_site, site, pages.env, pages.reuse)
    written = clock.run("write", write_site, files, options.output) if write else None
    reader.save()
    topics.save({unit.key for unit in units})
    if pages:
        pages.sweep()
    return BuildReport(
        articles=len(project.articles),
        topics=len({unit.topic.id for unit in units}),
        days=len(site.briefings),
        pages=sum(1 for name in files if name.endswith(".html")),
        seconds=clock.total,
        warnings=warnings,
        texts=_in_article_order(project, results) if texts else (),
        written=written,
        stages=dict(clock.stages),
        reused={"articles": (reader.hits, len(project.articles)), "topics": (topics.hits, len(units)),
                **({"pages": (pages.hits, pages.total)} if pages else {})},
    )


def check_controls(project: Project, options: BuildOptions, reader: "CachedReader") -> tuple[Problem, ...]:
    """Warnings for summary controls that match nothing. Only articles that a control can
    refer to are analysed for it; the others are passed without sentences."""
    steered = {topic.id for topic in project.topics if topic.summary.pin or topic.summary.drop}
    if not steered and not any(a.summary.pin or a.summary.drop or a.summary.written for a in project.articles):
        return ()  # nothing to check (and no need to load the summariser)
    from .summarize import unused_controls

    texts = tuple(
        _article_text(article, reader, project.config)
        if article.topic in steered or article.summary.pin or article.summary.drop
        else ArticleText(article, (), (), ())
        for article in project.articles
    )
    return unused_controls(project.topics, texts, options.paths().show(options.content / "topics.yaml"))


def _in_article_order(project: Project, results: dict) -> tuple[ArticleText, ...]:
    by_path = {text.article.path: text for _, texts in results.values() for text in texts}
    return tuple(by_path[article.path] for article in project.articles)


class CachedReader:
    """`parse_article` with memory: an unchanged file (same text, config, topics, code) is not
    parsed again. Articles come back without their body blocks, which only analysis reads;
    `full(article)` parses the body again when an analysis is not in the cache."""

    def __init__(self, store: Store):
        self.store = store
        self.pack = store.load_pack("read", {})
        self.used: dict[str, tuple] = {}
        self.keys: dict[str, str] = {}  # article path -> read key
        self.articles: dict[str, Article] = {}  # article path -> article without blocks
        self.sources: dict[str, tuple] = {}
        self.parsed: dict[str, Article] = {}
        self.setting = None
        self.hits = 0

    def parse(self, shown, text, sidecar, config, topic_ids):
        key = digest(self._setting(config, topic_ids), shown, text, repr(sidecar))
        entry = self.pack.get(key)
        if _is_read_entry(entry):
            self.hits += 1
        else:
            article, problems = parse_article(shown, text, sidecar, config, topic_ids)
            entry = (replace(article, blocks=()) if article else None, tuple(problems))
            if article:
                self.parsed[shown] = article
        self.used[key] = entry
        if entry[0] is not None:
            self.keys[shown], self.articles[shown] = key, entry[0]
            self.sources[shown] = (shown, text, sidecar, config, topic_ids)
        return entry[0], list(entry[1])

    def _setting(self, config, topic_ids) -> str:
        """A digest of what every article is read with, made once per build."""
        if self.setting is None or self.setting[0] is not topic_ids:
            self.setting = (topic_ids, digest(code_fingerprint(), "read", repr(config), *sorted(topic_ids)))
        return self.setting[1]

    def full(self, article: Article) -> Article:
        parsed = self.parsed.get(article.path)
        return parsed if parsed is not None else parse_article(*self.sources[article.path])[0]

    def blocks(self, article: Article):
        return self.full(article).blocks

    def save(self) -> None:
        if self.used.keys() != self.pack.keys():
            self.store.save_pack("read", self.used, references=False)
            self.store.sweep("analysis", set(self.keys.values()))


def _is_read_entry(entry) -> bool:
    return (
        isinstance(entry, tuple) and len(entry) == 2 and isinstance(entry[1], tuple)
        and (entry[0] is None or type(entry[0]) is Article)
    )


@dataclass(frozen=True)
class Unit:
    """One topic on one day: the unit of summarising, caching and parallel work."""

    key: str
    day: date
    topic: Topic
    articles: tuple[Article, ...]


def plan_units(project: Project, reader: CachedReader) -> tuple[Unit, ...]:
    units = []
    for day, groups in group_articles(project.articles, project.topics):
        for topic, articles in groups:
            # The key names every input of `topic_briefing`: add any new one here. A topic's
            # title and description are only shown, never summarised: renaming a topic
            # re-renders its pages but summarises nothing again.
            shown_only = replace(topic, title="", description_html="")
            key = digest(code_fingerprint(), "topic", repr(project.config), repr(shown_only), *(reader.keys[a.path] for a in articles))
            units.append(Unit(key, day, topic, articles))
    return tuple(units)


class TopicCache:
    """Each unit's TopicBriefing, encoded, in one pack."""

    def __init__(self, store: Store, articles: dict[str, Article]):
        self.store, self.articles = store, articles
        self.pack = store.load_pack("topics", {})
        self.fresh: dict[str, bytes] = {}
        self.hits = 0

    def known(self, units) -> dict[str, TopicBriefing]:
        """{unit key: briefing} for the units whose briefing is in the cache."""
        found = {}
        for unit in units:
            briefing = decode(self.pack.get(unit.key), self.articles, TopicBriefing)
            if briefing is not None:
                found[unit.key] = replace(briefing, topic=unit.topic)
        self.hits = len(found)
        return found

    def put(self, key: str, data: bytes) -> None:
        self.fresh[key] = data

    def save(self, live: set[str]) -> None:
        if self.fresh or live != self.pack.keys():
            kept = {key: data for key, data in self.pack.items() if key in live}
            self.store.save_pack("topics", {**kept, **self.fresh}, references=False)


def run_units(units, config: Config, reader: CachedReader, topics: TopicCache, jobs: int, want_texts: bool, progress, cached: set):
    """{unit key: (TopicBriefing or None, texts)} for the units that ran: those not `cached`,
    and all of them if `want_texts`."""
    tasks = [(index, unit.key not in cached) for index, unit in enumerate(units) if want_texts or unit.key not in cached]
    tasks.sort(key=lambda task: -len(units[task[0]].articles))  # longest first keeps processes busy
    state = _WorkerState(units, config, reader, want_texts)
    tell = progress(len(tasks)) if progress and tasks else None
    results = {}
    for done, (index, summary, texts) in enumerate(_map(_run_unit, tasks, state, jobs), 1):
        unit = units[index]
        if summary is not None:
            topics.put(unit.key, summary)
        briefing = decode(summary, reader.articles, TopicBriefing)
        results[unit.key] = (briefing, tuple(decode(t, reader.articles, ArticleText) for t in texts))
        if tell:
            tell(done)
    return results


@dataclass(frozen=True)
class _WorkerState:
    units: tuple[Unit, ...]
    config: Config
    reader: CachedReader
    want_texts: bool


_STATE: _WorkerState | None = None


def _set_state(state: _WorkerState) -> None:
    global _STATE
    _STATE = state


def _map(function, tasks: list, state: _WorkerState, jobs: int):
    """function(task) for each task, in this process or over a pool of processes."""
    jobs = min(jobs or os.cpu_count() or 1, len(tasks))
    if jobs <= 1:
        _set_state(state)
        yield from map(function, tasks)
        return
    import multiprocessing

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    with multiprocessing.get_context(method).Pool(jobs, _set_state, (state,)) as pool:
        yield from pool.imap_unordered(function, tasks)


def _run_unit(task) -> tuple[int, bytes | None, list[bytes]]:
    """Analyse a unit's articles (or take their analyses from the cache), then summarise and quote."""
    index, summarise = task
    unit, state = _STATE.units[index], _STATE
    texts = tuple(_article_text(article, state.reader, state.config, whole=summarise) for article in unit.articles)
    summary = encode(topic_briefing(unit.topic, texts, state.config)) if summarise else None
    return index, summary, [encode(text) for text in texts] if state.want_texts else []


def _article_text(article: Article, reader: CachedReader, config: Config, whole: bool = False) -> ArticleText:
    """An article's analysis, from the cache if it is there; `whole`: with the article's body."""
    full = reader.full(article) if whole else article
    key = reader.keys[article.path]
    text = decode(reader.store.get("analysis", key), {article.path: full}, ArticleText)
    if text is None:
        text = analyze(full if whole else reader.full(article), config)
        reader.store.put("analysis", key, encode(text))
    return replace(text, article=full)


def topic_briefing(topic, texts: tuple[ArticleText, ...], config: Config) -> TopicBriefing:
    from .keyquotes import key_quotes  # imported here: a build with nothing to summarise never loads sumy
    from .summarize import summarize_topic
    from .syndication import find_copies

    copies = find_copies(texts)
    return TopicBriefing(
        topic=topic,
        articles=tuple(text.article for text in texts),
        summary=summarize_topic(texts, config, topic, copies),
        quotes=key_quotes(texts, config.quotes_per_topic, topic.quote_controls),
        copies=copies,
    )


def assemble_site(project: Project, units: tuple[Unit, ...], briefings: dict[str, TopicBriefing]) -> Site:
    notes = {note.day: note.html for note in project.notes}
    days: dict[date, list[TopicBriefing]] = {}
    for unit in units:
        days.setdefault(unit.day, []).append(briefings[unit.key])
    return Site(project.config, tuple(Briefing(day, tuple(entries), notes.get(day, "")) for day, entries in days.items()), project.topics)


def analyze_all(project: Project) -> tuple[ArticleText, ...]:
    return tuple(analyze(article, project.config) for article in project.articles)


def make_site(project: Project, texts: tuple[ArticleText, ...]) -> Site:
    """The whole site in one process, without the cache: for tests and tools."""
    notes = {note.day: note.html for note in project.notes}
    by_path = {text.article.path: text for text in texts}
    briefings = tuple(
        Briefing(day, tuple(
            topic_briefing(topic, tuple(by_path[a.path] for a in members), project.config) for topic, members in groups
        ), notes.get(day, ""))
        for day, groups in group_articles([text.article for text in texts], project.topics)
    )
    return Site(project.config, briefings, project.topics)


class PageCache:
    """Rendered pages by a digest of the templates and of the variables each template uses."""

    def __init__(self, store: Store, env, config: Config, reader: CachedReader, units, briefings: dict[str, TopicBriefing]):
        self.store, self.env = store, env
        self.fingerprints = Fingerprints()
        for path, article in reader.articles.items():
            self.fingerprints.know(article, reader.keys[path])
        for unit in units:  # the unit key leaves out what is only shown of the topic; pages show it
            self.fingerprints.know(briefings[unit.key], digest(unit.key, repr(unit.topic)))
        self.theme = digest(code_fingerprint(), repr(config), *_template_sources(env))
        self.variables: dict[str, frozenset | None] = {}
        self.used: set[str] = set()
        self.hits = self.total = 0

    def reuse(self, path: str, template: str | None, context: dict, produce) -> bytes:
        names = self._variables(template) if template else None
        used = sorted(context if names is None else names & context.keys())
        key = digest(self.theme, path, repr(template), *(f"{name}={self.fingerprints.of(context[name])}" for name in used))
        self.used.add(key)
        self.total += 1
        data = self.store.get("pages", key)
        if data is not None:
            self.hits += 1
            return data
        data = produce()
        self.store.put("pages", key, data)
        return data

    def sweep(self) -> None:
        if self.hits < self.total:
            self.store.sweep("pages", self.used)

    def _variables(self, template: str) -> frozenset | None:
        """The names a template and everything it extends or includes may read; None: unknown."""
        if template not in self.variables:
            self.variables[template] = None  # a template that includes itself: unknown
            source, filename, _ = self.env.loader.get_source(self.env, template)
            tree = self.env.parse(source, template, filename)
            names = set(meta.find_undeclared_variables(tree))
            for other in meta.find_referenced_templates(tree):
                more = self._variables(other) if other else None
                if more is None:
                    return None
                names |= more
            self.variables[template] = frozenset(names)
        return self.variables[template]


def _template_sources(env) -> list[str]:
    return [f"{name}\n{env.loader.get_source(env, name)[0]}" for name in env.list_templates()]


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
