"""Read a project from disk: config, topics, articles and notes, validated, as a `Project`.

Only this module and `write` touch the file system. Every problem in every file is collected
before `InputError` is raised, so one run shows the editor everything to fix.
"""

import codecs
import errno
import os
import re
import stat
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .config import UNPRINTABLE, load_config
from .errors import InputError, error, raise_if_errors, warning
from .markup import markdown_blocks, render_markdown, text_blocks
from .keyquotes import pinned_quote
from .metadata import check_article_fields, check_topics, missing_pins
from .models import Article, Note, Project
from .urls import same_page_key
from .yamldoc import YamlDoc, YamlProblem, parse_yaml

BODY_SUFFIXES = (".md", ".txt")
SIDECAR_SUFFIXES = (".yaml", ".yml")
CONFIG_SIZE_LIMIT = 1_000_000
_NOTE_NAME = re.compile(r"^\d{4}-\d{2}-\d{2}\.md$")


@dataclass(frozen=True)
class Paths:
    """Where the project lives; `root` is what paths in messages are relative to."""

    root: Path
    config: Path
    content: Path

    def show(self, path: Path) -> str:
        text, root = str(path), str(self.root)
        if os.sep == "/" and text.startswith(root + "/") and ".." not in text:  # the common case, without Path methods
            return printable_name(text[len(root) + 1 :])
        try:
            shown = path.relative_to(self.root).as_posix()
        except ValueError:
            shown = path.as_posix()
        return printable_name(shown)


def printable_name(name: str) -> str:
    """A file name fit for a one-line message: undecodable bytes and control characters escaped."""
    if name.isprintable():
        return name
    name = os.fsencode(name).decode("utf-8", "backslashreplace")
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in name)


def read_project(paths: Paths, read_all=None, blocks=None) -> Project:
    """`read_all` stands in for `read_articles` (same arguments and results) and `blocks(article)`
    gives an article's body blocks, e.g. to reuse cached work (see build.py)."""
    problems = []
    try:
        config = _read_config(paths, problems)
        if not paths.content.is_dir():
            problems.append(error(paths.show(paths.content), "content folder not found; run briefgen in a project folder or pass --content DIR"))
            raise_if_errors(problems)
        topics = _read_topics(paths, config, problems)
        articles = _read_articles(paths, config, {t.id for t in topics}, problems, read_all or read_articles)
        problems += _missing_topic_pins(topics, articles, paths, blocks or (lambda article: article.blocks))
        notes = _read_notes(paths, config, problems)
    except OSError as exc:  # a folder that cannot even be looked into (permissions)
        where = paths.show(Path(exc.filename)) if exc.filename else paths.show(paths.content)
        raise InputError(problems + [error(where, f"cannot read: {exc.strerror or exc}; check its permissions")]) from None
    raise_if_errors(problems)
    return Project(config, topics, articles, notes, tuple(sorted(problems)))


def _missing_topic_pins(topics, articles, paths: Paths, blocks) -> list:
    shown = paths.show(paths.content / "topics.yaml")
    problems = []
    for topic in (t for t in topics if t.quote_controls.pin):
        members = [a for a in articles if a.topic == topic.id]
        found = lambda pin: any(pinned_quote(pin, blocks(a)) for a in members)  # noqa: E731
        problems += missing_pins(topic.quote_controls.pin, found, shown, f"any article of topic '{topic.id}'")
    return problems


def read_text(path: Path, shown: str, limit: int) -> tuple[str | None, list]:
    """A file's text as UTF-8 with '\\n' line ends, or the problem that prevents it."""
    too_big = f"above the limit of {limit:,} bytes; split it or raise max_file_size in briefgen.yaml"
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return None, [error(shown, "is not a regular file (a device, pipe or socket); remove it from content/")]
        if info.st_size > limit:
            return None, [error(shown, f"file is {info.st_size:,} bytes, {too_big}")]
        with open(path, "rb") as handle:
            data = handle.read(info.st_size + 1)  # not read(limit + 1): that allocates the whole limit each time
            if len(data) > info.st_size:  # it grew since stat()
                data += handle.read(limit + 1 - len(data))
    except OSError as exc:
        return None, [error(shown, _read_failure(path, exc))]
    if len(data) > limit:
        return None, [error(shown, f"file is {too_big}")]
    return decode_text(data, shown)


