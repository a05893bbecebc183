"""Article and topic metadata: hand-written YAML checked field by field.

Every check returns the clean value or raises `Invalid` with a message that says what a
valid value looks like; the caller attaches the file and line.
"""

import hashlib
import re
import unicodedata
from dataclasses import replace
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from .config import LANGUAGES, Config, Invalid, check_printable, did_you_mean, unknown_key_message
from .errors import error, shown, warning
from .models import PinnedQuote, QuoteControls, SummaryControls, Topic
from .urls import check_http_url
from .yamldoc import YamlDoc

REQUIRED = ("title", "url", "outlet", "published")
OPTIONAL = ("topic", "author", "language", "briefing", "tags", "summary", "quotes")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _text(value, limit: int = 500) -> str:
    """Text on one line, NFC-normalised (so look-alike spellings of one word compare equal)."""
    if isinstance(value, (bool, float)):
        raise Invalid(f"{shown(value)} is read as a {'yes/no value' if isinstance(value, bool) else 'number'}, not text; put it in quotes")
    if not isinstance(value, (str, int)):
        raise Invalid("must be text")
    text = unicodedata.normalize("NFC", " ".join(str(value).split()))
    if not text:
        raise Invalid("must not be empty")
    if len(text) > limit:
        raise Invalid(f"is longer than {limit} characters")
    return check_printable(text)


def _url(value) -> str:
    url = check_http_url(value)
    if url is None:
        raise Invalid(f"{shown(value)} is not a web address; use the article's full http:// or https:// URL")
    return url


def parse_published(value) -> tuple[datetime, bool]:
    """An aware datetime from an ISO 8601 date or datetime with offset; True if date only."""
    text = str(value).strip() if isinstance(value, (str, date)) else None
    if text and _DATE.match(text):
        return datetime.combine(_date(text), time(0), ZoneInfo("UTC")), True
    try:
        moment = datetime.fromisoformat(text) if text else None
    except ValueError:
        moment = None
    if moment is None:
        raise Invalid(f"{shown(value)} is not an ISO 8601 date or time; write e.g. 2024-03-05 or 2024-03-05T07:30:00+01:00")
    if moment.tzinfo is None:
        raise Invalid(f"{shown(value)} has no UTC offset; add one, e.g. {text}+00:00 or {text}Z")
    if not 1 < moment.year < 9999:
        raise Invalid(f"{shown(value)} is out of range; use a year from 0002 to 9998")
    return moment, False


def _date(value) -> date:
    text = str(value).strip()
    try:
        if _DATE.match(text):
            return date.fromisoformat(text)
    except ValueError:
        pass
    raise Invalid(f"{shown(value)} is not a date; write it as YYYY-MM-DD, e.g. 2024-03-05")


def _language(value) -> str:
    if not isinstance(value, str) or value not in LANGUAGES:
        raise Invalid(f"{shown(value)} is not supported; use one of: {', '.join(LANGUAGES)}")
    return value


def _tags(value) -> tuple[str, ...]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list):
        raise Invalid("must be a list of words, e.g. [politics, europe]")
    return tuple(sorted({_text(item, 80) for item in items}))


def check_article_fields(doc: YamlDoc, path: str, config: Config, topic_ids, article_path: str = "") -> tuple[dict, list]:
    """Validated Article keyword arguments (no body) and the problems found.

    `path` is the file holding the metadata; `article_path` the body file, if different.
    """
    fields = doc.value
    if not isinstance(fields, dict):
        return {}, [error(path, "metadata must be a mapping of fields such as 'title: ...'", doc.line_of())]
    problems, values = [], {}
    for name in REQUIRED:
        if name not in fields or fields[name] in (None, ""):
            problems.append(error(path, f"missing required field '{name}'; add e.g. {_EXAMPLES[name]}", doc.line_of()))
    for name, value in fields.items():
        if name == "summary":
            values[name], found = check_summary(value, doc, path, ("summary",), ARTICLE_SUMMARY)
            problems += found
        elif name == "quotes":
            values["quote_controls"], found = check_quote_controls(value, doc, path, "quotes")
            problems += found
        elif name not in _CHECKS:
            problems.append(warning(path, unknown_key_message(name, REQUIRED + OPTIONAL), doc.line_of(name)))
        elif value not in (None, ""):
            try:
                values[name] = _CHECKS[name](value)
            except Invalid as exc:
                problems.append(error(path, f"{name}: {exc}", doc.line_of(name)))
    if "topic" in values or fields.get("topic") in (None, ""):
        problems += _check_topic(values, path, doc, topic_ids)
    if any(p.is_error for p in problems):
        return {}, problems
    return _article_kwargs(values, article_path or path, config), problems


