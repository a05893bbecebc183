"""The pipeline: read and analyse -> group -> per (day, topic): summarise, quote -> render -> write.

Everything is gathered in memory first; the site on disk changes only after every page has
been rendered, and then all at once. Work whose inputs did not change since the last build is
taken from the cache (`cache.py`): a parsed article, an article's analysis, a topic's
summary and quotes, a rendered page; and a build that finds every input and the site as the
last build left them (`snapshot.py`) does nothing at all. The rest is spread over processes:
new articles are read, parsed and analysed one at a time, then topics summarised one (day,
topic) at a time. Each unit of work is a pure function of its inputs, so the output does not
depend on the cache, the number of processes or the order they finish in.

The pipeline's stages are imported where they are used: a build with nothing to do loads
none of them.
"""

import gc
import os
import time
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import chain
from pathlib import Path

from . import default_theme
from . import snapshot as snapshots
from .cache import CACHE_DIR, Fingerprints, Store, code_fingerprint, decode, digest, encode
from .config import Config
from .errors import Problem, as_errors, raise_if_errors
from .models import Article, ArticleText, Briefing, Project, Site, Topic, TopicBriefing

IN_PROCESS = 16  # fewer new articles than this are read in this process: starting workers costs more
FEW_UNITS = 8  # this many topics to summarise or fewer go to the summariser process started early
FEW_PAGES = 16  # fewer pages than this are rendered in this process: starting workers costs more


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

    def paths(self):
        from .read import Paths

        return Paths(self.root, self.config, self.content)

    def store(self, writable: bool = True) -> Store:
        return Store(self.root / CACHE_DIR if self.cache else None, writable)

    def setup(self) -> tuple:
        """Everything but the files that decides what a build makes."""
        folders = (self.root, self.config, self.content, self.output, self.templates)
        return (code_fingerprint(), *(os.path.abspath(p) if p is not None else None for p in folders))

    def inputs(self) -> dict:
        """The signature of every input file (see snapshot.py)."""
        folders = [self.content, default_theme()] + ([self.templates] if self.templates is not None else [])
        return snapshots.scan([self.config], folders)


@dataclass(frozen=True)
class BuildReport:
    articles: int
    topics: int
    days: int
    pages: int
    seconds: float
    warnings: tuple[Problem, ...] = ()
    texts: tuple[ArticleText, ...] = ()
    written: object = None  # write.WriteResult
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
    previous = snapshots.load(store.folder)
    current = snapshots.Snapshot(options.setup(), time.time_ns())
    current.inputs = clock.run("read", options.inputs)
    if write and not texts and previous and previous.unchanged(current.setup, current.inputs, options.output):
        return _as_before(previous, options, clock)
    summariser = Summariser(options.jobs) if previous else None  # loads sumy while this process reads
    try:
        return _build_changed(options, write, texts, progress, _Begun(clock, store, previous, current, summariser))
    finally:
        if summariser:
            summariser.close()


@dataclass(frozen=True)
class _Begun:
    """What a build that has something to do knows when it starts."""

    clock: "_Stopwatch"
    store: Store
    previous: "snapshots.Snapshot | None"
    current: "snapshots.Snapshot"
    summariser: "Summariser | None"