def _read_failure(path: Path, exc: OSError) -> str:
    if path.is_symlink() and exc.errno == errno.ENOENT:
        return f"is a symbolic link to {printable_name(os.readlink(path))}, which does not exist; fix or remove the link"
    if exc.errno == errno.ELOOP:
        return "is a symbolic link that leads back to itself (a loop); fix or remove the link"
    return f"cannot read file: {exc.strerror or exc}; check that it exists and is readable"


def decode_text(data: bytes, shown: str) -> tuple[str | None, list]:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _looks_utf16(data):
        return None, [error(shown, "is saved as UTF-16; re-save it as UTF-8 (in your editor: Save As, encoding UTF-8)")]
    if b"\x00" in data:
        return None, [error(shown, "looks like a binary file (it contains NUL bytes); articles must be UTF-8 text")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, [error(shown, _not_utf8(data, exc.start), line)]
    text = UNPRINTABLE.sub(_control_character, text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        return None, [error(shown, "file is empty")]
    return text, []


def _looks_utf16(data: bytes) -> bool:
    """Text saved as UTF-16 without a byte order mark: every other byte of ASCII text is NUL."""
    sample = data[:1000]
    if len(sample) < 4:
        return False
    nul_shares = sorted(half.count(0) / len(half) for half in (sample[0::2], sample[1::2]))
    return nul_shares[0] < 0.1 and nul_shares[1] > 0.9


def _not_utf8(data: bytes, start: int) -> str:
    try:
        data.decode("cp1252")
        guess, codec = "Windows-1252 (Western European)", "windows-1252"
    except UnicodeDecodeError:
        guess, codec = "Latin-1", "latin-1"
    return (f"is not valid UTF-8 (byte 0x{data[start]:02X}); it looks like {guess}: re-save it as UTF-8 "
            f"(in your editor: Save As, encoding UTF-8; or iconv -f {codec} -t utf-8)")


def _control_character(match) -> str:
    """Control characters copied with web text are invisible junk; a form feed separates words."""
    return " " if match.group() in "\x0b\x0c" else ""


def load_yaml(text: str, shown: str, first_line: int = 1) -> tuple[YamlDoc | None, list]:
    try:
        return parse_yaml(text, first_line), []
    except YamlProblem as exc:
        return None, [error(shown, exc.message, exc.line)]


def _read_config(paths: Paths, problems: list):
    shown = paths.show(paths.config)
    if not paths.config.exists():
        return load_config(None, shown)[0]
    text, found = read_text(paths.config, shown, CONFIG_SIZE_LIMIT)
    doc, yaml_problems = load_yaml(text, shown) if text else (None, [])
    config, config_problems = load_config(doc, shown)
    problems += found + yaml_problems + config_problems
    return config


def _read_topics(paths: Paths, config, problems: list):
    path = paths.content / "topics.yaml"
    if not path.exists():
        return ()
    shown = paths.show(path)
    text, found = read_text(path, shown, config.max_file_size)
    doc, yaml_problems = load_yaml(text, shown) if text else (None, [])
    problems += found + yaml_problems
    if doc is None:
        return ()
    topics, topic_problems = check_topics(doc, shown, render_markdown)
    problems += topic_problems
    return topics


def _read_articles(paths: Paths, config, topic_ids: set, problems: list, read_all) -> tuple[Article, ...]:
    folder = paths.content / "articles"
    files = _walk(folder, paths, problems)
    articles, urls = [], {}
    for article, found in read_all(list(_pair_files(files, paths, problems)), paths, config, topic_ids):
        problems += found
        if article is None:
            continue
        key = same_page_key(article.url)
        if key in urls:
            problems.append(error(article.path, f"url: {article.url} is also the URL of {urls[key]}; each article needs its own URL"))
            continue
        urls[key] = article.path
        articles.append(article)
    if not files and not any(p.is_error for p in problems):
        problems.append(error(paths.show(folder), "no articles found; add .md or .txt files with YAML metadata"))
    return tuple(articles)


def _walk(folder: Path, paths: Paths, problems: list) -> list[Path]:
    """Every file under `folder`, sorted, following links to folders but never in a loop.

    Iterative, so folders nested thousands deep are no problem; hidden names are skipped."""
    found, seen, pending = [], set(), [folder]
    while pending:
        here = pending.pop()
        identity = _identity(here)
        if identity in seen:
            problems.append(warning(paths.show(here), "skipped: a link back to a folder already read (a symlink loop)"))
            continue
        seen.add(identity)
        try:
            with os.scandir(here) as scan:
                entries = sorted((e for e in scan if not e.name.startswith(".")), key=lambda e: e.name, reverse=True)
        except OSError as exc:
            problems.append(error(paths.show(here), f"cannot read folder: {exc.strerror or exc}; check its permissions"))
            continue
        for entry in entries:  # folders pushed last-first, so they are read first-first
            (pending if _is_folder(entry) else found).append(Path(entry.path))
    return sorted(found)


def _is_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _identity(path: Path):
    try:
        stat = path.stat()
        return (stat.st_dev, stat.st_ino)
    except OSError:
        return path


def _pair_files(files: list[Path], paths: Paths, problems: list):
    """(body, sidecar or None) for each article; report strays."""
    by_stem: dict[str, list] = {}
    for path in files:  # strings, not Path methods: 10,000 articles are paired in every build
        stem, suffix = os.path.splitext(str(path))
        by_stem.setdefault(stem, []).append((path, suffix.lower()))
    for key in sorted(by_stem, key=lambda stem: stem.split(os.sep)):  # the order of the stems as Paths
        group, name = by_stem[key], os.path.basename(key)
        bodies = [path for path, suffix in group if suffix in BODY_SUFFIXES]
        sidecars = [path for path, suffix in group if suffix in SIDECAR_SUFFIXES]
        for other in sorted(path for path, suffix in group if suffix not in BODY_SUFFIXES and suffix not in SIDECAR_SUFFIXES):
            problems.append(warning(paths.show(other), "ignored: articles are .md or .txt files (metadata in .yaml)"))
        if len(sidecars) > 1 or (sidecars and len(bodies) > 1):
            problems.append(error(paths.show(group[0][0]), f"{len(group)} files share the name '{name}'; a .yaml sidecar must match exactly one .md or .txt"))
            continue
        if sidecars and not bodies:
            problems.append(error(paths.show(sidecars[0]), f"no article beside this metadata; add {name}.md or {name}.txt"))
            continue
        for body in bodies:
            yield body, sidecars[0] if sidecars else None


def read_articles(pairs: list, paths: Paths, config, topic_ids):
    """(article or None, problems) for each (body file, sidecar file or None), in order."""
    for body_path, sidecar_path in pairs:
        problems = []
        yield _read_article(body_path, sidecar_path, paths, config, topic_ids, problems), problems


def _read_article(body_path: Path, sidecar_path, paths: Paths, config, topic_ids, problems: list):
    source, found = read_source(body_path, sidecar_path, paths, config.max_file_size)
    problems += found
    if source is None:
        return None
    article, found = parse_article(*source, config, topic_ids)
    problems += found
    return article


def read_source(body_path: Path, sidecar_path, paths: Paths, limit: int) -> tuple[tuple | None, list]:
    """(shown path, text, sidecar) for `parse_article`, sidecar being (its text, its shown path)
    or None; or None and the problems that prevent it."""
    shown = paths.show(body_path)
    text, problems = read_text(body_path, shown, limit)
    if text is None:
        return None, problems
    sidecar = None
    if sidecar_path is not None:
        sidecar_shown = paths.show(sidecar_path)
        sidecar_text, found = read_text(sidecar_path, sidecar_shown, limit)
        problems += found
        if sidecar_text is None:
            return None, problems
        sidecar = (sidecar_text, sidecar_shown)
    return (shown, text, sidecar), problems


def parse_article(shown: str, text: str, sidecar, config, topic_ids) -> tuple[Article | None, list]:
    """An Article from a body file's text and an optional (sidecar text, sidecar path)."""
    front, body, body_line, problems = split_front_matter(text, shown)
    if problems:
        return None, problems
    if front is not None and sidecar is not None:
        return None, [error(shown, f"metadata is both in front matter and in {sidecar[1]}; keep one")]
    if front is None and sidecar is None:
        return None, [error(shown, "no metadata; add YAML front matter between '---' lines at the top, or a .yaml file of the same name")]
    meta_text, meta_path, meta_line = (front, shown, 2) if front is not None else (sidecar[0], sidecar[1], 1)
    doc, problems = load_yaml(meta_text, meta_path, meta_line)
    if doc is None:
        return None, problems
    fields, problems = check_article_fields(doc, meta_path, config, topic_ids, shown)
    to_blocks = markdown_blocks if shown.lower().endswith(".md") else text_blocks
    blocks = to_blocks(body, body_line, fields.get("language", config.language))
    if not blocks:
        problems.append(error(shown, "the article has no text; paste the article body below its metadata"))
    controls = fields.get("quote_controls")
    if controls and blocks:
        problems += missing_pins(controls.pin, lambda pin: pinned_quote(pin, blocks), meta_path, "the article")
    if any(p.is_error for p in problems):
        return None, problems
    return Article(blocks=blocks, **fields), problems


def split_front_matter(text: str, shown: str):
    """(front matter or None, body, first body line, problems)."""
    lines = text.split("\n")
    if lines[0].strip() != "---":
        return None, text, 1, []
    for number, line in enumerate(lines[1:], 2):
        if line.strip() in ("---", "..."):
            return "\n".join(lines[1 : number - 1]), "\n".join(lines[number:]), number + 1, []
    return None, "", 1, [error(shown, "front matter opened with '---' is never closed; add a line '---' after the metadata", 1)]


def _read_notes(paths: Paths, config, problems: list) -> tuple[Note, ...]:
    folder = paths.content / "notes"
    if not folder.is_dir():
        return ()
    notes = []
    for path in _walk(folder, paths, problems):
        shown = paths.show(path)
        if not _NOTE_NAME.match(path.name) or path.parent != folder:
            problems.append(warning(shown, "ignored: editor's notes are content/notes/YYYY-MM-DD.md"))
            continue
        try:
            day = date.fromisoformat(path.stem)
        except ValueError:
            problems.append(error(shown, f"'{path.stem}' is not a real date; name notes YYYY-MM-DD.md"))
            continue
        text, found = read_text(path, shown, config.max_file_size)
        problems += found
        if text is not None:
            notes.append(Note(day, render_markdown(text)))
    return tuple(notes)


def read_one_article(paths: Paths, body_path: Path) -> tuple[Article, object]:
    """One article file with the project's config and topics, for `briefgen inspect`."""
    problems = []
    config = _read_config(paths, problems)
    topics = _read_topics(paths, config, problems) if paths.content.is_dir() else ()
    if body_path.suffix.lower() in SIDECAR_SUFFIXES:
        body_path = next((body_path.with_suffix(s) for s in BODY_SUFFIXES if body_path.with_suffix(s).exists()), body_path)
    sidecar = next((body_path.with_suffix(s) for s in SIDECAR_SUFFIXES if body_path.with_suffix(s).exists()), None)
    article = _read_article(body_path, sidecar, paths, config, {t.id for t in topics}, problems)
    raise_if_errors(problems)
    return article, config