def _check_topic(values: dict, path: str, doc: YamlDoc, topic_ids) -> list:
    topic = values.get("topic")
    if topic is None:
        return [warning(path, "no topic; the article goes to 'Other news'. Add 'topic: <id>' from content/topics.yaml")]
    if topic in topic_ids:
        return []
    message = f"topic: unknown topic {shown(topic)}; {did_you_mean(topic, topic_ids)} Topics are defined in content/topics.yaml"
    return [error(path, message, doc.line_of("topic"))]


def _article_kwargs(values: dict, path: str, config: Config) -> dict:
    published, date_only = values.pop("published")
    briefing = values.pop("briefing", None)
    if briefing is None:
        briefing = published.date() if date_only else published.astimezone(ZoneInfo(config.timezone)).date()
    summary = values.get("summary")
    if summary is not None and summary.written:  # an article's own text is for its own day
        values["summary"] = replace(summary, written=((briefing, summary.written[0][1]),))
    return {
        **values,
        "path": path,
        "published": published,
        "date_only": date_only,
        "briefing": briefing,
        "language": values.get("language", config.language),
    }


_CHECKS = {
    "title": _text,
    "url": _url,
    "outlet": lambda value: _text(value, 120),
    "published": parse_published,
    "topic": lambda value: _text(value, 200),
    "author": _text,
    "language": _language,
    "briefing": _date,
    "tags": _tags,
}
_EXAMPLES = {
    "title": "'title: Ministers agree new budget'",
    "url": "'url: https://example.com/news/budget'",
    "outlet": "'outlet: The Daily Example'",
    "published": "'published: 2024-03-05T07:30:00+01:00'",
}

TOPIC_FIELDS = ("id", "title", "description", "summary", "quotes")


# Names Windows reserves for devices, whatever the extension; a folder so named cannot be made.
_RESERVED = {"con", "prn", "aux", "nul", *(f"{d}{n}" for d in ("com", "lpt") for n in range(10))}
BUILT_IN_SLUGS = {"other"}  # the built-in 'Other news' section, unless a topic's id is 'other'