def _build_changed(options: BuildOptions, write: bool, texts: bool, progress, begun: _Begun) -> BuildReport:
    clock, store, previous, current = begun.clock, begun.store, begun.previous, begun.current
    reader = CachedReader(store, options.jobs, previous if previous and previous.setup[0] == current.setup[0] else None, current)
    from .read import read_project

    project = clock.run("read", read_project, options.paths(), reader.read_all, reader.blocks)
    clock.stages["analyse"] = reader.seconds
    clock.stages["read"] -= reader.seconds
    units = clock.run("group", plan_units, project, reader)
    topics = TopicCache(store, reader.articles)
    ahead = clock.run("summarise", summarise_ahead, [u for u in units if u.key not in topics.pack], project.config, reader, begun.summariser)
    briefings = clock.run("summarise", topics.known, units)  # decoded while the summariser process works
    gc.freeze()  # what is in memory now stays: collections (and forked workers) need not look at it
    gc.enable()
    results = clock.run("summarise", run_units, [u for u in units if u.key not in briefings], project.config, reader, topics, options.jobs, progress, ahead)
    briefings.update(results)
    warnings = project.warnings + clock.run("summarise", check_controls, project, options, reader)
    if options.strict:
        raise_if_errors(as_errors(warnings))
    site = assemble_site(project, units, briefings)
    files, pages, written = {}, None, None
    if write:
        from .render import render_site
        from .write import MANIFEST, manifest, write_site

        pages = PageCache(store, options.templates, project.config, reader, units, briefings, topics)
        files = clock.run("render", render_site, site, pages.env, pages.reuse, pages.spread(options.jobs))
        written = clock.run("write", write_site, files, options.output)
    reader.save()
    topics.save({unit.key for unit in units})
    report = BuildReport(
        articles=len(project.articles),
        topics=len({unit.topic.id for unit in units}),
        days=len(site.briefings),
        pages=sum(1 for name in files if name.endswith(".html")),
        seconds=clock.total,
        warnings=warnings,
        texts=tuple(_article_text(article, reader, project.config) for article in project.articles) if texts else (),
        written=written,
        stages=dict(clock.stages),
        reused={"articles": (reader.hits, len(project.articles)), "topics": (topics.hits, len(units)),
                **({"pages": (pages.hits, pages.total)} if pages else {})},
    )
    if pages:
        pages.sweep()
        current.report = {"articles": report.articles, "topics": report.topics, "days": report.days, "pages": report.pages,
                          "warnings": report.warnings, "files": len(files), "work": {k: n for k, (_, n) in report.reused.items()}}
        current.record_site(options.output.resolve(), {**files, MANIFEST: manifest(files)})
        snapshots.save(store.folder if store.writable else None, current)
    return report


