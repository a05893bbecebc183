"""Syndicated copies: articles of a topic that republish another article's text.

An article is reduced to the set of its word shingles (runs of SHINGLE words in its
paragraphs). An article most of whose shingles already appear in an earlier article is a
copy of it: a wire story republished by another outlet, perhaps trimmed or with a line
added. The earliest article of a group is the original; copies of copies belong to it too.
An inverted index keeps the comparison linear in the number of shingles.
"""

from collections import Counter, defaultdict

from .models import PARAGRAPH, ArticleText, Republished
from .typography import normalize, words

SHINGLE = 5
COPY = 0.8  # share of an article's shingles found in an earlier one that makes it a copy
MIN_SHINGLES = 20  # shorter articles are too small to call copies
MAX_POSTINGS = 50  # a shingle already in this many articles is common phrasing, not evidence of copying


def find_copies(texts: tuple[ArticleText, ...]) -> tuple[Republished, ...]:
    """Each copy with its original, in story order (publication time, then path)."""
    index: dict[int, list[int]] = defaultdict(list)
    ordered = sorted(texts, key=lambda t: (t.article.published, t.article.path))
    copies = []
    for number, text in enumerate(ordered):
        own = shingles(text)
        original = _original_of(own, index) if len(own) >= MIN_SHINGLES else None
        if original is not None:
            copies.append(Republished(text.article, ordered[original].article))
            continue
        for shingle in own:
            if len(index[shingle]) < MAX_POSTINGS:
                index[shingle].append(number)
    return tuple(copies)


def _original_of(own: set[int], index: dict[int, list[int]]) -> int | None:
    shared = Counter(number for shingle in own for number in index.get(shingle, ()))
    if not shared:
        return None
    best, count = min(shared.items(), key=lambda item: (-item[1], item[0]))
    return best if count >= COPY * len(own) else None


def shingles(text: ArticleText) -> set[int]:
    tokens = [
        word.lower()
        for block in text.blocks if block.kind == PARAGRAPH
        for word in words(normalize(block.text))
    ]
    return {hash(tuple(tokens[i : i + SHINGLE])) for i in range(len(tokens) - SHINGLE + 1)}
