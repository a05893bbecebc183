"""Pelican rendering the benchmark corpus as plain articles, timed beside briefgen's cold build.

    python -m bench.pelican_compare --articles 10000

Pelican is not a briefgen dependency: it is installed into its own virtual environment
(`--venv`, default /tmp/briefgen-bench/pelican-venv) the first time. The corpus is the one
bench/run.py uses; each article becomes a Pelican Markdown article (its title, date, outlet
as author, topic as category, tags, body), rendered with Pelican's default theme, no cache.
Both tools run as whole processes, cold, with the same number of cores.
"""

import argparse
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

from .run import environment, prepare

SETTINGS = """\
AUTHOR = "bench"
SITENAME = "Pelican benchmark"
SITEURL = ""
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
DEFAULT_PAGINATION = 10
LOAD_CONTENT_CACHE = False
CACHE_CONTENT = False
RELATIVE_URLS = True
"""
_FRONT = re.compile(r"^---\n(.*?)\n---\n", re.DOTALL)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--days", type=int, default=60)
    parser.add_argument("--work", type=Path, default=Path("/tmp/briefgen-bench"))
    parser.add_argument("--venv", type=Path, default=Path("/tmp/briefgen-bench/pelican-venv"))
    args = parser.parse_args()
    pelican = install_pelican(args.venv)
    project = prepare(args.work, args.articles, args.days)
    site = pelican_project(project, args.work / f"pelican-{args.articles}")
    pelican_seconds = timed([str(pelican), "content", "-o", "output", "-s", "pelicanconf.py", "-q"], site)
    briefgen_seconds = timed([sys.executable, "-m", "briefgen", "build", "-q"], project)
    pages = sum(1 for _ in (site / "output").rglob("*.html"))
    print(f"{args.articles:,} articles, cold, whole processes:")
    print(f"  Pelican  {pelican_seconds:7.2f} s  ({pages:,} HTML pages: one per article plus indexes)")
    print(f"  briefgen {briefgen_seconds:7.2f} s  (summaries and quotes for every topic and day)")


def install_pelican(venv: Path) -> Path:
    pelican = venv / "bin" / "pelican"
    if not pelican.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "pelican[markdown]"], check=True)
    return pelican


def pelican_project(project: Path, site: Path) -> Path:
    """The corpus as a Pelican project: Markdown with Pelican's metadata lines."""
    shutil.rmtree(site, ignore_errors=True)
    (site / "content").mkdir(parents=True)
    (site / "pelicanconf.py").write_text(SETTINGS)
    for body_path in sorted((project / "content" / "articles").rglob("*")):
        if body_path.suffix not in (".md", ".txt"):
            continue
        text = body_path.read_text()
        front = _FRONT.match(text)
        meta = front.group(1) if front else body_path.with_suffix(".yaml").read_text()
        body = text[front.end():] if front else text
        fields = dict(line.split(": ", 1) for line in meta.splitlines() if ": " in line)
        lines = [
            f"Title: {fields['title'].strip(chr(34))}",
            f"Date: {fields['published'][:16].replace('T', ' ')}",
            f"Author: {fields['outlet'].strip(chr(34))}",
            f"Category: {fields.get('topic', 'other')}",
            f"Tags: {fields.get('tags', '').strip('[]')}",
            f"Slug: {body_path.stem}",
        ]
        (site / "content" / f"{body_path.stem}.md").write_text("\n".join(lines) + "\n\n" + body)
    return site


def timed(command: list[str], cwd: Path) -> float:
    shutil.rmtree(cwd / "output", ignore_errors=True)
    shutil.rmtree(cwd / ".briefgen-cache", ignore_errors=True)
    shutil.rmtree(cwd / "site", ignore_errors=True)
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL, env=environment())
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
