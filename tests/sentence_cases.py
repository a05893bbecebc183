"""The sentence case set in tests/data/sentences.txt: reading it and scoring a splitter on it."""

from dataclasses import dataclass
from pathlib import Path

CASES_FILE = Path(__file__).parent / "data" / "sentences.txt"


@dataclass(frozen=True)
class Case:
    line: int
    language: str
    name: str
    text: str
    expected: tuple[str, ...]


def load_cases(path: Path = CASES_FILE) -> list[Case]:
    cases, header, body, expected, target = [], None, [], [], None
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if line.startswith("=== "):
            if header:
                cases.append(_case(header, body, expected))
            header, body, expected = (number, line[4:]), [], []
            target = body
        elif line == "--- expected":
            target = expected
        elif line.startswith("#") and target is not body:
            continue
        elif header and target is not None:
            target.append(line)
    if header:
        cases.append(_case(header, body, expected))
    return cases


def _case(header, body, expected) -> Case:
    number, title = header
    language, _, name = title.partition(": ")
    return Case(number, language, name, "\n".join(body).strip("\n"), tuple(e for e in expected if e.strip()))


def briefgen_sentences(case: Case) -> tuple[str, ...]:
    from briefgen.markup import text_blocks
    from briefgen.sentences import split_blocks

    return tuple(s.text for s in split_blocks(text_blocks(case.text, 1, case.language), case.language))


def failures(cases: list[Case], split=briefgen_sentences) -> list[tuple[Case, tuple[str, ...]]]:
    return [(case, got) for case in cases if (got := split(case)) != case.expected]


def report(failed) -> str:
    lines = []
    for case, got in failed:
        lines.append(f"tests/data/sentences.txt:{case.line}: {case.language}: {case.name}")
        lines += [f"    expected: {s}" for s in case.expected]
        lines += [f"    got:      {s}" for s in got]
    return "\n".join(lines)
