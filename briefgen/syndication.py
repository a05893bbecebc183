"""Syndicated copies: articles of a topic that republish another article's text.

An article is reduced to the set of its word shingles (runs of SHINGLE words in its
paragraphs). An article most of whose shingles already appear in an earlier article is a
copy of it: a wire story republished by another outlet, perhaps trimmed or with a line
added. The earliest article of a group is the original; copies of copies belong to it too.

Shingles are looked up in an inverted index, which lists at most MAX_POSTINGS articles for
each. How many of an article's shingles an earlier article shares is how often that article
is listed under them, so one count over the lists compares an article with all earlier ones:
the work grows with the number of shingles, not of pairs.
"""

import math
from collections import Counter
from itertools import chain

from .models import PARAGRAPH, ArticleText, Republished
from .typography import normalize, words

SHINGLE = 5
COPY = 0.8  # share of an article's shingles found in an earlier one that makes it a copy
MIN_SHINGLES = 20  # shorter articles are too small to call copies
MAX_POSTINGS = 50  # a shingle already in this many articles is common phrasing, not evidence of copying


def find_copies(texts: tuple[ArticleText, ...]) -> tuple[Republished, ...]:
    """Each copy with its original, in story order (publication time, then path)."""
    if len(texts) < 2:
        return ()
    index: dict[int, list[int]] = {}  # shingle -> articles that may be originals
    ordered = sorted(texts, key=lambda t: (t.article.published, t.article.path))
    copies = []
    for number, text in enumerate(ordered):
        own = shingles(text)
        original = _original_of(own, index) if len(own) >= MIN_SHINGLES else None
        if original is not None:
            copies.append(Republished(text.article, ordered[original].article))
            continue
        for shingle in own:
            postings = index.get(shingle)
            if postings is not None and len(postings) >= MAX_POSTINGS:
                continue
            if postings is None:
                index[shingle] = [number]
            else:
                postings.append(number)
    return tuple(copies)


def _original_of(own: set[int], index: dict[int, list[int]]) -> int | None:
    """The earlier article sharing the most of `own` (the earliest of equals), if it shares enough."""
    needed = math.ceil(COPY * len(own))
    known = [shingle for shingle in own if shingle in index]
    if len(known) < needed:
        return None  # too few are in any earlier article: the usual case, decided without counting
    shared = Counter(chain.from_iterable(map(index.__getitem__, known)))
    best, most = min(shared.items(), key=lambda item: (-item[1], item[0]))
    return best if most >= needed else None


def shingles(text: ArticleText) -> set[int]:
    tokens = []
    for block in text.blocks:
        if block.kind == PARAGRAPH:
            tokens += _lower_words(normalize(block.text))
    return set(map(hash, zip(*(tokens[n:] for n in range(SHINGLE)))))


def _lower_words(norm: str) -> list[str]:
    """`[w.lower() for w in words(norm)]`; ASCII text is lowered whole first, which splits the same."""
    return words(norm.lower()) if norm.isascii() else [word.lower() for word in words(norm)]
