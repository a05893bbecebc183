"""Time whole `briefgen build` processes on the benchmark corpus, the way an editor runs them.

    python -m bench.run                       # N = 1,000 and 10,000 articles over 60 days
    python -m bench.run --articles 1000 --jobs 1
    python -m bench.run --articles 10000 --repeat 5   # the median of 5 runs of each change

For each N: a fresh copy of the corpus (bench/corpus.py, same bytes every run), then, one
after another on that copy: a cold build (no cache, no site), a no-op rebuild, a rebuild after
one article is added, after one article is edited, and after one topic is renamed. Each is a
separate process; the table gives its wall time and peak memory: the largest proportional
set size (PSS, so pages that forked workers share are counted once) of the whole process tree,
sampled every 50 ms, and the largest single process's resident set (RSS). Builds run with
Python's bytecode cache on, as in a normal installation (PYTHONDONTWRITEBYTECODE is dropped).
"""

import argparse
import itertools
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from .corpus import add_article, make_corpus

CASES = ("cold build", "no-op rebuild", "one article added", "one article edited", "one topic renamed")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--days", type=int, default=60)
    parser.add_argument("--jobs", type=int, default=0, help="passed to briefgen build --jobs (0: all cores)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/briefgen-bench"), help="scratch folder")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each case after the cold build; the median is shown")
    args = parser.parse_args()
    print(f"briefgen build, whole processes; {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start")
    print(f"{'articles':>8}  {'case':<20} {'wall s':>7} {'peak PSS MB':>11} {'max RSS MB':>10}  what changed")
    for articles in args.articles:
        project = prepare(args.work, articles, args.days)
        for case, change in zip(CASES, changes(project, articles, args.days)):
            runs = [(change(), *timed_build(project, args.jobs)) for _ in range(1 if case == "cold build" else args.repeat)]
            what, _, _, _, output = runs[-1]
            seconds = statistics.median(run[1] for run in runs)
            spread = f" (runs: {', '.join(f'{run[1]:.2f}' for run in runs)})" if len(runs) > 1 else ""
            pss, rss = max(run[2] for run in runs), max(run[3] for run in runs)
            print(f"{articles:>8,}  {case:<20} {seconds:>7.2f} {pss:>11.0f} {rss:>10.0f}  {what}; {output}{spread}", flush=True)
    print(f"load average {os.getloadavg()[0]:.1f} at end")


def prepare(work: Path, articles: int, days: int) -> Path:
    """A fresh copy of the corpus (generated once per size and kept in `work`)."""
    corpus = work / f"corpus-{articles}-{days}"
    if not (corpus / "done").exists():
        shutil.rmtree(corpus, ignore_errors=True)
        make_corpus(corpus, articles, days)
        (corpus / "done").write_text("")
    project = work / f"project-{articles}-{days}"
    shutil.rmtree(project, ignore_errors=True)
    shutil.copytree(corpus, project)
    return project


def changes(project: Path, articles: int, days: int):
    """One function per case; each changes the project as the case says and tells what it did."""

    def cold():
        shutil.rmtree(project / ".briefgen-cache", ignore_errors=True)
        shutil.rmtree(project / "site", ignore_errors=True)
        return "no cache, no site"

    def nothing():
        return "nothing"

    numbers = itertools.count(articles)

    def add():
        return f"added {add_article(project, next(numbers), days).relative_to(project)}"

    def edit():
        path = biggest_story(project)
        text = path.read_text()
        path.write_text(text.rstrip("\n") + "\n\nThe council said a further statement would follow on Monday.\n")
        return f"edited {path.relative_to(project)}"

    def rename():
        topics = project / "content" / "topics.yaml"
        text = topics.read_text()
        old = re.search(r"^  title: (.+)$", text, re.MULTILINE).group(1)
        topics.write_text(text.replace(f"  title: {old}\n", f"  title: {old} (updated)\n", 1))
        return f"renamed topic '{old}'"

    return cold, nothing, add, edit, rename


def biggest_story(project: Path) -> Path:
    """An article of the (day, topic) with the most articles: the most work one edit can cause."""
    stories: dict[tuple, list[Path]] = {}
    for path in sorted((project / "content" / "articles").rglob("*.md")):
        topic = re.search(r"^topic: (.+)$", path.read_text(), re.MULTILINE)
        stories.setdefault((path.parent.name, topic and topic.group(1)), []).append(path)
    biggest = max(stories.values(), key=len)
    return biggest[len(biggest) // 2]


def timed_build(project: Path, jobs: int) -> tuple[float, float, float, str]:
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "briefgen", "build", "--jobs", str(jobs)],
        cwd=project, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=environment(),
    )
    sampler = MemorySampler(process.pid)
    sampler.start()
    output, _ = process.communicate()
    seconds = time.perf_counter() - started
    sampler.stop()
    if process.returncode:
        raise SystemExit(f"briefgen build failed in {project} (exit {process.returncode})")
    summary = re.search(r"\((.*)\)", output.strip().splitlines()[-1])
    return seconds, sampler.peak_pss / 1024, sampler.peak_rss / 1024, summary.group(1) if summary else output.strip()


def environment() -> dict:
    """This one, with Python's bytecode cache on as in a normal installation."""
    return {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


class MemorySampler(threading.Thread):
    """Peak memory of a process and all its descendants, from /proc (Linux)."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.running = pid, True
        self.peak_pss = self.peak_rss = 0  # KB

    def run(self) -> None:
        while self.running:
            pss, rss = 0, 0
            for pid in self.tree(self.pid):
                process_pss, process_rss = _memory(pid)
                pss, rss = pss + process_pss, max(rss, process_rss)
            self.peak_pss, self.peak_rss = max(self.peak_pss, pss), max(self.peak_rss, rss)
            time.sleep(0.05)  # reading smaps of every process costs CPU the build would use

    def stop(self) -> None:
        self.running = False
        self.join()

    def tree(self, pid: int) -> list[int]:
        found = [pid]
        try:
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children") as handle:
                    for child in handle.read().split():
                        found += self.tree(int(child))
        except OSError:
            pass
        return found


def _memory(pid: int) -> tuple[int, int]:
    """(PSS, RSS) in KB; (0, 0) for a process that has gone."""
    values = {}
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                name, _, rest = line.partition(":")
                if name in ("Pss", "Rss"):
                    values[name] = int(rest.split()[0])
    except OSError:
        pass
    return values.get("Pss", 0), values.get("Rss", 0)


if __name__ == "__main__":
    main()
