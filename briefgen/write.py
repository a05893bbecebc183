"""Write the rendered site so that `site/` is always a complete old or a complete new site.

The new site is assembled in a folder beside the output, then swapped in with one atomic
exchange (renameat2 RENAME_EXCHANGE on Linux). Unchanged files are hard links to the old
ones, so their mtime stays; files briefgen did not create (CNAME, verification files) are
carried over; pages that no longer exist are simply not in the new tree. A lock keeps two
builds from writing at once.
"""

import ctypes
import errno
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .errors import BriefgenError

MANIFEST = ".briefgen-manifest"
_STAGING = ".{}.new-"
_BACKUP = ".{}.old-"


@dataclass(frozen=True)
class WriteResult:
    written: int
    unchanged: int
    removed: int
    kept: int


def write_site(files: dict[str, bytes], output: Path) -> WriteResult:
    output = _real_folder(Path(os.path.abspath(output)))
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        with _lock(output):
            _recover(output)
            previous = _read_manifest(output)
            if _up_to_date(files, output):
                return WriteResult(0, len(files), 0, _count_foreign(output, previous))
            staging = Path(tempfile.mkdtemp(prefix=_STAGING.format(output.name), dir=output.parent))
            try:
                written, unchanged = _stage(files, output, staging)
                kept = _keep_foreign_files(output, staging, previous, files)
                _write_file(staging / MANIFEST, manifest(files))
                _swap(staging, output)
            finally:
                _remove(staging)
    except OSError as exc:
        raise BriefgenError(_write_failure(exc, output)) from None
    removed = len(previous - set(files) - {MANIFEST}) if previous is not None else 0
    return WriteResult(written, unchanged, removed, kept)


def _real_folder(output: Path) -> Path:
    """The folder to replace: a link to a folder is followed, so the link itself stays."""
    if output.is_symlink():
        output = output.resolve()
    if output.exists() and not output.is_dir():
        raise BriefgenError(f"{output} is a file, not a folder; choose another --output")
    return output


def _write_failure(exc: OSError, output: Path) -> str:
    where = exc.filename or output
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        what = f"the disk is full (writing {where}); free some space and build again"
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        what = f"permission denied for {where}; check that you can write to {output.parent}"
    else:
        what = f"{exc.strerror or exc} ({where})"
    return f"could not write the site: {what}. {output.name}/ was left as it was"


def site_path(root: Path, relative: str) -> Path:
    """`root / relative`, refusing anything that would land outside `root`."""
    parts = PurePosixPath(relative).parts
    if not parts or PurePosixPath(relative).is_absolute() or any(p in ("", ".", "..") or "\\" in p or "\x00" in p for p in parts):
        raise ValueError(f"unsafe output path {relative!r}")
    return root.joinpath(*parts)


def _stage(files: dict[str, bytes], output: Path, staging: Path) -> tuple[int, int]:
    written = unchanged = 0
    for relative, data in sorted(files.items()):
        target = site_path(staging, relative)
        target.parent.mkdir(parents=True, exist_ok=True)
        old = site_path(output, relative)
        if _same_content(old, data):
            _link_or_copy(old, target)
            unchanged += 1
        else:
            _write_file(target, data)
            written += 1
    return written, unchanged


def _up_to_date(files: dict[str, bytes], output: Path) -> bool:
    """True if `output` already holds exactly these files (and no leftovers of older builds)."""
    return _same_content(output / MANIFEST, manifest(files)) and all(
        _same_content(site_path(output, relative), data) for relative, data in files.items()
    )


def _count_foreign(output: Path, made) -> int:
    return sum(1 for path in _entries(output) if path.relative_to(output).as_posix() not in made)


def _entries(root: Path) -> list[Path]:
    """Every file and link under `root`, sorted; links to folders are not followed. Iterative,
    so a folder nested thousands deep is no problem."""
    found, pending = [], [root]
    while pending:
        with os.scandir(pending.pop()) as scan:
            for entry in scan:
                (pending if entry.is_dir(follow_symlinks=False) else found).append(Path(entry.path))
    return sorted(found)


