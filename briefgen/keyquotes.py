"""A topic's key quotes: one quote carried by several outlets is shown once, then ranked.

Two quotes are the same when, compared word by word (case, punctuation, quote marks and
British/American spelling aside), most of the shorter one is in the longer one in order:
one outlet's quote a part of another's, or a word or two changed. Their speakers must not
disagree. Each distinct wording is kept as a variant with the outlets that printed it.

Ranking prefers quotes central to the topic (TF-IDF similarity to the centroid of all its
sentences), of useful length, carried by more outlets, with a named speaker; then distinct
speakers. Editors' pins come first.
"""

import math
import re
from collections import Counter
from dataclasses import replace
from difflib import SequenceMatcher
from functools import lru_cache

from .models import ArticleText, Block, Citation, KeyQuote, PinnedQuote, Quote, QuoteControls, QuoteVariant
from .typography import normalize, words

SAME_QUOTE = 0.7  # share of the shorter quote's words that the longer one has, in order
MAX_MERGED = 1000  # quotes of one topic and day compared with each other: pinned, then earliest (README: Safety and limits)
MIN_SHARED_WORDS = 4
MAX_SHOWN_WORDS = 70
GOOD_LENGTH = (12, 45)  # words
SAME_SPEAKER_PENALTY = 0.6
_SPELLINGS = (  # British -> American, applied to single words before comparing
    (re.compile(r"(?<=[a-z]{2})our(?=s?$|ed$|ing$|ite$|ites$|able$)"), "or"),
    (re.compile(r"(?<=[^aeiou])re(?=s?$)"), "er"),
    (re.compile(r"(?<=[a-z]{3})is(?=e$|es$|ed$|ing$|ation$|ations$)"), "iz"),
    (re.compile(r"(?<=[a-z])ys(?=e$|es$|ed$|ing$)"), "yz"),
    (re.compile(r"(?<=[a-z]{2})ogue$"), "og"),
    (re.compile(r"(?<=[a-z]{2})ence$"), "ense"),
    (re.compile(r"(?<=[a-z])mme$"), "m"),
    (re.compile(r"(?<=[a-z])ll(?=ed$|ing$|er$)"), "l"),
    (re.compile(r"^grey"), "gray"),
    (re.compile(r"^tyre"), "tire"),
    (re.compile(r"aluminium"), "aluminum"),
    (re.compile(r"gement$"), "gment"),
)


@lru_cache(maxsize=8192)
def comparable(text: str) -> tuple[str, ...]:
    """The words of a quote as they are compared: lower case, American spelling."""
    return tuple(map(_american, words(normalize(text).lower())))


@lru_cache(maxsize=200_000)
def _american(word: str) -> str:
    """One lower-case word in American spelling (remembered: news repeats its words)."""
    stem, possessive = (word[:-2], "'s") if word.endswith("'s") else (word, "")
    for pattern, replacement in _SPELLINGS:
        stem = pattern.sub(replacement, stem)
    return stem + possessive