def _as_before(previous: "snapshots.Snapshot", options: BuildOptions, clock: "_Stopwatch") -> BuildReport:
    """The report of a build that found nothing to do: the last build's, with nothing written."""
    from .write import WriteResult

    before = previous.report
    if options.strict:
        raise_if_errors(as_errors(before["warnings"]))
    return BuildReport(
        articles=before["articles"], topics=before["topics"], days=before["days"], pages=before["pages"],
        seconds=clock.total, warnings=before["warnings"],
        written=WriteResult(0, before["files"], 0, previous.foreign(options.output)),
        stages=dict(clock.stages), reused={kind: (count, count) for kind, count in before["work"].items()},
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


class CachedReader:
    """Reads articles, reusing earlier work: an article whose files' stats did not change is
    not read; one whose text, config, topics and code did not change is not parsed again.

    New articles are read, parsed and analysed together, spread over processes when there
    are many. Articles come back without their body blocks, which only analysis and pinned
    quotes need: `full(article)` reads and parses the files again for those.
    """

    def __init__(self, store: Store, jobs: int, previous, current):
        self.store, self.jobs = store, jobs
        self.previous, self.current = previous, current  # snapshots of the last build and this one
        self.pack = store.load_pack("read", {})
        self.used: dict[str, tuple] = {}
        self.keys: dict[str, str] = {}  # article path -> read key
        self.articles: dict[str, Article] = {}  # article path -> article without blocks
        self.looks: dict[str, str] = {}  # article path -> digest of the article as pages show it
        self.files: dict[str, tuple] = {}  # article path -> (body file, sidecar file)
        self.analyses: dict[str, bytes] = {}  # read key -> encoded analysis, made in this build
        self.hits = 0
        self.seconds = 0.0  # spent parsing and analysing
        self.context = None

    def read_all(self, pairs: list, paths, config: Config, topic_ids):
        """`read.read_articles` with memory: (article or None, problems) for each pair of files."""
        self.context = (paths, config, topic_ids)
        setting = digest(code_fingerprint(), "read", repr(config), *sorted(topic_ids))
        results, tasks = [], []
        for body, sidecar in pairs:
            shown = paths.show(body)
            stats = (self.current.inputs.get(str(body)), self.current.inputs.get(str(sidecar)) if sidecar else None)
            self.files[shown] = (body, sidecar)
            content = self.previous.content(shown, *stats) if self.previous else None
            key = digest(setting, content) if content else None
            entry = self.pack.get(key) if key else None
            if _is_read_entry(entry):
                self.hits += 1
                self._keep(shown, stats, content, key, entry)
                results.append((entry[0], list(entry[1])))
            else:
                tasks.append(len(results))
                results.append((shown, stats))
        started = time.perf_counter()
        state = _ReadState(self, [results[n][0] for n in tasks], setting)
        jobs = self.jobs if len(tasks) >= IN_PROCESS else 1
        for number, outcome in _map(_read_new, range(len(tasks)), state, jobs, started=_import_summariser_meanwhile):
            shown, stats = results[tasks[number]]
            results[tasks[number]] = self._new(shown, stats, *outcome)
        self.seconds = time.perf_counter() - started
        return results

    def _new(self, shown, stats, content, key, entry, analysis) -> tuple:
        """What a worker found (`_read_new`): entry None means the one in the cache."""
        if content is None:  # the files could not be read: `entry` holds the problems
            return None, list(entry)
        if entry is None:
            self.hits += 1
            entry = self.pack[key]
        if analysis is not None:
            self.analyses[key] = analysis
        self._keep(shown, stats, content, key, entry)
        return entry[0], list(entry[1])

    def _keep(self, shown, stats, content, key, entry) -> None:
        self.current.contents[shown] = (*stats, content)
        self.used[key] = entry
        if entry[0] is not None:
            self.keys[shown], self.articles[shown], self.looks[shown] = key, entry[0], entry[2]

    def full(self, article: Article) -> Article:
        """The article with its body blocks: its files read and parsed again."""
        from .read import parse_article, read_source

        paths, config, topic_ids = self.context
        source, _ = read_source(*self.files[article.path], paths, config.max_file_size)
        parsed = parse_article(*source, config, topic_ids)[0] if source else None
        return parsed if parsed is not None else article

    def blocks(self, article: Article):
        return self.full(article).blocks

    def analysis(self, article: Article) -> bytes | None:
        key = self.keys[article.path]
        return self.analyses.get(key) or self.store.get("analysis", key)

    def save(self) -> None:
        loaded = {key for key, entry in self.pack.items() if self.used.get(key, entry) is entry}  # not made again
        self.store.save_pack("read", self.used, references=False, stored=loaded)
        if not self.pack:  # no earlier build to tell which analyses are stale: look at all
            self.store.sweep("analysis", set(self.keys.values()))
        else:  # an article changed or went: its analysis is stale
            self.store.remove("analysis", self.pack.keys() - self.used.keys())


@dataclass(frozen=True)
class _ReadState:
    reader: CachedReader
    new: list  # article paths to read
    setting: str


def _read_new(number: int):
    """Read one article's files; parse and analyse it unless the cache has it (in a worker)."""
    from .analyze import analyze
    from .read import parse_article, read_source

    state = _STATE
    reader, shown = state.reader, state.new[number]
    paths, config, topic_ids = reader.context
    source, problems = read_source(*reader.files[shown], paths, config.max_file_size)
    if source is None:
        return number, (None, None, tuple(problems), None)
    content = digest(source[0], source[1], repr(source[2]))
    key = digest(state.setting, content)
    entry = reader.pack.get(key)
    if _is_read_entry(entry):
        return number, (content, key, None, None)
    article, problems = parse_article(*source, config, topic_ids)
    if article is None:
        return number, (content, key, (None, tuple(problems), ""), None)
    analysis = encode(analyze(article, config))
    reader.store.put("analysis", key, analysis)
    shown = replace(article, blocks=())
    return number, (content, key, (shown, tuple(problems), digest(repr(shown))), analysis)


def _is_read_entry(entry) -> bool:
    """(article without blocks or None, problems, digest of the article's repr)."""
    return (
        isinstance(entry, tuple) and len(entry) == 3 and isinstance(entry[1], tuple)
        and (entry[0] is None or type(entry[0]) is Article) and isinstance(entry[2], str)
    )


@dataclass(frozen=True)
class Unit:
    """One topic on one day: the unit of summarising, caching and parallel work."""

    key: str
    day: date
    topic: Topic
    articles: tuple[Article, ...]


def plan_units(project: Project, reader: CachedReader) -> tuple[Unit, ...]:
    from .group import group_articles

    units = []
    setting = digest(code_fingerprint(), "topic", repr(project.config))
    for day, groups in group_articles(project.articles, project.topics):
        for topic, articles in groups:
            # The key names every input of `topic_briefing`: add any new one here. A topic's
            # title and description are only shown, never summarised: renaming a topic
            # re-renders its pages but summarises nothing again.
            shown_only = replace(topic, title="", description_html="")
            key = digest(setting, repr(shown_only), *(reader.keys[a.path] for a in articles))
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

    def data(self, key: str) -> bytes:
        """A unit's encoded briefing (its articles by path)."""
        return self.fresh.get(key) or self.pack[key]

    def save(self, live: set[str]) -> None:
        if self.fresh or live != self.pack.keys():
            kept = {key: data for key, data in self.pack.items() if key in live}
            self.store.save_pack("topics", {**kept, **self.fresh}, references=False, stored=self.pack.keys() - self.fresh.keys())


def summarise_ahead(units: list, config: Config, reader: CachedReader, summariser) -> dict:
    """{unit key: pending result}: a build that changes only a few topics hands them to the
    summariser process started early, at once, and decodes the cached ones meanwhile."""
    if not (summariser and summariser.ready and 0 < len(units) <= FEW_UNITS):
        return {}
    state = _UnitState(sorted(units, key=lambda unit: -len(unit.articles)), config, reader)
    return {unit.key: summariser.submit(_unit_input(state, number)) for number, unit in enumerate(state.units)}


def run_units(units: list, config: Config, reader: CachedReader, topics: TopicCache, jobs: int, progress, ahead=None) -> dict[str, TopicBriefing]:
    """{unit key: TopicBriefing} for `units`, summarised and quoted: those started `ahead`
    first, then the others, longest first (which keeps processes busy to the end)."""
    ahead = ahead or {}
    units = sorted(units, key=lambda unit: (unit.key not in ahead, -len(unit.articles)))
    started = sum(unit.key in ahead for unit in units)
    state = _UnitState(units[started:], config, reader)
    done_units = chain(
        ((unit, ahead[unit.key].get()) for unit in units[:started]),
        ((state.units[number], summary) for number, summary in _map(_run_unit, range(len(state.units)), state, jobs)),
    )
    tell = progress(len(units)) if progress and units else None
    results = {}
    for done, (unit, summary) in enumerate(done_units, 1):
        topics.put(unit.key, summary)
        results[unit.key] = replace(decode(summary, reader.articles, TopicBriefing), topic=unit.topic)
        if tell:
            tell(done)
    return results


@dataclass(frozen=True)
class _UnitState:
    units: list
    config: Config
    reader: CachedReader


_STATE = None  # what a worker process works on: set before the pool forks, or by its initializer


def _set_state(state) -> None:
    global _STATE
    _STATE = state


def _start_worker(state) -> None:
    _set_state(state)
    gc.freeze()  # what the parent had is never garbage here
    gc.enable()


def _map(function, tasks, state, jobs: int, started=None):
    """function(task) for each task, in this process or over a pool of processes; `started()`
    is called once the pool's processes are running."""
    tasks = list(tasks)
    jobs = min(jobs or os.cpu_count() or 1, len(tasks))
    if jobs <= 1:
        _set_state(state)
        yield from map(function, tasks)
        return
    import multiprocessing

    while _importing:  # a process forked while another thread imports could inherit its locks
        _importing.pop().join()
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    with multiprocessing.get_context(method).Pool(jobs, _start_worker, (state,)) as pool:
        if started:
            started()
        yield from pool.imap_unordered(function, tasks, chunksize=max(1, len(tasks) // (jobs * 50)))


_importing: list = []  # threads of this process importing modules, joined before the next fork


def _import_summariser_meanwhile() -> None:
    """Import the summariser (sumy, nltk and numpy take a second) in a thread of this process
    while the workers analyse: the workers that summarise next are forked with it loaded,
    instead of each importing it."""
    import threading

    thread = threading.Thread(target=_import_quietly, daemon=True)
    thread.start()
    _importing.append(thread)


def _import_quietly() -> None:
    try:
        _load_summariser()
    except Exception:  # noqa: BLE001 - the import in the workers reports it
        pass


def _run_unit(number: int) -> tuple[int, bytes]:
    """Analyse a unit's articles (or take their analyses from the cache), then summarise and quote."""
    return number, _summarised(*_unit_input(_STATE, number))


def _unit_input(state: "_UnitState", number: int) -> tuple:
    """(topic, its articles' analyses, config) for the unit: what summarising it needs."""
    unit = state.units[number]
    texts = tuple(_article_text(article, state.reader, state.config) for article in unit.articles)
    if unit.topic.quote_controls.pin:  # pinned quotes are looked for in the article as written
        texts = tuple(replace(text, article=state.reader.full(text.article)) for text in texts)
    return unit.topic, texts, state.config


def _summarised(topic, texts, config) -> bytes:
    return encode(topic_briefing(topic, texts, config))


class Summariser:
    """One process, started when an incremental build begins, that loads the summariser (sumy,
    nltk and numpy take a third of a second to import) while this one reads the project, then
    summarises the few topics such a build changes. None on one core or without fork."""

    def __init__(self, jobs: int):
        import multiprocessing

        self.pool = None
        if (jobs or os.cpu_count() or 1) > 1 and "fork" in multiprocessing.get_all_start_methods():
            self.pool = multiprocessing.get_context("fork").Pool(1, _load_summariser)

    @property
    def ready(self) -> bool:
        return self.pool is not None

    def submit(self, unit_input: tuple):
        """The encoded briefing, to `.get()` when it is needed."""
        return self.pool.apply_async(_summarised, unit_input)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.terminate()


def _load_summariser() -> None:
    from . import keyquotes, summarize, syndication  # noqa: F401 - imported to be ready


def _article_text(article: Article, reader: CachedReader, config: Config) -> ArticleText:
    """An article's analysis, from this build or the cache if it is there."""
    text = decode(reader.analysis(article), {article.path: article}, ArticleText)
    if text is None:
        from .analyze import analyze

        text = analyze(reader.full(article), config)
        reader.store.put("analysis", reader.keys[article.path], encode(text))
    return replace(text, article=article)


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
    from .analyze import analyze

    return tuple(analyze(article, project.config) for article in project.articles)


def make_site(project: Project, texts: tuple[ArticleText, ...]) -> Site:
    """The whole site in one process, without the cache: for tests and tools."""
    from .group import group_articles

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

    def __init__(self, store: Store, templates: Path | None, config: Config, reader: CachedReader, units, briefings: dict[str, TopicBriefing], topics: "TopicCache"):
        """Articles and briefings are known by what pages show of them: an edit that changes
        neither an article's metadata nor its topic's summary and quotes changes no page.
        Compiled templates and the variables each template uses are kept too."""
        from .render import CompiledTemplates, environment

        self.templates: set[str] = set()  # keys of the entries of compiled templates used
        self.store, self.env = store, environment(templates, CompiledTemplates(*store.keeper("templates", self.templates)))
        self.fingerprints = Fingerprints()
        for path, article in reader.articles.items():
            self.fingerprints.know(article, reader.looks[path])
        for unit in units:
            shown = (reader.looks[article.path] for article in unit.articles)
            self.fingerprints.know(briefings[unit.key], digest(topics.data(unit.key), repr(unit.topic), *shown))
        self.theme = digest(code_fingerprint(), repr(config), *_template_sources(self.env))
        self.variables: dict[str, frozenset | None] = decode(store.get("templates", self.theme), {}, dict) or {}
        self.parsed = False  # a template's variables were found in this build
        self.used: set[str] = set()
        self.hits = self.total = 0
        self.looking = False  # only looking in the cache: a page not in it raises _NotInCache

    def reuse(self, path: str, template: str | None, context: dict, produce, counted: bool = True) -> bytes:
        """The page (or, not `counted` among pages, part of one) from the cache, else produced."""
        names = self._variables(template) if template else None
        used = sorted(context if names is None else names & context.keys())
        key = digest(self.theme, path, repr(template), *(f"{name}={self.fingerprints.of(context[name])}" for name in used))
        data = self.store.get("pages", key)
        if data is None and self.looking:
            raise _NotInCache
        self.used.add(key)
        self.total += counted
        if data is not None:
            self.hits += counted
            return data
        data = produce()
        self.store.put("pages", key, data)
        return data

    def spread(self, jobs: int):
        """`render_all(render, pages)` for render_site: the pages the cache has are taken here,
        the others rendered by `jobs` processes. Each returns what it took from and added to
        the cache, as `reuse` would have noted."""

        def render_all(render, pages: list) -> list:
            files = [self._cached(render, page) for page in pages]
            missing = [number for number, data in enumerate(files) if data is None]
            workers = min(jobs or os.cpu_count() or 1, len(missing))
            if workers > 1 and len(missing) >= FEW_PAGES:
                self._load_templates()
                try:
                    for number, (data, used, hits, total) in _map(_render_page, missing, (self, render, pages), workers):
                        files[number] = data
                        self.used |= used
                        self.hits += hits
                        self.total += total
                except Exception:  # noqa: BLE001 - a template's error, raised again below with its line
                    pass
            return [render(page) if data is None else data for data, page in zip(files, pages)]

        return render_all

    def _cached(self, render, page) -> bytes | None:
        """render(page) if it needs nothing rendered (the cache has it), else None."""
        self.looking = True
        try:
            return render(page)
        except _NotInCache:
            return None
        finally:
            self.looking = False

    def _load_templates(self) -> None:
        """Compile every template and find its variables here, before the workers start, so
        that each does not do it again and the cache keeps what they used."""
        from jinja2 import TemplateError

        for name in self.env.list_templates(filter_func=lambda name: name.endswith((".html", ".xml"))):
            try:
                self._variables(name)
                self.env.get_template(name)
            except TemplateError:
                pass  # reported with its line when a page uses it

    def sweep(self) -> None:
        if self.parsed:  # a new theme or briefgen: the entries for the last one are stale
            self.store.put("templates", self.theme, encode(self.variables))
            self.store.sweep("templates", self.templates | {self.theme})
        if self.hits < self.total:
            self.store.sweep("pages", self.used)

    def _variables(self, template: str) -> frozenset | None:
        """The names a template and everything it extends or includes may read; None: unknown."""
        from jinja2 import meta

        if template not in self.variables:
            self.parsed = True
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


class _NotInCache(Exception):
    pass


def _render_page(number: int) -> tuple[int, tuple]:
    """Render one page (in a worker): (its bytes, the cache keys used, hits, pages counted)."""
    pages, render, jobs = _STATE
    pages.used, pages.hits, pages.total = set(), 0, 0
    data = render(jobs[number])
    return number, (data, pages.used, pages.hits, pages.total)


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
        self.stages[stage] = self.stages.get(stage, 0.0) + elapsed
        self.total += elapsed
        return result
