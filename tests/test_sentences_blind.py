"""The blind sentence cases in tests/data/sentences_blind.txt, written without reading the splitter.

Their accuracy is printed, not asserted: the set measures the splitter on text its authors never
saw and is not (yet) part of the pass/fail gate.
"""

from collections import Counter
from pathlib import Path

from sentence_cases import failures, load_cases

BLIND_FILE = Path(__file__).parent / "data" / "sentences_blind.txt"


def test_blind_case_set_accuracy_is_reported(capsys):
    cases = load_cases(BLIND_FILE)
    assert cases and all(case.expected for case in cases)
    failed = failures(cases)
    wrong = Counter(case.language for case, _ in failed)
    total = Counter(case.language for case in cases)
    with capsys.disabled():
        print(f"\nblind sentence cases: {len(cases) - len(failed)}/{len(cases)} exactly right "
              f"({1 - len(failed) / len(cases):.1%}); "
              + ", ".join(f"{lang} {total[lang] - wrong[lang]}/{total[lang]}" for lang in sorted(total)))
        for case, got in failed:
            print(f"tests/data/sentences_blind.txt:{case.line}: {case.language}: {case.name}")
            print("\n".join([f"    expected: {s}" for s in case.expected] + [f"    got:      {s}" for s in got]))
