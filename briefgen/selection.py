"""Choosing a summary's sentences from ranked candidates: maximal marginal relevance.

Pinned sentences come first. Then the most relevant candidate that does not repeat a chosen
one is added, over and over, until the length is reached; a candidate that says what a
chosen one says is left out, and its sources are credited on the chosen one. A candidate
that needs the sentence before it (its `lead`) comes with it or not at all. Similarities are
computed one row at a time from an inverted index, so a topic of thousands of sentences
costs a few vector operations per chosen sentence.
"""

from collections import defaultdict
from dataclasses import dataclass, field, replace

import numpy

from .models import Citation

REDUNDANT = 0.5  # term cosine above which two sentences say the same thing...
SHARED_FACTS = 3  # ...if they also share this many terms besides names (a speaker alone is not a fact)
MMR_LAMBDA = 0.7  # weight of relevance against similarity to what is already chosen
MIN_WORDS = 6  # shortest summary sentence; a word budget with less left is spent


@dataclass(frozen=True)
class Candidate:
    """A sentence that may go into the summary, with every article that carries it.

    `lead` is the candidate that must be chosen and shown right before this one, for a
    sentence that opens with a pronoun or connective ("But ...", "He said: ..."); -1 if none.
    """

    norm: str
    text: str
    citations: tuple[Citation, ...]
    order: tuple
    terms: frozenset
    facts: frozenset  # terms less the names (words capitalised inside the sentence)
    lead: int = -1
    pinned: bool = False
    position: int = 0  # earliest place among its article's paragraph sentences, 0 = first
    tokens: tuple[str, ...] = ()  # words(norm)
    stems: tuple[str, ...] = ()  # its words lowered and stemmed, stop words out: what sumy ranks

    @property
    def size(self) -> int:
        return len(self.tokens)


@dataclass(frozen=True)
class Length:
    """How long a summary may be: at most `sentences` (None: no limit) and `words` (0: no limit)."""

    sentences: int | None
    words: int = 0


def select(candidates: list[Candidate], scores, length: Length, caps: dict[str, int] | None = None, similar=None) -> list[Candidate]:
    """Pinned sentences, then greedy maximal marginal relevance; repeats credit the chosen."""
    similar = similar or SimilarityIndex([c.terms for c in candidates])
    selection = _Selection(candidates, scores, length, caps or {}, similar)
    for number, candidate in enumerate(candidates):
        if candidate.pinned:
            selection.take(number, force=True)
    while not selection.full():
        best = selection.best()
        if best is None:
            break
        selection.consider(best)
    return selection.result()