def same_quote(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if not a or not b:
        return False
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    shared = sum(block.size for block in matcher.get_matching_blocks() if block.size >= 2)
    return shared >= min(MIN_SHARED_WORDS, len(a), len(b)) and shared / min(len(a), len(b)) >= SAME_QUOTE


def key_quotes(texts: tuple[ArticleText, ...], count: int, controls: QuoteControls = QuoteControls()) -> tuple[KeyQuote, ...]:
    """The topic's `count` key quotes (more if editors pinned more), best first."""
    ordered = sorted(texts, key=lambda t: (t.article.published, t.article.path))
    found = [(text, quote) for text in ordered for quote in apply_controls(text.quotes, controls, text.article.blocks)]
    merged = [_key_quote(group) for group in _merge(_full_speakers(_bounded(found)))]
    return _rank(merged, ordered, count)


def _bounded(found: list) -> list:
    """At most MAX_MERGED quotes, since merging compares every pair: all pinned ones, then the
    earliest in story order."""
    budget = MAX_MERGED - sum(quote.pinned for _, quote in found)
    kept = []
    for text, quote in found:
        if quote.pinned or budget > 0:
            kept.append((text, quote))
            budget -= not quote.pinned
    return kept


def apply_controls(quotes, controls: QuoteControls, blocks: tuple[Block, ...]) -> tuple[Quote, ...]:
    """An editor's `quotes:` settings: hidden quotes go, names are corrected, pins found in
    `blocks` are added (as the article prints them)."""
    renamed = {found.casefold(): right for found, right in controls.speakers}
    hidden = [" ".join(comparable(text)) for text in controls.hide]
    kept = []
    for quote in quotes:
        if any(h and f" {h} " in f" {' '.join(comparable(quote.text))} " for h in hidden):
            continue
        kept.append(_renamed(quote, renamed))
    for pin in controls.pin:
        pinned = pinned_quote(pin, blocks)
        if pinned is not None and not any(q.pinned and q.text == pinned.text for q in kept):
            kept.append(_renamed(pinned, renamed))
    return tuple(kept)


def pinned_quote(pin: PinnedQuote, blocks: tuple[Block, ...]) -> Quote | None:
    """The pinned words as the article prints them, or None if the article does not have them."""
    wanted = _loose(pin.text)
    for block in blocks:
        found = _find_loose(block.text, wanted)
        if found:
            return Quote(found, pin.speaker, pin.role, 0, (found,), pinned=True)
    return None


def _loose(text: str) -> str:
    return " ".join(normalize(text).split())


def _find_loose(text: str, wanted: str) -> str:
    """`wanted` in `text` ignoring quote styles and runs of white space; the original words."""
    if not wanted:
        return ""
    pattern = r"\s+".join(re.escape(part) for part in wanted.split(" "))
    found = re.search(pattern, normalize(text))
    return text[found.start() : found.end()] if found else ""


def _renamed(quote: Quote, renamed: dict) -> Quote:
    name = renamed.get(quote.speaker.casefold())
    return replace(quote, speaker=name) if quote.speaker and name else quote


def _full_speakers(found):
    """A surname alone -> the full name another article of the topic gives the same person."""
    full = {}
    for _, quote in found:
        if " " in quote.speaker:
            full.setdefault(quote.speaker.split()[-1], set()).add(quote.speaker)
    resolved = []
    for text, quote in found:
        names = full.get(quote.speaker, ()) if quote.speaker and " " not in quote.speaker else ()
        resolved.append((text, replace(quote, speaker=next(iter(names))) if len(names) == 1 else quote))
    return resolved


def _merge(found) -> list[list]:
    """Groups of (text, quote, words) that are the same quote; in order of first appearance.

    Any two quotes that are the same join their groups, unless that would put two different
    speakers in one group."""
    items = [(text, quote, comparable(quote.text)) for text, quote in found]
    bigrams = [frozenset(zip(w, w[1:])) for _, _, w in items]
    groups = [[item] for item in items]
    owner = list(range(len(items)))
    later = _later_candidates(bigrams, [w for _, _, w in items]) if len(items) >= _COUNTED_AT_ONCE else None
    for i in range(len(items)):
        for j in later[i] if later is not None else range(i + 1, len(items)):
            a, b = owner[i], owner[j]
            if a == b or not _may_be_same(bigrams[i], bigrams[j], items[i][2], items[j][2]):
                continue
            if same_quote(items[i][2], items[j][2]) and _compatible(groups[a], groups[b]):
                groups[a] += groups[b]
                groups[b] = []
                owner = [a if o == b else o for o in owner]
    return [group for group in groups if group]


_COUNTED_AT_ONCE = 100  # quotes in a topic-day from which the quick bound is checked for all pairs at once


def _later_candidates(bigrams: list[frozenset], words: list[tuple]) -> list[list[int]]:
    """For each quote, the later ones that `_may_be_same` allows, in order: the word pairs
    every two quotes share, counted in one sparse matrix product."""
    import numpy

    from .rankers import gram  # loaded with the summariser, which runs beside this

    vocabulary, rows, columns = {}, [], []
    for number, pairs in enumerate(bigrams):
        for pair in pairs:
            rows.append(number)
            columns.append(vocabulary.setdefault(pair, len(vocabulary)))
    shared = gram(numpy.array(rows, dtype=numpy.int64), numpy.array(columns, dtype=numpy.int64), numpy.ones(len(rows)), len(bigrams))
    lengths = numpy.array([len(w) for w in words])
    possible = shared * 2 >= SAME_QUOTE * numpy.minimum.outer(lengths, lengths) - 1
    return [(numpy.flatnonzero(possible[i, i + 1:]) + i + 1).tolist() for i in range(len(bigrams))]


def _may_be_same(bigrams: frozenset, other: frozenset, a: tuple, b: tuple) -> bool:
    """A quick bound for `same_quote`: words shared in runs of two or more mean shared word pairs."""
    return len(bigrams & other) * 2 >= SAME_QUOTE * min(len(a), len(b)) - 1


def _compatible(group, other) -> bool:
    return all(same_person(q.speaker, r.speaker) for _, q, _ in group for _, r, _ in other)


def same_person(a: str, b: str) -> bool:
    """Names that may be one person: either unknown, or same first and last name."""
    if not a or not b or a == b:
        return True
    a_words, b_words = a.split(), b.split()
    return len(a_words) > 1 and len(b_words) > 1 and (a_words[0], a_words[-1]) == (b_words[0], b_words[-1])


def _key_quote(group) -> KeyQuote:
    """One quote from its group: the speaker most outlets name, every wording with its outlets.

    Wordings differ in their words (case, punctuation and quote marks aside). The one shown
    first is the most complete (up to MAX_SHOWN_WORDS), then the one most articles carry."""
    speaker, role = _speaker_of([q for _, q, _ in group])
    wordings: dict[str, tuple[Quote, dict]] = {}  # words -> (first quote, {url: (citation, parts)})
    citations: dict[str, Citation] = {}  # every article, in story order
    for text, quote, _ in group:
        article = text.article
        citation = Citation(article.url, article.outlet, article.title, quote.parts[0] if quote.parts else quote.text)
        key = " ".join(words(normalize(quote.text).lower()))
        wordings.setdefault(key, (quote, {}))[1].setdefault(citation.url, (citation, quote.parts))
        citations.setdefault(citation.url, citation)
    full = [f" {' '.join(w)} " for _, _, w in group]
    carried = {key: sum(f" {' '.join(comparable(q.text))} " in f for f in full) for key, (q, _) in wordings.items()}
    ordered = sorted(wordings, key=lambda k: (not wordings[k][0].pinned, -_shown_length(wordings[k][0].text), -carried[k]))
    variants = tuple(
        QuoteVariant(quote.text, tuple(c for c, _ in cited.values()), tuple(p for _, p in cited.values()))
        for quote, cited in (wordings[key] for key in ordered)
    )
    return KeyQuote(variants[0].text, speaker, role, tuple(citations.values()), variants, any(q.pinned for _, q, _ in group))


def _shown_length(text: str) -> int:
    length = len(words(text))
    return length if length <= MAX_SHOWN_WORDS else -length


def _speaker_of(quotes: list[Quote]) -> tuple[str, str]:
    pinned = [q for q in quotes if q.pinned and q.speaker]
    named = pinned or [q for q in quotes if q.speaker]
    if not named:
        return "", next((q.role for q in quotes if q.role), "")
    speaker = Counter(q.speaker for q in named).most_common(1)[0][0]
    roles = Counter(q.role for q in named if q.speaker == speaker and q.role)
    role = max(roles, key=lambda r: (roles[r], len(r))) if roles else ""
    return speaker, role


def _rank(merged: list[KeyQuote], texts, count: int) -> tuple[KeyQuote, ...]:
    centrality = _centrality([q.text for q in merged], texts)
    outlets = len({t.article.outlet for t in texts}) or 1
    scores = [
        0.45 * centrality[n] + 0.2 * _length_score(q.text) + 0.25 * len(q.outlets) / outlets + 0.1 * bool(q.speaker)
        for n, q in enumerate(merged)
    ]
    chosen = [n for n, q in enumerate(merged) if q.pinned]
    remaining = [n for n in range(len(merged)) if n not in chosen]
    while remaining and len(chosen) < count:
        speakers = {merged[n].speaker for n in chosen if merged[n].speaker}
        best = max(remaining, key=lambda n: (scores[n] * (SAME_SPEAKER_PENALTY if merged[n].speaker in speakers else 1), -n))
        remaining.remove(best)
        chosen.append(best)
    return tuple(merged[n] for n in chosen)


def _length_score(text: str) -> float:
    length = len(words(text))
    low, high = GOOD_LENGTH
    if length < low:
        return length / low
    return 1.0 if length <= high else high / length


def _centrality(quotes: list[str], texts) -> list[float]:
    """Cosine similarity of each quote to the TF-IDF centroid of the topic's sentences."""
    sentences = [comparable(s.norm) for t in texts for s in t.sentences]
    if not sentences or not quotes:
        return [0.0] * len(quotes)
    counts, frequency = Counter(), Counter()  # occurrences; sentences with the word
    for sentence in sentences:
        counts.update(sentence)
        frequency.update(set(sentence))
    idf = {word: math.log(len(sentences) / n) for word, n in frequency.items()}
    centroid = {word: n * idf[word] for word, n in counts.items()}
    length = math.sqrt(sum(v * v for v in centroid.values()))
    similarity = [_cosine(Counter(comparable(q)), centroid, length, idf) for q in quotes]
    top = max(similarity) or 1.0
    return [s / top for s in similarity]


def _cosine(terms: Counter, centroid: dict, length: float, idf: dict) -> float:
    vector = {w: n * idf.get(w, 0.0) for w, n in terms.items()}
    dot = sum(v * centroid.get(w, 0.0) for w, v in vector.items())
    norm = math.sqrt(sum(v * v for v in vector.values())) * length
    return dot / norm if norm else 0.0
