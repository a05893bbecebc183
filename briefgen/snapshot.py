"""What the last build's inputs and site looked like, told by the files' stats, as git's index does.

A build whose inputs (briefgen.yaml, content/, the templates, the theme and briefgen's own
code) and site folder are just as the last build left them has nothing to do: checking that
takes one stat per file and reads nothing. The same stats let the read stage skip reading
the articles whose files did not change (`contents`).

A stat stands for a file's content only if the file was last changed well before the stat
was taken: a change made within the file system's timestamp granularity of that moment could
leave the same stat behind ("racy" files, in git's words). Such input files are read again;
such site files are compared with the digest of what the build wrote.
"""

import hashlib
import os
import pickle
import time
from dataclasses import dataclass, field
from pathlib import Path

NAME = "snapshot.pickle"
_FINE = 20_000_000  # ns: sub-second file times come from a clock that ticks at least every 10 ms
_COARSE = 2_000_000_000  # ns: whole-second times (FAT stores even seconds)

Signature = tuple  # (size, mtime_ns, ctime_ns, inode, device)


def signature(path) -> Signature | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev)


def trusted(stat: Signature | None, taken: int) -> bool:
    """Whether a file stat'ed at `taken` (ns) and unchanged since has the content it had then.

    The change time (ctime) is when the file was last written, whatever its mtime claims."""
    if stat is None:
        return False
    changed = stat[2]
    return changed < taken - (_COARSE if changed % 1_000_000_000 == 0 else _FINE)


def scan(files: list[Path], folders: list[Path]) -> dict[str, Signature | None]:
    """The signature of each of `files` and of every file under `folders`, by path. Names
    that start with a dot are skipped and links are followed, as the read stage does."""
    found = {str(path): signature(path) for path in files}
    for folder in folders:
        found[str(folder)] = signature(folder)
        seen = set()
        for current, dirs, names in os.walk(folder, followlinks=True):
            identity = signature(current)
            if identity is None or identity[3:] in seen:
                dirs[:] = []
                continue
            seen.add(identity[3:])
            dirs[:] = [name for name in dirs if not name.startswith(".")]
            for name in names:
                if not name.startswith("."):
                    path = os.path.join(current, name)
                    found[path] = signature(path)
    return found


def file_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class Snapshot:
    """The inputs as a build found them (`taken`: when) and the site as it left it (`written`)."""

    setup: tuple  # what the build was asked to do: folders, options, briefgen's code
    taken: int = 0
    inputs: dict = field(default_factory=dict)  # path -> signature
    contents: dict = field(default_factory=dict)  # article path -> (body signature, sidecar signature, content digest)
    written: int = 0
    site: dict = field(default_factory=dict)  # file in the site -> (signature, digest of its bytes if racy)
    report: dict = field(default_factory=dict)  # what the build said

    def content(self, shown: str, body: Signature | None, sidecar: Signature | None) -> str | None:
        """The digest of an article's files if their stats say they did not change."""
        known = self.contents.get(shown)
        if known is None or known[:2] != (body, sidecar) or not trusted(body, self.taken):
            return None
        return known[2] if sidecar is None or trusted(sidecar, self.taken) else None

    def unchanged(self, setup: tuple, inputs: dict, output: Path) -> bool:
        """Whether a build with `setup`, finding `inputs`, would leave `output` as it is."""
        return (
            setup == self.setup and bool(self.site) and inputs == self.inputs
            and all(trusted(stat, self.taken) for stat in inputs.values() if stat is not None)
            and all(self._same_file(output / name, *known) for name, known in self.site.items())
        )

    def _same_file(self, path: Path, stat: Signature, digest: str | None) -> bool:
        if signature(path) != stat:
            return False
        if trusted(stat, self.written):
            return True
        try:
            return digest is not None and file_digest(path.read_bytes()) == digest
        except OSError:
            return False

    def foreign(self, output: Path) -> int:
        """How many files in `output` the build did not make (CNAME, .well-known/...)."""
        return sum(1 for path in output.rglob("*") if not path.is_dir() and path.relative_to(output).as_posix() not in self.site)

    def record_site(self, output: Path, files: dict[str, bytes]) -> None:
        """The stats of the site's files, just written from `files` (relative path -> bytes)."""
        self.written = time.time_ns()
        for name, data in files.items():
            stat = signature(output / name)
            self.site[name] = (stat, None if trusted(stat, self.written) else file_digest(data))


def load(folder: Path | None) -> Snapshot | None:
    if folder is None:
        return None
    try:
        snapshot = pickle.loads((folder / NAME).read_bytes())
    except Exception:  # noqa: BLE001 - missing, damaged or from another version: no snapshot
        return None
    return snapshot if type(snapshot) is Snapshot else None


def save(folder: Path | None, snapshot: Snapshot) -> None:
    """Write the snapshot whole or not at all; a snapshot that cannot be written is no loss."""
    if folder is None:
        return
    temporary = folder / f".{NAME}.{os.getpid()}.tmp"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(pickle.dumps(snapshot, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(temporary, folder / NAME)
    except OSError:
        temporary.unlink(missing_ok=True)
