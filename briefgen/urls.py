"""Addresses: only well-formed http(s) URLs enter the site; text fragments point at quoted words."""

import re
from functools import lru_cache
from urllib.parse import urlsplit

_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_HOST = re.compile(rf"^(?:{_LABEL}\.)*{_LABEL}$|^[0-9a-f:.]+$")
_FORBIDDEN = re.compile(r"[\s<>\"'`\\^{}|\x00-\x1f\x7f]")


def check_http_url(value) -> str | None:
    """The URL if it is a well-formed absolute http(s) address, else None."""
    if not isinstance(value, str):
        return None
    url = value.strip()
    if not url or _FORBIDDEN.search(url) or len(url) > 2000:
        return None
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname or "@" in parts.netloc:
        return None  # a user name before '@' can make a link look as if it went elsewhere
    host = _ascii_host(parts.hostname)
    return url if host and _HOST.match(host) else None


def same_page_key(url: str) -> str:
    """What two spellings of one article's address share: scheme and host in lower case, no
    default port, no '#fragment'."""
    plain = _PLAIN_URL.match(url)
    if plain:  # most addresses: no port, user, odd characters; the same key without urlsplit
        scheme, host, rest = plain.groups()
        path, _, query = rest.split("#", 1)[0].partition("?")
        return f"{scheme.lower()}://{host.lower()}{path or '/'}" + (f"?{query}" if query else "")
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    port = parts.port if parts.port not in (None, {"http": 80, "https": 443}[scheme]) else None
    host = parts.hostname + (f":{port}" if port else "")
    return f"{scheme}://{host}{parts.path or '/'}" + (f"?{parts.query}" if parts.query else "")


_PLAIN_URL = re.compile(r"(https?)://([A-Za-z0-9.-]+)((?:[/?#][!-~]*)?)$")


def _ascii_host(hostname: str) -> str | None:
    try:
        return hostname.encode("idna").decode("ascii")
    except UnicodeError:
        return None


@lru_cache(maxsize=65536)  # a citation is shown on its day, its topic's page and in the feeds
def text_fragment_url(url: str, words: str, max_words: int = 6) -> str:
    """`url#:~:text=...` so supporting browsers scroll to the quoted words.

    Long passages use the `start,end` form with a few words from each end.
    """
    tokens = words.split()
    if not tokens:
        return url
    if len(tokens) <= max_words:
        directive = _encode(" ".join(tokens))
    else:
        half = max_words // 2
        directive = _encode(" ".join(tokens[:half])) + "," + _encode(" ".join(tokens[-half:]))
    separator = ":~:" if "#" in url else "#:~:"
    return f"{url}{separator}text={directive}"


def _encode(text: str) -> str:
    """`quote(text, safe="")` with '-' encoded too ('-', ',' and '&' are syntax inside a text
    directive; quote() leaves '-' alone), a few times faster: only the characters to encode
    go through Python."""
    return _TO_ENCODE.sub(_percent, text)


_TO_ENCODE = re.compile(r"[^A-Za-z0-9_.~]")


def _percent(match: re.Match) -> str:
    return _percent_encoded(match.group())


@lru_cache(maxsize=4096)
def _percent_encoded(character: str) -> str:
    return "".join(f"%{byte:02X}" for byte in character.encode("utf-8"))