@dataclass
class _Selection:
    candidates: list[Candidate]
    scores: list[float]
    length: Length
    caps: dict[str, int]
    similar: "SimilarityIndex"
    chosen: list[int] = field(default_factory=list)

    def __post_init__(self):
        self.relevance = normalise(numpy.asarray(self.scores, dtype=float))
        self.open = numpy.ones(len(self.candidates), dtype=bool)
        self.closest = numpy.zeros(len(self.candidates))
        self.words = 0
        self.used: dict[str, int] = defaultdict(int)

    def best(self) -> int | None:
        if not self.open.any():
            return None
        gain = MMR_LAMBDA * self.relevance - (1 - MMR_LAMBDA) * self.closest
        gain[~self.open] = -numpy.inf
        return int(numpy.argmax(gain))

    def consider(self, number: int) -> None:
        self.open[number] = False
        if self.closest[number] > REDUNDANT and self.repeated(number, self.similar.row(number)) is not None:
            return  # credited to the chosen sentence it repeats, in result()
        lead = self.candidates[number].lead
        needs_lead = lead >= 0 and lead not in self.chosen
        if needs_lead and not self.open[lead]:
            return  # its lead was left out, so it would dangle
        group = [lead, number] if needs_lead else [number]
        if self.allowed(group) and self.fits(group):
            for member in group:
                self.take(member)

    def allowed(self, group: list[int]) -> bool:
        """Each member has a source not yet at the editor's cap for it."""
        return all(any(self.room(c.url) for c in self.candidates[m].citations) for m in group)

    def room(self, url: str) -> bool:
        return url not in self.caps or self.used[url] < self.caps[url]

    def fits(self, group: list[int]) -> bool:
        size = sum(self.candidates[m].size for m in group)
        if self.length.sentences is not None and len(self.chosen) + len(group) > self.length.sentences:
            return False
        return not self.length.words or not self.chosen or self.words + size <= self.length.words

    def full(self) -> bool:
        if self.length.sentences is not None and len(self.chosen) >= self.length.sentences:
            return True
        return bool(self.length.words) and self.length.words - self.words < MIN_WORDS

    def take(self, number: int, force: bool = False) -> None:
        lead = self.candidates[number].lead
        if force and lead >= 0 and lead not in self.chosen:
            self.take(lead, force=True)
        if number in self.chosen:
            return
        self.chosen.append(number)
        self.open[number] = False
        self.words += self.candidates[number].size
        for citation in self.candidates[number].citations:
            self.used[citation.url] += 1
        self.closest = numpy.maximum(self.closest, self.similar.row(number))

    def result(self) -> list[Candidate]:
        """The chosen candidates, each crediting the sources of the left-out sentences it repeats."""
        if not self.chosen:
            return []
        rows = numpy.vstack([self.similar.row(number) for number in self.chosen])
        rows[:, self.chosen] = 0.0
        credits = defaultdict(list)
        for other in numpy.flatnonzero(rows.max(axis=0) > REDUNDANT):
            chosen = self.repeated(int(other), dict(zip(self.chosen, rows[:, other])))
            if chosen is not None:
                credits[chosen].append(self.candidates[other])
        orders = {}
        for number in sorted(self.chosen, key=lambda n: self.candidates[n].lead >= 0):
            orders[number] = self._order(number, credits.get(number, []), orders)
        return [
            _credited(self.candidates[n], [c for other in credits.get(n, []) for c in other.citations], orders[n])
            for n in self.chosen
        ]

    def repeated(self, number: int, similarity) -> int | None:
        """The chosen sentence that `number` repeats, if any: the most similar that shares facts."""
        facts = self.candidates[number].facts
        for chosen in sorted(self.chosen, key=lambda c: (-similarity[c], c)):
            if similarity[chosen] <= REDUNDANT:
                break
            if len(facts & self.candidates[chosen].facts) >= SHARED_FACTS:
                return chosen
        return None

    def _order(self, number: int, repeats: list[Candidate], orders: dict) -> tuple:
        """Where its earliest source tells it; a sentence that needs its lead stays right after it."""
        candidate = self.candidates[number]
        if candidate.lead >= 0 and candidate.lead in orders:
            lead = self.candidates[candidate.lead]
            return orders[candidate.lead] + candidate.order[len(lead.order):]
        return min([candidate.order] + [other.order for other in repeats if other.lead < 0])


class SimilarityIndex:
    """Cosine similarity of a term set with every candidate's, from an inverted index."""

    def __init__(self, term_sets: list[frozenset]):
        postings: dict[str, list[int]] = defaultdict(list)
        for number, terms in enumerate(term_sets):
            for term in terms:
                postings[term].append(number)
        self.postings = {term: numpy.array(numbers) for term, numbers in postings.items()}
        self.term_sets = term_sets
        self.sizes = numpy.array([len(terms) for terms in term_sets], dtype=float)

    def row(self, number: int) -> numpy.ndarray:
        return self.to(self.term_sets[number])

    def to(self, terms: frozenset) -> numpy.ndarray:
        found = [self.postings[t] for t in terms if t in self.postings]
        if not found:
            return numpy.zeros(len(self.term_sets))
        shared = numpy.bincount(numpy.concatenate(found), minlength=len(self.term_sets)).astype(float)
        scale = numpy.sqrt(self.sizes * len(terms))
        return numpy.divide(shared, scale, out=numpy.zeros(len(self.term_sets)), where=scale > 0)  # no terms: 0


def normalise(scores: numpy.ndarray) -> numpy.ndarray:
    low, high = scores.min(), scores.max()
    return (scores - low) / (high - low) if high > low else numpy.ones_like(scores)


def _credited(candidate: Candidate, extra: list[Citation], order: tuple) -> Candidate:
    return replace(candidate, citations=unique(list(candidate.citations) + extra), order=order)


def unique(citations: list[Citation]) -> tuple[Citation, ...]:
    """The first citation of each URL, in order."""
    if len({citation.url for citation in citations}) == len(citations):
        return tuple(citations)  # the usual case: one sentence, one citation per article
    seen, unique = set(), []
    for citation in citations:
        if citation.url not in seen:
            seen.add(citation.url)
            unique.append(citation)
    return tuple(unique)


def cosine(a: frozenset, b: frozenset) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / (len(a) * len(b)) ** 0.5
