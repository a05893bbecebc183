"""sumy's LexRank and TextRank with their hot spots vectorised: same interface, same ranking.

Upstream builds the sentence similarity matrix with a Python double loop (n² calls) and
counts document frequencies by scanning every sentence for every term, which takes seconds
for a few hundred sentences. These subclasses override only those steps and compute the same
formulas from sparse term weights with numpy; `tests/test_rankers.py` checks them against
upstream. `rate(sentences_words)` gives the same scores without sumy's document objects, from
words the caller has already split.
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
        return self.words_of(sentence.words)

    def words_of(self, tokens) -> list[str]:
        lowered = (word.lower() for word in tokens)
        return [self._stemmer(word) for word in lowered if word not in self._stop_words]


class FastLexRankSummarizer(_FastWords, LexRankSummarizer):
    def rate(self, sentences_words: list[list[str]]) -> numpy.ndarray:
        """Each sentence's score, as `__call__` rates it."""
        if not sentences_words:
            return numpy.zeros(0)
        tf_metrics = self._compute_tf(sentences_words)
        idf_metrics = self._compute_idf(sentences_words)
        matrix = self._create_matrix(sentences_words, self.threshold, tf_metrics, idf_metrics)
        return self.power_method(matrix, self.epsilon)

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
        matrix = gram(rows, columns, weights, len(sentences))
        norms = numpy.sqrt(numpy.bincount(rows, weights=weights * weights, minlength=len(sentences)))
        norms[norms == 0] = 1.0  # such a sentence has no weighted term: its row is all zero
        for band in _bands(len(sentences)):
            matrix[band] /= numpy.outer(norms[band], norms)  # now the cosine
        edges = matrix > threshold
        degrees = edges.sum(axis=1).astype(float)
        degrees[degrees == 0] = 1
        return numpy.divide(edges, degrees[:, numpy.newaxis], out=matrix)


class FastTextRankSummarizer(_FastWords, TextRankSummarizer):
    def rate(self, sentences_words: list[list[str]]) -> numpy.ndarray:
        """Each sentence's score, as `__call__` rates it."""
        if not sentences_words:
            return numpy.zeros(0)
        return self.power_method(self._matrix(sentences_words), self.epsilon)

    def _create_matrix(self, document):
        return self._matrix([self._to_words_set(sentence) for sentence in document.sentences])

    def _matrix(self, sentences: list[list[str]]) -> numpy.ndarray:
        count = len(sentences)
        rows, columns, counts = _sparse([Counter(words) for words in sentences])
        weights = gram(rows, columns, counts, count)
        logs = numpy.array([math.log(len(words)) if words else 0.0 for words in sentences])
        for band in _bands(count):
            norm = logs[band, numpy.newaxis] + logs[numpy.newaxis, :]
            norm[norm == 0] = 1.0  # only one-word sentences: upstream keeps the raw overlap
            weights[band] /= norm
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

    Terms in many sentences go through one dense matrix product; every other term adds the
    products of its sentences' values to their cells.
    """
    result = numpy.zeros((size, size))
    if not len(rows):
        return result
    common = numpy.bincount(columns)[columns] * 12 > size
    if common.any():
        used, compact = numpy.unique(columns[common], return_inverse=True)
        dense = numpy.zeros((size, len(used)))
        dense[rows[common], compact] = values[common]
        numpy.matmul(dense, dense.T, out=result)
    _add_pair_products(result.reshape(-1), rows[~common], columns[~common], values[~common], size)
    return result


def _add_pair_products(cells: numpy.ndarray, rows, columns, values, size: int, batch: int = 1 << 20) -> None:
    """cells[i·size + j] += v[i]·v[j] for every two entries of one term (about `batch` pairs at a time)."""
    order = numpy.argsort(columns, kind="stable")
    rows, columns, values = rows[order], columns[order], values[order]
    starts = numpy.flatnonzero(numpy.r_[True, columns[1:] != columns[:-1]])
    sizes = numpy.diff(numpy.r_[starts, len(columns)])
    pairs = numpy.cumsum(sizes * sizes)
    first = 0
    while first < len(starts):
        last = max(first + 1, int(numpy.searchsorted(pairs, pairs[first] - sizes[first] ** 2 + batch, side="right")))
        begin, end = starts[first], starts[last] if last < len(starts) else len(rows)
        group_start = numpy.repeat(starts[first:last] - begin, sizes[first:last])  # for each entry, where its term starts
        group_size = numpy.repeat(sizes[first:last], sizes[first:last])
        left = numpy.repeat(numpy.arange(end - begin), group_size)
        first_pair = numpy.cumsum(group_size) - group_size
        right = numpy.repeat(group_start - first_pair, group_size) + numpy.arange(len(left))
        batch_rows, batch_values = rows[begin:end], values[begin:end]
        numpy.add.at(cells, batch_rows[left] * size + batch_rows[right], batch_values[left] * batch_values[right])
        first = last


def _bands(size: int, cells: int = 1 << 20):
    """Slices of rows that hold about `cells` cells of a size×size matrix: work on a big
    matrix a band at a time keeps the temporary arrays small."""
    step = max(1, cells // max(size, 1))
    return [slice(start, start + step) for start in range(0, size, step)]
