"""Command line: `briefgen build`, `check`, `inspect`. Thin: options, one call, a summary."""

import json
import os
import sys
from collections import Counter
from pathlib import Path

import click

from . import __version__
from .build import BuildOptions, build
from .cache import CACHE_DIR, Store
from .errors import BriefgenError, InputError
from .models import LIST_ITEM


_strict_option = click.option("--strict", is_flag=True, help="Treat warnings as errors: report them all and exit with status 1.")


def _project_options(function):
    function = click.option("--content", default="content", show_default=True, type=click.Path(path_type=Path), help="Folder with articles/, topics.yaml and notes/.")(function)
    function = click.option("--config", default="briefgen.yaml", show_default=True, type=click.Path(path_type=Path), help="Site settings file.")(function)
    return function


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="briefgen")
def main():
    """Turn a folder of news articles with YAML metadata into a static daily briefing.

    \b
    Run it in the project folder (the one with briefgen.yaml and content/):
      briefgen build              build site/ from content/
      briefgen check              validate content/ without writing anything
      briefgen inspect FILE       show what briefgen sees in one article
      briefgen clean              delete the build cache
    """


@main.command("build")
@_project_options
@_strict_option
@click.option("--output", default="site", show_default=True, type=click.Path(path_type=Path), help="Folder to write the site to.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=0, help="Processes to use; default: one per core.")
@click.option("--no-cache", is_flag=True, help=f"Do all the work again; neither read nor update {CACHE_DIR}/.")
@click.option("-v", "--verbose", is_flag=True, help="Also list dropped lines, time per stage and reused work.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def build_command(config, content, strict, output, jobs, no_cache, verbose, quiet):
    """Build the briefing site from content/ into site/.

    Work that did not change since the last build is reused from .briefgen-cache/.

    \b
    Examples:
      briefgen build
      briefgen build --output /tmp/preview -v
      briefgen build --strict --config other.yaml --content other-content
      briefgen build --jobs 1 --no-cache
    """
    options = BuildOptions(Path("."), config, content, output, jobs=jobs, cache=not no_cache, strict=strict)
    report = _run(lambda: build(options, texts=verbose, progress=None if quiet else _progress_bar), quiet)
    if verbose:
        _print_dropped(report.texts)
        _print_timing(report)
    if not quiet:
        w = report.written
        click.echo(
            f"Built {report.articles} articles, {report.topics} topics, {report.days} days: "
            f"{report.pages} pages in {output}/ ({w.written} files written, {w.unchanged} unchanged, "
            f"{w.removed} removed) in {report.seconds:.2f}s"
        )


@main.command("check")
@_project_options
@_strict_option
@click.option("-v", "--verbose", is_flag=True, help="Also list dropped lines.")
def check_command(config, content, strict, verbose):
    """Validate content/ and briefgen.yaml; write nothing.

    \b
    Examples:
      briefgen check
      briefgen check --strict     # warnings fail too, e.g. in CI
    """
    report = _run(lambda: build(BuildOptions(Path("."), config, content, strict=strict), write=False, texts=verbose), quiet=False)
    if verbose:
        _print_dropped(report.texts)
    click.echo(f"OK: {report.articles} articles, {report.topics} topics, {report.days} days; {len(report.warnings)} warnings")


@main.command("clean")
def clean_command():
    """Delete the build cache (.briefgen-cache/); the next build does all the work again.

    The site is left as it is. Deleting the cache is always safe.

    \b
    Example:
      briefgen clean
    """
    if Store(Path(CACHE_DIR)).clear():
        click.echo(f"Deleted {CACHE_DIR}/")
    else:
        click.echo(f"No {CACHE_DIR}/ here; nothing to delete")


@main.command("inspect")
@_project_options
@click.argument("path", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def inspect_command(config, content, path, as_json):
    """Show what briefgen sees in one article: dropped lines, sentences, quotes.

    \b
    Examples:
      briefgen inspect content/articles/2024-03-05/budget-herald.md
      briefgen inspect --json content/articles/budget.txt
    """
    from .analyze import analyze  # here, not at the top: `briefgen build` with nothing to do never loads it
    from .read import Paths, read_one_article

    article, site_config = _run(lambda: read_one_article(Paths(Path("."), config, content), path), quiet=True)
    text = analyze(article, site_config)
    if as_json:
        click.echo(json.dumps(inspection(text), ensure_ascii=False, indent=2))
    else:
        click.echo("\n".join(inspection_lines(text)))


def inspection(text) -> dict:
    """What `inspect --json` prints; the keys dropped, sentences and quotes are a promise."""
    article = text.article
    return {
        "article": {"path": article.path, "title": article.title, "outlet": article.outlet, "language": article.language},
        "dropped": [{"text": d.text, "rule": d.rule, "line": d.line} for d in text.dropped],
        "sentences": [s.text for s in text.sentences],
        "quotes": [{"text": q.text, "speaker": q.speaker, "role": q.role} for q in text.quotes],
    }


def inspection_lines(text) -> list[str]:
    article = text.article
    lines = [f"{article.path}: {article.title} ({article.outlet}, {article.language})", ""]
    lines.append(f"Dropped lines ({len(text.dropped)})" + (": to keep one, add a keep_lines pattern to briefgen.yaml" if text.dropped else ""))
    lines += [f"  line {d.line:<4} {d.rule:<20} {d.text}" for d in text.dropped]
    lines += ["", f"Sentences ({len(text.sentences)}; - marks a list item, which summaries leave out)"]
    for sentence in text.sentences:
        block = text.blocks[sentence.block]
        mark = "-" if block.kind == LIST_ITEM else " "
        lines.append(f"  {sentence.index + 1:3d}. {mark} line {block.line:<4} {sentence.text}")
    lines += ["", f"Quotes ({len(text.quotes)})"]
    for number, quote in enumerate(text.quotes, 1):
        speaker = f"{quote.speaker} ({quote.role})" if quote.role else quote.speaker or "speaker not stated"
        lines.append(f"  {number:3d}. \u201c{quote.text}\u201d \u2014 {speaker}")
    return lines


def _run(action, quiet: bool):
    """Run a command; user mistakes become `path:line: message` lines and exit status 1."""
    try:
        result = action()
    except InputError as exc:
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        raise click.ClickException(str(exc)) from None
    except BriefgenError as exc:
        raise click.ClickException(str(exc)) from None
    if not quiet:
        for problem in getattr(result, "warnings", ()):
            click.echo(str(problem), err=True)
    return result


def _progress_bar(total: int):
    """A progress bar on an interactive terminal for builds with real work; otherwise nothing."""
    if total < 20 or not sys.stderr.isatty():
        return None
    bar = click.progressbar(length=total, label="Summarising", file=sys.stderr)
    bar.__enter__()

    def tell(done: int) -> None:
        bar.update(done - bar.pos)
        if done == total:
            bar.__exit__(None, None, None)

    return tell


def _print_timing(report) -> None:
    click.echo("time per stage: " + ", ".join(f"{k} {v:.2f}s" for k, v in report.stages.items()), err=True)
    reused = (f"{hits:,} of {total:,} {kind}" for kind, (hits, total) in report.reused.items())
    click.echo(f"reused from {CACHE_DIR}/: " + ", ".join(reused), err=True)


def _print_dropped(texts) -> None:
    """Every line cleaning dropped, with its rule, then a count per rule."""
    counts = Counter()
    for text in texts:
        for dropped in text.dropped:
            counts[dropped.rule] += 1
            click.echo(f"{text.article.path}:{dropped.line}: dropped by {dropped.rule}: {dropped.text}", err=True)
    total = sum(counts.values())
    by_rule = ", ".join(f"{rule} {count}" for rule, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])))
    click.echo(f"dropped {total} lines" + (f": {by_rule} (keep_lines in briefgen.yaml keeps a line)" if total else ""), err=True)


def run() -> None:
    """The `briefgen` program: `main`, then an exit without Python's teardown. Freeing a big
    build's objects one by one takes a quarter of a second at 10,000 articles, and the system
    takes the whole process back at once; every file the build wrote is closed by then."""
    try:
        main()
        code = 0
    except SystemExit as exc:
        code = exc.code
    if code is not None and not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: nothing more can be said
            pass
    os._exit(code or 0)


if __name__ == "__main__":
    run()
