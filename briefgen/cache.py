"""The build cache: the results of earlier work, reused when nothing they depend on changed.

Every entry is keyed by a digest of all that decides it: the input's content, the config, the
topic, briefgen's own code (version and source) and, for pages, the templates. Never paths on
this machine, never modification times. A missing, stale or unreadable entry is a miss and the
work is simply done again, so the cache can make a build faster but never different. It lives
in `.briefgen-cache/` in the project folder; deleting it (`briefgen clean`) is always safe.

Layout: `read/` and `topics/` are packs, which every build needs whole: each is 16 files,
one per first hex digit of the keys, so a build that changes a few entries rewrites a few
files. Per-article analyses and rendered pages are one file per entry under `analysis/` and
`pages/`, because a build needs only some of them. Records that point to an
article store its path, not a copy, and are joined to the article read in this build.
"""

import copyreg
import hashlib
import io
import os
import pickle
import shutil
from dataclasses import fields, is_dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from types import FunctionType

from . import __version__
from .models import Article

CACHE_DIR = ".briefgen-cache"
_FORMAT = "briefgen-cache-1"
_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# briefgen's build cache; safe to delete (briefgen clean).\n"


def digest(*parts) -> str:
    """A stable hex digest of strings and bytes, each length-prefixed so parts cannot run together."""
    hasher = hashlib.sha256()
    for part in parts:
        data = part if isinstance(part, bytes) else str(part).encode("utf-8", "surrogatepass")
        hasher.update(len(data).to_bytes(8, "little"))
        hasher.update(data)
    return hasher.hexdigest()


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """briefgen's version and the text of its modules: a code change invalidates every entry."""
    package = Path(__file__).parent
    return digest(_FORMAT, __version__, *(p.read_bytes() for p in sorted(package.glob("*.py"))))


class Store:
    """Cache entries under `folder`; with folder None (`--no-cache`) every lookup misses.

    A read-only store (for `briefgen check`, which writes nothing) reuses entries but adds none.
    """

    def __init__(self, folder: Path | None, writable: bool = True):
        self.folder = folder
        self.writable = writable

    def load_pack(self, name: str, articles: dict[str, Article]) -> dict:
        """A pack's entries, their article references joined to `articles`; a damaged shard's are missing."""
        pack = {}
        if self.folder is not None:
            for shard in _SHARDS:
                try:
                    stored = (self.folder / name / f"{shard}.pickle").read_bytes()
                except OSError:
                    continue
                check, data = stored[:_CHECK], stored[_CHECK:]
                pack.update((decode(data, articles, dict) if check == _checksum(data) else None) or {})
        return pack

    def save_pack(self, name: str, pack: dict, references: bool = True, stored=()) -> None:
        """Store a pack; with references=False its articles are stored whole, not by path.

        `stored` are the keys loaded from the pack: shards whose keys are the same are not
        written again (a key decides its entry)."""
        if self.folder is None:
            return
        shards = {shard: {} for shard in _SHARDS}
        for key, value in pack.items():
            shards[key[0]][key] = value
        for shard, entries in shards.items():
            if entries.keys() != {key for key in stored if key[0] == shard}:
                data = encode(entries, references)
                self._write(self.folder / name / f"{shard}.pickle", _checksum(data) + data)

    def remove(self, kind: str, keys) -> None:
        """Delete these entries of `kind`."""
        if self.folder is not None and self.writable:
            for key in keys:
                _remove(self._entry(kind, key))

    def get(self, kind: str, key: str) -> bytes | None:
        """The entry's bytes, or None if it is missing or fails its checksum."""
        if self.folder is None:
            return None
        try:
            stored = self._entry(kind, key).read_bytes()
        except OSError:
            return None
        check, data = stored[:_CHECK], stored[_CHECK:]
        return data if check == _checksum(data) else None

    def put(self, kind: str, key: str, data: bytes) -> None:
        if self.folder is not None:
            self._write(self._entry(kind, key), _checksum(data) + data)

    def keeper(self, kind: str, used: set[str]) -> tuple:
        """(load(name), save(name, data)): entries of `kind` by a name, keyed by it and briefgen's
        code; the keys they use are added to `used`."""

        def key(name: str) -> str:
            used.add(digest(code_fingerprint(), name))
            return digest(code_fingerprint(), name)

        return (lambda name: self.get(kind, key(name)), lambda name, data: self.put(kind, key(name), data))

    def sweep(self, kind: str, live: set[str]) -> None:
        """Delete the entries of `kind` whose key is not in `live`."""
        if self.folder is None or not self.writable or not (self.folder / kind).is_dir():
            return
        for shard in os.scandir(self.folder / kind):
            for entry in os.scandir(shard.path):
                if entry.name not in live:
                    _remove(entry.path)

    def clear(self) -> bool:
        """Delete the whole cache; False if there was none."""
        if self.folder is None or not self.folder.exists():
            return False
        shutil.rmtree(self.folder)
        return True

    def _entry(self, kind: str, key: str) -> Path:
        return self.folder / kind / key[:2] / key

    def _write(self, path: Path, data: bytes) -> None:
        """Write whole or not at all (a temporary file renamed into place); failures are ignored."""
        if not self.writable:
            return
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            if not (self.folder / "CACHEDIR.TAG").exists():
                self.folder.mkdir(parents=True, exist_ok=True)
                (self.folder / "CACHEDIR.TAG").write_text(_TAG)
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_bytes(data)
            os.replace(temporary, path)
        except OSError:
            _remove(temporary)  # a cache that cannot be written only makes the next build slower