def slugify(text: str) -> str:
    """A lowercase ASCII path segment of at most 60 characters: letters, digits and '-'.

    Never empty, never '.' or '..', never a reserved device name; characters with no ASCII
    look-alike (Cyrillic, Greek, CJK...) are dropped.
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].strip("-") or "topic"
    return f"{slug}-topic" if slug in _RESERVED else slug


def assign_slugs(topics: list[Topic]) -> tuple[Topic, ...]:
    """Distinct paths for topics whose ids slugify alike ('Budget', 'budget', 'bud-get').

    A topic keeps its plain slug when its id is exactly that slug, or when no other topic and
    no built-in page wants it; the others get a suffix from a hash of their id, so each path
    is stable whatever the order of content/topics.yaml.
    """
    claims: dict[str, int] = {}
    for topic in topics:
        claims[topic.slug] = claims.get(topic.slug, 0) + 1
    taken = {t.slug for t in topics if t.id == t.slug}
    result = []
    for topic in topics:
        shared = claims[topic.slug] > 1 or topic.slug in BUILT_IN_SLUGS
        slug = topic.slug if topic.id == topic.slug or not shared else _hashed_slug(topic, taken)
        taken.add(slug)
        result.append(replace(topic, slug=slug))
    return tuple(result)


def _hashed_slug(topic: Topic, taken: set) -> str:
    digest = hashlib.sha256(topic.id.encode("utf-8")).hexdigest()
    length = 8
    while f"{topic.slug}-{digest[:length]}" in taken:
        length += 1
    return f"{topic.slug}-{digest[:length]}"


def check_topics(doc: YamlDoc, path: str, render_markdown) -> tuple[tuple[Topic, ...], list]:
    """Topics from `content/topics.yaml`: a list of {id, title, description}."""
    if not isinstance(doc.value, list):
        return (), [error(path, "must be a list of topics, each '- id: ...' with a 'title:'", doc.line_of())]
    topics, problems, seen_ids = [], [], {}
    for index, entry in enumerate(doc.value):
        topic, entry_problems = _check_topic_entry(entry, index, doc, path, render_markdown)
        problems += entry_problems
        if topic is None:
            continue
        if topic.id in seen_ids:
            problems.append(error(path, f"id: topic '{topic.id}' is defined twice (first on line {seen_ids[topic.id]}); keep one", doc.line_of(index, "id")))
            continue
        seen_ids[topic.id] = doc.line_of(index, "id")
        topics.append(topic)
    return assign_slugs(topics), problems


def _check_topic_entry(entry, index: int, doc: YamlDoc, path: str, render_markdown):
    if not isinstance(entry, dict):
        return None, [error(path, "each topic must be a mapping with 'id' and 'title'", doc.line_of(index))]
    problems = [
        warning(path, unknown_key_message(key, TOPIC_FIELDS), doc.line_of(index, key))
        for key in entry if key not in TOPIC_FIELDS
    ]
    summary, found = check_summary(entry.get("summary") or {}, doc, path, (index, "summary"), TOPIC_SUMMARY)
    problems += found
    values = {}
    for name in ("id", "title", "description"):
        if name not in entry or entry[name] in (None, ""):
            if name != "description":
                problems.append(error(path, f"topic {index + 1} is missing '{name}'", doc.line_of(index)))
            continue
        try:
            values[name] = _text(entry[name], 200 if name != "description" else 5000)
        except Invalid as exc:
            problems.append(error(path, f"{name}: {exc}", doc.line_of(index, name)))
    if any(p.is_error for p in problems):
        return None, problems
    controls, found = check_quote_controls(entry["quotes"], doc, path, index, "quotes") if entry.get("quotes") is not None else (QuoteControls(), [])
    problems += found
    description = entry.get("description") or ""
    html = render_markdown(description) if isinstance(description, str) else ""
    return Topic(values["id"], values["title"], slugify(values["id"]), html, summary, controls), problems


# `summary:` controls of a topic entry or an article

ARTICLE_SUMMARY = ("sentences", "pin", "drop", "text")
TOPIC_SUMMARY = ("sentences", "words", "pin", "drop", "text")
_SUMMARY_EXAMPLE = "e.g. 'summary: {sentences: 3, pin: [words of a sentence]}'"


def check_summary(value, doc: YamlDoc, path: str, where: tuple, allowed: tuple) -> tuple[SummaryControls, list]:
    """SummaryControls from a `summary:` mapping (`where` is its key path in `doc`) and the problems."""
    if not isinstance(value, dict):
        return SummaryControls(), [error(path, f"summary: must be a mapping of settings, {_SUMMARY_EXAMPLE}", doc.line_of(*where))]
    for_topic = "words" in allowed
    problems, values = [], {}
    for key, item in value.items():
        line = doc.line_of(*where, key)
        if key not in allowed:
            note = " (only a topic sets the length in words)" if key == "words" else ""
            problems.append(warning(path, f"summary: {unknown_key_message(key, allowed)}{note}", line))
            continue
        try:
            values[key] = _SUMMARY_CHECKS[key](item, for_topic)
        except Invalid as exc:
            problems.append(error(path, f"summary: {key}: {exc}", line))
    written = values.pop("text", ())
    return SummaryControls(**values, written=written), problems


def _summary_sentences(value, for_topic: bool) -> int:
    low = 1 if for_topic else 0
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= 50:
        meaning = "sentences in this topic's summary" if for_topic else "most sentences taken from this article (0: none)"
        raise Invalid(f"must be a whole number from {low} to 50: the {meaning}")
    return value


def _summary_words(value, for_topic: bool) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 5000:
        raise Invalid("must be a whole number from 0 to 5000 (0: count sentences instead)")
    return value


def _sentence_parts(value, for_topic: bool) -> tuple[str, ...]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not items:
        raise Invalid("must be a list of sentences (or enough of their words to find them), e.g. [\"Ferries will run every 15 minutes\"]")
    parts = []
    for item in items:
        text = _text(item)
        if len(text.split()) < 3:
            raise Invalid(f"{shown(item)} is too short to find one sentence; copy at least 3 words of it")
        parts.append(text)
    return tuple(parts)


def _written(value, for_topic: bool) -> tuple:
    if not for_topic:
        return ((None, _text(value, 5000)),)
    if not isinstance(value, dict) or not value:
        raise Invalid("must map each day to its summary, e.g. '2024-03-05: The council agreed ...'")
    return tuple(sorted((_date(day), _text(text, 5000)) for day, text in value.items()))


_SUMMARY_CHECKS = {
    "sentences": _summary_sentences,
    "words": _summary_words,
    "pin": _sentence_parts,
    "drop": _sentence_parts,
    "text": _written,
}


# `quotes:` controls of an article or a topic entry

QUOTE_CONTROLS = ("pin", "hide", "speakers")
PIN_FIELDS = ("text", "speaker", "role")


def check_quote_controls(value, doc: YamlDoc, path: str, *where) -> tuple[QuoteControls, list]:
    """An article's or topic's `quotes:` mapping: pin, hide and speakers. `where` is its key path."""
    if not isinstance(value, dict):
        message = "quotes: must be a mapping with 'pin', 'hide' or 'speakers', e.g. quotes: {hide: [\"words of the quote\"]}"
        return QuoteControls(), [error(path, message, doc.line_of(*where))]
    problems = [
        warning(path, "quotes: " + unknown_key_message(key, QUOTE_CONTROLS), doc.line_of(*where, key))
        for key in value if key not in QUOTE_CONTROLS
    ]
    pins = _pins(value.get("pin"), doc, path, where + ("pin",), problems)
    hide = _quote_texts(value.get("hide"), doc, path, where + ("hide",), problems)
    speakers = _speaker_names(value.get("speakers"), doc, path, where + ("speakers",), problems)
    return QuoteControls(pins, hide, speakers), problems


def _pins(value, doc: YamlDoc, path: str, where: tuple, problems: list) -> tuple[PinnedQuote, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        problems.append(error(path, "quotes.pin: must be a list of quotes, each '- text: ...' with an optional 'speaker: ...'", doc.line_of(*where)))
        return ()
    pins = []
    for n, entry in enumerate(value):
        entry = {"text": entry} if isinstance(entry, str) else entry
        if not isinstance(entry, dict) or not entry.get("text"):
            problems.append(error(path, f"quotes.pin[{n}]: needs 'text:' with the quote's words as the article prints them", doc.line_of(*where, n)))
            continue
        problems += [
            warning(path, f"quotes.pin[{n}]: " + unknown_key_message(key, PIN_FIELDS), doc.line_of(*where, n, key))
            for key in entry if key not in PIN_FIELDS
        ]
        try:
            fields = {key: _text(entry[key], 2000) for key in PIN_FIELDS if entry.get(key) not in (None, "")}
        except Invalid as exc:
            problems.append(error(path, f"quotes.pin[{n}]: {exc}", doc.line_of(*where, n)))
            continue
        pins.append(PinnedQuote(line=doc.line_of(*where, n, "text"), **fields))
    return tuple(pins)


def _quote_texts(value, doc: YamlDoc, path: str, where: tuple, problems: list) -> tuple[str, ...]:
    items = [value] if isinstance(value, str) else value or []
    try:
        if not isinstance(items, list):
            raise Invalid("must be a list of quotes' words, e.g. hide: [\"a beginning, not a solution\"]")
        return tuple(_text(item, 2000) for item in items)
    except Invalid as exc:
        problems.append(error(path, f"quotes.{where[-1]}: {exc}", doc.line_of(*where)))
        return ()


def _speaker_names(value, doc: YamlDoc, path: str, where: tuple, problems: list) -> tuple[tuple[str, str], ...]:
    if value is None:
        return ()
    try:
        if not isinstance(value, dict):
            raise Invalid("must map a name as found to the right one, e.g. speakers: {Okafor: Ruth Okafor}")
        return tuple((_text(found, 200), _text(right, 200)) for found, right in value.items())
    except Invalid as exc:
        problems.append(error(path, f"quotes.speakers: {exc}", doc.line_of(*where)))
        return ()


def missing_pins(pins: tuple[PinnedQuote, ...], found, path: str, where: str) -> list:
    """Pins whose words `found(pin)` cannot find: a pinned quote must be in its source."""
    return [
        error(path, f"quotes.pin[{n}].text: these words are not in {where}; copy them exactly as the article prints them", pin.line)
        for n, pin in enumerate(pins) if not found(pin)
    ]
