"""Site settings from `briefgen.yaml`: a declared schema where every key has a default.

Each option names its type check; `load_config` applies them all, collects every problem with
its line, and warns about unknown keys with a "did you mean".
"""

import difflib
import re
from dataclasses import dataclass
from typing import Callable
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .errors import error, shown, warning
from .urls import check_http_url
from .yamldoc import YamlDoc

LANGUAGES = {
    "en": "english",
    "de": "german",
    "fr": "french",
    "es": "spanish",
    "it": "italian",
    "pt": "portuguese",
}
SUMMARIZERS = ("lexrank", "textrank", "lsa", "luhn", "kl", "sumbasic", "edmundson", "reduction")


@dataclass(frozen=True)
class OutletRules:
    outlet: str
    drop_lines: tuple[str, ...]
    keep_lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class Config:
    title: str = "Daily Briefing"
    timezone: str = "UTC"
    language: str = "en"
    base_url: str = ""
    summarizer: str = "lexrank"
    summary_sentences: int = 5
    summary_words: int = 0
    quotes_per_topic: int = 3
    drop_lines: tuple[str, ...] = ()
    keep_lines: tuple[str, ...] = ()
    outlets: tuple[OutletRules, ...] = ()
    max_file_size: int = 5_000_000
    feed_days: int = 10

    def rules_for(self, outlet: str) -> OutletRules:
        for rules in self.outlets:
            if rules.outlet.casefold() == outlet.casefold():
                return rules
        return OutletRules(outlet, ())

    def drop_lines_for(self, outlet: str) -> tuple[str, ...]:
        return self.rules_for(outlet).drop_lines


class Invalid(Exception):
    """Raised by a check; the message says what a valid value looks like."""


# Characters no HTML page or XML feed may carry: control characters, surrogates, non-characters.
UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def check_printable(text: str) -> str:
    found = UNPRINTABLE.search(text)
    if found:
        raise Invalid(f"contains the control character U+{ord(found.group()):04X}; remove it (in YAML it comes from an escape such as \\x01)")
    return text


def _text(value):
    if not isinstance(value, str) or not value.strip():
        raise Invalid("must be non-empty text")
    return check_printable(value.strip())


def _int_between(low: int, high: int) -> Callable:
    def check(value):
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise Invalid(f"must be a whole number from {low} to {high}")
        return value

    return check


def _one_of(choices) -> Callable:
    def check(value):
        if value not in choices:
            raise Invalid(f"must be one of: {', '.join(choices)}")
        return value

    return check


def _timezone(value):
    try:
        ZoneInfo(_text(value))
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise Invalid(f"{shown(value)} is not a known time zone; use an IANA name such as Europe/London or UTC") from None
    return value.strip()


def _base_url(value):
    if value in (None, ""):
        return ""
    url = check_http_url(value)
    if url is None:
        raise Invalid("must be an http:// or https:// address such as https://example.org/briefing/")
    return url if url.endswith("/") else url + "/"


def _regex_list(value):
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise Invalid("must be a list of regular expressions")
    for pattern in value:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise Invalid(f"'{pattern}' is not a valid regular expression ({exc})") from None
    return tuple(value)


def _outlets(value):
    if not isinstance(value, dict):
        raise Invalid("must map outlet names to settings, e.g. 'Daily Star: {drop_lines: [...]}'")
    rules = []
    for outlet, settings in sorted(value.items()):
        if not isinstance(settings, dict) or set(settings) - {"drop_lines", "keep_lines"}:
            raise Invalid(f"'{outlet}' may only set drop_lines and keep_lines")
        lines = {key: _regex_list(settings.get(key, [])) for key in ("drop_lines", "keep_lines")}
        rules.append(OutletRules(outlet, **lines))
    return tuple(rules)


_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(B|KB|MB|GB)?\s*$", re.IGNORECASE)
_UNITS = {None: 1, "b": 1, "kb": 1000, "mb": 1000**2, "gb": 1000**3}


def _size(value):
    match = _SIZE.match(str(value)) if not isinstance(value, bool) else None
    if not match:
        raise Invalid("must be a size such as 5MB, 500KB or a number of bytes")
    unit = match.group(2).lower() if match.group(2) else None
    size = int(float(match.group(1)) * _UNITS[unit])
    if not 1000 <= size <= 1000**3:
        raise Invalid("must be from 1KB to 1GB")
    return size


SCHEMA: dict[str, tuple[Callable, str]] = {
    "title": (_text, "the site's name, shown on every page"),
    "timezone": (_timezone, "IANA time zone that decides which day an article belongs to"),
    "language": (_one_of(tuple(LANGUAGES)), "default article language (ISO 639-1 code)"),
    "base_url": (_base_url, "public address of the site; enables sitemap.xml and absolute feed links"),
    "summarizer": (_one_of(SUMMARIZERS), "sumy algorithm that ranks sentences"),
    "summary_sentences": (_int_between(1, 50), "sentences per topic summary"),
    "summary_words": (_int_between(0, 5000), "if set, summaries stop at about this many words instead"),
    "quotes_per_topic": (_int_between(0, 20), "key quotes shown per topic"),
    "drop_lines": (_regex_list, "extra regular expressions for lines that are not the story"),
    "keep_lines": (_regex_list, "regular expressions for lines the built-in cleaning rules must keep"),
    "outlets": (_outlets, "per-outlet settings: {Outlet name: {drop_lines: [...], keep_lines: [...]}}"),
    "max_file_size": (_size, "largest article file accepted"),
    "feed_days": (_int_between(1, 1000), "newest days the Atom and JSON feeds carry, one entry each"),
}


def load_config(doc: YamlDoc | None, path: str):
    """Return (Config, problems) from a parsed `briefgen.yaml` (None: all defaults)."""
    if doc is None or doc.value is None:
        return Config(), []
    if not isinstance(doc.value, dict):
        return Config(), [error(path, "must be a mapping of settings such as 'title: My Briefing'", doc.line_of())]
    values, problems = {}, []
    for key, value in doc.value.items():
        if key not in SCHEMA:
            problems.append(warning(path, unknown_key_message(key, SCHEMA), doc.line_of(key)))
            continue
        try:
            values[key] = SCHEMA[key][0](value)
        except Invalid as exc:
            problems.append(error(path, f"{key}: {exc}", doc.line_of(key)))
    return Config(**values), problems


def did_you_mean(word, known) -> str:
    close = difflib.get_close_matches(str(word), [str(k) for k in known], n=1)
    if close:
        return f"did you mean '{close[0]}'?"
    return f"known: {', '.join(sorted(map(str, known)))}" if known else "none are defined"


def unknown_key_message(key, known) -> str:
    return f"unknown key {shown(key)} is ignored; {did_you_mean(key, known)}"
