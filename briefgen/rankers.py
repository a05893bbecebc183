"""sumy's LexRank and TextRank with their hot spots vectorised: same interface, same ranking.

Upstream builds the sentence similarity matrix with a Python double loop (n² calls) and
counts document frequencies by scanning every sentence for every term, which takes seconds
for a few hundred sentences. These subclasses override only those steps and compute the same
formulas from sparse term weights with numpy; `tests/test_rankers.py` checks them against
upstream.
"""

import math
from collections import Counter
from functools import lru_cache

import numpy
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer


def cached(stemmer):
    """The same stemmer, remembering each word: news repeats its vocabulary a lot."""
    return lru_cache(maxsize=200_000)(stemmer)


class _FastWords:
    """`_to_words_set` of both summarizers: lowercased, stop words out, stemmed."""

    def _to_words_set(self, sentence):
        lowered = (word.lower() for word in sentence.words)
        return [self._stemmer(word) for word in lowered if word not in self._stop_words]


class FastLexRankSummarizer(_FastWords, LexRankSummarizer):
    @staticmethod
    def _compute_idf(sentences):
        frequencies = Counter(term for sentence in sentences for term in set(sentence))
        count = len(sentences)
        return {term: math.log(count / (1 + n_j)) for term, n_j in frequencies.items()}

    def _create_matrix(self, sentences, threshold, tf_metrics, idf_metrics):
        rows, columns, weights = _sparse([
            {term: tf[term] * idf_metrics[term] for term in set(words)}
            for words, tf in zip(sentences, tf_metrics)
        ])
        cosine = gram(rows, columns, weights, len(sentences))
        norms = numpy.sqrt(numpy.bincount(rows, weights=weights * weights, minlength=len(sentences)))
        norms[norms == 0] = 1.0  # such a sentence has no weighted term: its row is all zero
        cosine /= numpy.outer(norms, norms)
        edges = cosine > threshold
        degrees = edges.sum(axis=1).astype(float)
        degrees[degrees == 0] = 1
        return edges / degrees[:, numpy.newaxis]


class FastTextRankSummarizer(_FastWords, TextRankSummarizer):
    def _create_matrix(self, document):
        sentences = [self._to_words_set(sentence) for sentence in document.sentences]
        count = len(sentences)
        rows, columns, counts = _sparse([Counter(words) for words in sentences])
        weights = gram(rows, columns, counts, count)
        logs = numpy.array([math.log(len(words)) if words else 0.0 for words in sentences])
        norm = logs[:, numpy.newaxis] + logs[numpy.newaxis, :]
        norm[norm == 0] = 1.0  # only one-word sentences: upstream keeps the raw overlap
        weights /= norm
        weights /= weights.sum(axis=1)[:, numpy.newaxis] + self._ZERO_DIVISION_PREVENTION
        weights *= self.damping
        weights += (1.0 - self.damping) / count
        return weights


def _sparse(vectors: list[dict]) -> tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray]:
    """(row, column, value) arrays of the non-zero entries of sentence-by-term vectors."""
    vocabulary: dict = {}
    rows, columns, values = [], [], []
    for row, vector in enumerate(vectors):
        for term, value in vector.items():
            rows.append(row)
            columns.append(vocabulary.setdefault(term, len(vocabulary)))
            values.append(value)
    return numpy.array(rows, dtype=numpy.int64), numpy.array(columns, dtype=numpy.int64), numpy.array(values, dtype=float)


def gram(rows: numpy.ndarray, columns: numpy.ndarray, values: numpy.ndarray, size: int) -> numpy.ndarray:
    """The size×size matrix G[i, j] = Σ_t v[i, t]·v[j, t] of sparse sentence vectors.

    Terms in few sentences contribute their pairs directly; terms in many sentences (where
    pairs would number in the millions) go through one dense matrix product instead.
    """
    if not len(rows):
        return numpy.zeros((size, size))
    frequency = numpy.bincount(columns)
    common = frequency[columns] * 12 > size
    used, compact = numpy.unique(columns[common], return_inverse=True)
    dense = numpy.zeros((size, len(used)))
    dense[rows[common], compact] = values[common]
    result = dense @ dense.T
    rare = ~common
    result += _pair_sums(rows[rare], columns[rare], values[rare], size)
    return result


def _pair_sums(rows, columns, values, size: int) -> numpy.ndarray:
    """Σ over shared terms of v[i]·v[j] for every pair of entries that share a term."""
    order = numpy.argsort(columns, kind="stable")
    rows, columns, values = rows[order], columns[order], values[order]
    if not len(rows):
        return numpy.zeros((size, size))
    starts = numpy.flatnonzero(numpy.r_[True, columns[1:] != columns[:-1]])
    sizes = numpy.diff(numpy.r_[starts, len(columns)])
    group_start = numpy.repeat(starts, sizes)  # for each entry, where its term's group starts
    group_size = numpy.repeat(sizes, sizes)
    left = numpy.repeat(numpy.arange(len(rows)), group_size)
    first_pair = numpy.cumsum(group_size) - group_size
    right = numpy.repeat(group_start, group_size) + numpy.arange(len(left)) - numpy.repeat(first_pair, group_size)
    cells = rows[left] * size + rows[right]
    sums = numpy.bincount(cells, weights=values[left] * values[right], minlength=size * size)
    return sums.reshape(size, size)
