"""Render the site model to files in memory with Jinja2: {relative path: bytes}.

The theme is a folder of templates; a project's own `templates/` overrides it file by file.
Every link is relative (each page gets `root`, the way back to the site root), so the site
works at a domain root, under a sub-path and opened from disk.
"""

import json
import os
import pickle
import traceback
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from jinja2 import (BytecodeCache, ChoiceLoader, Environment, FileSystemLoader, PrefixLoader, StrictUndefined,
                    TemplateError, TemplateNotFound, TemplateSyntaxError, __version__ as jinja_version, pass_context,
                    select_autoescape)
from markupsafe import Markup

from . import __version__, default_theme
from .errors import BriefgenError
from .feeds import Entry, address, feed_files
from .models import Briefing, Site, Topic, TopicBriefing
from .urls import text_fragment_url

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def environment(project_templates: Path | None = None, bytecode_cache=None) -> Environment:
    """Templates from the project's folder first, then the default theme; the default theme is
    also reachable as `default/...`, so a project template can extend the one it replaces.
    `bytecode_cache` (a jinja2.BytecodeCache) keeps compiled templates between builds."""
    theme = FileSystemLoader(str(default_theme()))
    project = [FileSystemLoader(str(project_templates))] if project_templates and project_templates.is_dir() else []
    loader = ChoiceLoader([*project, theme, PrefixLoader({"default": theme})])
    env = Environment(
        loader=loader,
        autoescape=select_autoescape(["html", "xml"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=bytecode_cache,
        auto_reload=False,  # templates do not change during a build: no file is looked at again
    )
    env.filters.update(longdate=long_date, shortdate=short_date, month=month_name, plural=plural,
                       published=published_in_site_zone, fragment=lambda c: text_fragment_url(c.url, c.words))
    env.globals.update(generator=f"briefgen {__version__}", day_path=day_path, topic_path=topic_path,
                       briefing_counts=briefing_counts)
    return env


class CompiledTemplates(BytecodeCache):
    """Compiled templates kept between builds by `load(key)` and `save(key, data)`. Jinja
    checks each against its template's source; the key also names the Jinja version."""

    def __init__(self, load, save):
        self.load, self.save = load, save

    def load_bytecode(self, bucket) -> None:
        data = self.load(f"{jinja_version}:{bucket.key}")
        try:
            if data is not None:
                bucket.bytecode_from_string(data)
        except Exception:  # noqa: BLE001 - unreadable: compile the template again
            bucket.reset()

    def dump_bytecode(self, bucket) -> None:
        self.save(f"{jinja_version}:{bucket.key}", bucket.bytecode_to_string())


def render_site(site: Site, env: Environment, reuse=None, render_all=None) -> dict[str, bytes]:
    """Every file of the site. `reuse(path, template, context, produce)` may return a file's
    earlier bytes instead of calling `produce()` (template None: not a Jinja page).
    `render_all(function, jobs)` may spread `[function(job) for job in jobs]` over processes.

    A broken template (a project's own override, usually) is a user mistake: it is reported
    with its file and line, not as a traceback."""
    try:
        return _render_site(site, env, reuse, render_all)
    except TemplateError as exc:
        raise BriefgenError(template_problem(exc)) from None


def template_problem(exc: TemplateError) -> str:
    """'templates/x.html:12: message; ...' for a Jinja error raised while loading or rendering."""
    if isinstance(exc, TemplateSyntaxError):
        where = f"{_shown(exc.filename or exc.name or 'template')}:{exc.lineno}"
    else:
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith((".html", ".xml", ".css"))]
        where = f"{_shown(frames[-1].filename)}:{frames[-1].lineno}" if frames else "templates"
    message = f"no template named '{exc.name}'" if isinstance(exc, TemplateNotFound) else exc.message or str(exc)
    return f"{where}: template error: {message}; fix the template, or delete your copy to use the default theme"


def _shown(filename: str) -> str:
    relative = os.path.relpath(filename)
    return filename if relative.startswith("..") else Path(relative).as_posix()


def _render_site(site: Site, env: Environment, reuse=None, render_all=None) -> dict[str, bytes]:
    reuse = reuse or (lambda path, template, context, produce, counted=True: produce())
    common = {"site": site.config, "briefings": site.briefings}
    files = {}
    pages = []  # (path, what makes the file): made all together below

    def later(path: str, job) -> None:
        files[path] = None  # its place among the files
        pages.append((path, job))

    def page(path: str, template: str, root: str | None = None, **context):
        root = "../" * path.count("/") if root is None else root
        context = {**common, **context, "root": root, "path": path, "canonical": address(site.config, path)}
        later(path, lambda: reuse(path, template, context, lambda: env.get_template(template).render(_made(context)).encode("utf-8")))

    def data(path: str, briefing: Briefing):
        context = {"briefing": briefing, "title": site.config.title}
        later(path, lambda: reuse(path, None, context, lambda: briefing_json(briefing, site.config.title)))

    for index, briefing in enumerate(site.briefings):
        around = {"newer": site.briefings[index - 1] if index else None,
                  "older": site.briefings[index + 1] if index + 1 < len(site.briefings) else None}
        if index == 0:
            page("index.html", "briefing.html", briefing=briefing, is_latest=True, **around)
        path = day_path(briefing.day)
        page(path + "index.html", "briefing.html", briefing=briefing, is_latest=False, **around)
        data(path + "briefing.json", briefing)
    timelines = topic_timelines(site)
    for topic, entries in timelines:
        path = topic_path(topic) + "index.html"
        page(path, "topic.html", topic=topic, entries=entries, topic_day=_day_renderer(env, reuse, common, path))
    page("archive/index.html", "archive.html", months=archive_months(site.briefings), timelines=timelines)
    page("sources/index.html", "sources.html", outlets=Lazy(outlet_usage, site.briefings))
    page("404.html", "404.html", root=site.config.base_url)
    newest = site.briefings[:site.config.feed_days]
    jobs = [job for _, job in pages] + [_feed_content(briefing, site, env, reuse) for briefing in newest]
    done = (render_all or _each)(_call, jobs)
    files.update(zip((path for path, _ in pages), done))
    contents = [content.decode() for content in done[len(pages):]]
    listed = sorted(name for name in files if name.endswith(".html") and name != "404.html")
    feeds = reuse("feeds", None, {"site": site.config, "briefings": newest, "listed": listed},
                  lambda: pickle.dumps(feed_files(site.config, feed_entries(newest, contents), listed)))
    files.update(pickle.loads(feeds))
    files.update(theme_assets(env))
    files[".nojekyll"] = b""
    return files


def _each(function, items: list) -> list:
    return [function(item) for item in items]


def _call(job) -> bytes:
    return job()


def _day_renderer(env: Environment, reuse, common: dict, path: str):
    """`topic_day(day, entry)` for a topic's page: one day of the topic, rendered once and then
    taken from the cache, so a page of many days is put together from parts that did not change."""
    root = "../" * path.count("/")

    def topic_day(day: date, entry: TopicBriefing) -> Markup:
        context = {**common, "root": root, "day": day, "entry": entry}
        name = "partials/topic_day.html"
        html = reuse(f"{path}#{day.isoformat()}", name, context, lambda: env.get_template(name).render(context).encode("utf-8"), counted=False)
        return Markup(html.decode("utf-8"))

    return topic_day


@dataclass(frozen=True)
class Lazy:
    """A page variable made from `source` only if the page is rendered, not taken from the cache."""

    make: object  # a function of `source`
    source: object


def _made(context: dict) -> dict:
    return {name: value.make(value.source) if type(value) is Lazy else value for name, value in context.items()}


def _feed_content(briefing: Briefing, site: Site, env: Environment, reuse):
    """What renders a day's content for the feeds, like a part of a page: an unchanged day is
    taken from the cache."""
    name = "partials/feed_entry.html"
    context = {"briefing": briefing, "site": site.config}
    return lambda: reuse(f"feeds/{briefing.day.isoformat()}", name, context, lambda: env.get_template(name).render(context).strip().encode(), counted=False)


def feed_entries(briefings: tuple[Briefing, ...], contents: list[str]) -> list[Entry]:
    """The newest days as feed entries (the feeds show no more), with each day's content."""
    return [
        Entry(
            day=briefing.day,
            title=long_date(briefing.day),
            path=day_path(briefing.day) + "index.html",
            updated=max(article.published for entry in briefing.topics for article in entry.articles),
            summary="; ".join(entry.topic.title for entry in briefing.topics),
            content_html=content,
        )
        for briefing, content in zip(briefings, contents)
    ]


def topic_timelines(site: Site) -> list[tuple[Topic, tuple[tuple[date, TopicBriefing], ...]]]:
    """Each topic that has articles, with its briefing entries newest first."""
    entries: dict[str, list] = {}
    topics: dict[str, Topic] = {}
    for briefing in site.briefings:
        for entry in briefing.topics:
            topics[entry.topic.id] = entry.topic
            entries.setdefault(entry.topic.id, []).append((briefing.day, entry))
    return [(topics[key], tuple(entries[key])) for key in sorted(topics, key=lambda k: topics[k].slug)]


def archive_months(briefings: tuple[Briefing, ...]) -> list[tuple[tuple[int, int], list[Briefing]]]:
    months: dict[tuple[int, int], list[Briefing]] = {}
    for briefing in briefings:
        months.setdefault((briefing.day.year, briefing.day.month), []).append(briefing)
    return sorted(months.items(), reverse=True)


@dataclass(frozen=True)
class OutletUsage:
    """How often one outlet was used across the whole archive."""

    outlet: str
    articles: int
    sentences: int
    quotes: int
    days: int
    first: date
    last: date
    hosts: tuple[str, ...]


def outlet_usage(briefings: tuple[Briefing, ...]) -> list[OutletUsage]:
    """Every outlet with its counts, most used first."""
    articles, sentences, quotes = Counter(), Counter(), Counter()
    days, hosts = defaultdict(set), defaultdict(set)
    for briefing in briefings:
        for entry in briefing.topics:
            for article in entry.articles:
                articles[article.outlet] += 1
                days[article.outlet].add(briefing.day)
                hosts[article.outlet].add(urlsplit(article.url).hostname or "")
            sentences.update(outlet for s in entry.summary for outlet in {c.outlet for c in s.citations})
            quotes.update(outlet for q in entry.quotes for outlet in {c.outlet for c in q.citations})
    usage = [
        OutletUsage(name, count, sentences[name], quotes[name], len(days[name]), min(days[name]), max(days[name]),
                    tuple(sorted(hosts[name])))
        for name, count in articles.items()
    ]
    return sorted(usage, key=lambda u: (-u.articles, -u.sentences, u.outlet.casefold(), u.outlet))


def theme_assets(env: Environment) -> dict[str, bytes]:
    """Static files under the theme's `assets/`, project overrides first."""
    assets = {}
    for name in env.list_templates(filter_func=lambda n: n.startswith("assets/")):
        source, _, _ = env.loader.get_source(env, name)
        assets[name] = source.encode("utf-8")
    return assets


def briefing_json(briefing: Briefing, title: str) -> bytes:
    data = {
        "date": briefing.day.isoformat(),
        "title": f"{title}: {long_date(briefing.day)}",
        "topics": [
            {
                "id": entry.topic.id,
                "title": entry.topic.title,
                "summary": [{"text": s.text, "sources": [c.url for c in s.citations]} for s in entry.summary],
                "quotes": [
                    {"text": q.text, "speaker": q.speaker, "role": q.role, "sources": [c.url for c in q.citations],
                     "variants": [{"text": v.text, "sources": [c.url for c in v.citations]} for v in q.variants]}
                    for q in entry.quotes
                ],
                "articles": [
                    {"title": a.title, "outlet": a.outlet, "url": a.url, "published": a.published_iso,
                     "copy_of": next((c.original.url for c in entry.copies if c.article.url == a.url), None)}
                    for a in entry.articles
                ],
            }
            for entry in briefing.topics
        ],
    }
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def day_path(day: date) -> str:
    return f"{day.year:04d}/{day.month:02d}/{day.day:02d}/"


def topic_path(topic: Topic) -> str:
    return f"topics/{topic.slug}/"


def long_date(day: date) -> str:
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def short_date(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1][:3]} {day.year}"


def plural(count: int, noun: str) -> str:
    """'1 topic', '3 topics'."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


@dataclass(frozen=True)
class Counts:
    topics: int
    articles: int
    outlets: int


def briefing_counts(briefing: Briefing) -> Counts:
    articles = [article for entry in briefing.topics for article in entry.articles]
    return Counts(len(briefing.topics), len(articles), len({article.outlet for article in articles}))


def month_name(month: tuple[int, int]) -> str:
    return f"{MONTHS[month[1] - 1]} {month[0]}"


@pass_context
def published_in_site_zone(context, article) -> str:
    return published_label(article, ZoneInfo(context["site"].timezone))


def published_label(article, zone: ZoneInfo) -> str:
    """'07:30' in the site's time zone on the article's briefing day, '4 Sep 2023, 22:10' on
    another day; the date alone for date-only articles."""
    if article.date_only:
        return short_date(article.published.date())
    local = article.published.astimezone(zone)
    return f"{local:%H:%M}" if local.date() == article.briefing else f"{short_date(local.date())}, {local:%H:%M}"