_CHECK = 16
_SHARDS = "0123456789abcdef"  # pack keys are hex digests


def _checksum(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()[:_CHECK]


def _remove(path) -> None:
    try:
        os.remove(path)
    except OSError:
        pass


def encode(value, references: bool = True) -> bytes:
    """Pickle a record, storing each Article it holds as a reference (its path).

    The reference is made by the pickler's dispatch table, so pickle's C code handles every
    other object without calling back into Python."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    if references:
        pickler.dispatch_table = {**copyreg.dispatch_table, Article: _reference}
    pickler.dump(value)
    return buffer.getvalue()


def _reference(article: Article):
    return _referenced_article, (article.path,)


def _referenced_article(path: str):
    """What a reference stands for in stored data: `decode` puts the build's article there."""
    raise pickle.UnpicklingError(f"a reference to {path} read without the articles it refers to")


def decode(data: bytes | None, articles: dict[str, Article], expected: type):
    """The record in `data` with its article references joined to `articles`; None if unusable.

    A reference to an article that is not in `articles` becomes None; keys make sure no such
    record is ever used (an entry's key includes the content of every article it holds)."""
    if data is None:
        return None
    try:
        value = _Unpickler(data, articles).load()
    except Exception:  # noqa: BLE001 - damaged, from another version, or names a missing article
        return None
    return value if type(value) is expected else None


class _Unpickler(pickle.Unpickler):
    def __init__(self, data: bytes, articles: dict[str, Article]):
        super().__init__(io.BytesIO(data))
        self.articles = articles

    def find_class(self, module: str, name: str):
        if (module, name) == (__name__, _referenced_article.__name__):
            return self.articles.get
        return super().find_class(module, name)


class Fingerprints:
    """Digests of the values a page is rendered from, each computed once per build.

    Records whose digest is already known (an article: its read key; a topic's briefing: its
    unit key) are given with `known` and not walked again.
    """

    def __init__(self):
        self.memo: dict[int, tuple[str, object]] = {}

    def know(self, value, key: str) -> None:
        self.memo[id(value)] = (key, value)  # holding the value keeps its id unique

    def of(self, value) -> str:
        known = self.memo.get(id(value))
        if known is not None:
            return known[0]
        if is_dataclass(value):
            parts = [type(value).__qualname__] + [self.of(getattr(value, f.name)) for f in fields(value)]
        elif isinstance(value, (tuple, list)):
            parts = [type(value).__name__] + [self.of(item) for item in value]
        elif isinstance(value, dict):
            parts = ["dict"] + [self.of(item) for pair in sorted(value.items(), key=lambda kv: repr(kv[0])) for item in pair]
        elif isinstance(value, (set, frozenset)):
            parts = ["set"] + sorted(self.of(item) for item in value)
        elif value is None or isinstance(value, (str, int, float, date)):
            parts = [type(value).__name__, repr(value)]
        elif isinstance(value, FunctionType):  # by name: the code is in the key of everything cached
            parts = ["function", value.__module__, value.__qualname__]
        else:  # unknown kinds: repr may change between runs, which costs a miss but never a wrong page
            parts = [type(value).__qualname__, repr(value)]
        key = digest(*parts)
        self.know(value, key)
        return key