def _same_content(path: Path, data: bytes) -> bool:
    try:
        return path.is_file() and not path.is_symlink() and path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _write_file(path: Path, data: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(data)


def _keep_foreign_files(output: Path, staging: Path, previous, files) -> int:
    """Carry over files in the old site that briefgen did not make (CNAME, .well-known/...)."""
    if not output.is_dir():
        return 0
    if previous is None and _looks_foreign(output):
        raise BriefgenError(
            f"{output} is not empty and was not made by briefgen; "
            "choose an empty or new folder with --output, or empty this one"
        )
    made = (previous or set()) | set(files) | {MANIFEST}
    kept = 0
    for path in _entries(output):
        relative = path.relative_to(output).as_posix()
        if relative in made:
            continue
        target = staging / relative
        _make_folders(staging, target.parent)
        if path.is_symlink():
            os.symlink(os.readlink(path), target)
        else:
            _link_or_copy(path, target)
        kept += 1
    return kept


def _make_folders(root: Path, folder: Path) -> None:
    """`mkdir -p` one level at a time (pathlib's recurses), for folders of any depth."""
    for part in folder.relative_to(root).parts:
        root = root / part
        if not root.is_dir():
            os.mkdir(root)


def _looks_foreign(output: Path) -> bool:
    """A folder without a manifest may hold host files at its top level, nothing more."""
    return any(entry.is_dir() and entry.name != ".well-known" for entry in output.iterdir())


def _read_manifest(output: Path):
    try:
        return set((output / MANIFEST).read_text("utf-8").splitlines())
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError):
        return set()


def manifest(files: dict[str, bytes]) -> bytes:
    """The names of the files briefgen made, kept in the site as MANIFEST."""
    return ("\n".join(sorted(set(files) | {MANIFEST})) + "\n").encode("utf-8")


def _swap(staging: Path, output: Path) -> None:
    """Put `staging` at `output`; afterwards `staging` holds the old site (or nothing)."""
    if not output.exists():
        os.rename(staging, output)
        return
    if _exchange(staging, output):
        return
    backup = output.with_name(_BACKUP.format(output.name) + str(os.getpid()))
    os.rename(output, backup)
    try:
        os.rename(staging, output)
    except OSError:
        os.rename(backup, output)
        raise
    os.rename(backup, staging)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux renameat2); False where the system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _recover(output: Path) -> None:
    """Finish or undo what a killed build left beside the output."""
    for leftover in sorted(output.parent.glob(_BACKUP.format(output.name) + "*")):
        if not output.exists():
            os.rename(leftover, output)
        else:
            _remove(leftover)
    for leftover in output.parent.glob(_STAGING.format(output.name) + "*"):
        _remove(leftover)


def _remove(path: Path) -> None:
    """Delete a file, a link or a whole folder, at any depth (shutil.rmtree recurses); what
    cannot be deleted stays, for the next build to try again."""
    folders, pending = [], [path] if path.is_dir() and not path.is_symlink() else []
    if not pending:
        _unlink(path)
    while pending:
        folders.append(pending.pop())
        try:
            with os.scandir(folders[-1]) as scan:
                for entry in scan:
                    if entry.is_dir(follow_symlinks=False):
                        pending.append(Path(entry.path))
                    else:
                        _unlink(entry.path)
        except OSError:
            pass
    for folder in reversed(folders):
        try:
            os.rmdir(folder)
        except OSError:
            pass


def _unlink(path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


class _lock:
    """An exclusive, non-blocking lock beside the output; a second build gets a clear error."""

    def __init__(self, output: Path):
        self.path = output.with_name(f".{output.name}.lock")
        self.handle = None

    def __enter__(self):
        try:
            import fcntl
        except ImportError:  # not on POSIX: no lock
            return self
        self.handle = open(self.path, "a+b")
        try:
            fcntl.flock(self.handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self.handle.close()
            raise BriefgenError(
                f"another briefgen build is writing to {self.path.parent / self.path.name[1:-5]}; "
                "wait for it to finish and run again"
            ) from None
        return self

    def __exit__(self, *exc):
        if self.handle:
            self.handle.close()
