"""The vectorised LexRank and TextRank rank exactly like upstream sumy."""

import random

import numpy
import pytest
from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
from sumy.nlp.stemmers import Stemmer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words

from briefgen.analyze import analyze
from briefgen.build import BuildOptions
from briefgen.config import Config
from briefgen.rankers import FastLexRankSummarizer, FastTextRankSummarizer, cached, gram
from briefgen.read import read_project
from briefgen.sentences import SumyTokenizer
from builders import REPO


def demo_sentences() -> list[str]:
    project = read_project(BuildOptions(root=REPO, config=REPO / "briefgen.yaml", content=REPO / "content").paths())
    return [s.norm for article in project.articles for s in analyze(article, Config()).sentences]


def news_like(count: int, seed: int = 11) -> list[str]:
    """The demo's sentences, then new ones made of their words, deterministically."""
    real = demo_sentences()
    vocabulary = [w for s in real for w in s.split()]
    rng = random.Random(seed)
    made = [" ".join(rng.choice(vocabulary) for _ in range(rng.randint(3, 30))) for _ in range(count)]
    return list(dict.fromkeys(real + made))[:count] + ["", "the of and", "Word."]


def ratings(summarizer_class, stemmer, sentences) -> list[tuple[str, float]]:
    tokenizer = SumyTokenizer()
    document = ObjectDocumentModel([Paragraph([Sentence(s, tokenizer) for s in sentences])])
    summarizer = summarizer_class(stemmer)
    summarizer.stop_words = get_stop_words("english")
    infos = []
    summarizer(document, lambda ranked: infos.extend(ranked) or ranked)
    return [(str(info.sentence), info.rating) for info in infos]


@pytest.mark.parametrize("upstream, fast", [(LexRankSummarizer, FastLexRankSummarizer), (TextRankSummarizer, FastTextRankSummarizer)])
def test_fast_rankers_give_upstream_ranking_and_scores(upstream, fast):
    sentences = news_like(300)
    expected = ratings(upstream, Stemmer("english"), sentences)
    got = ratings(fast, cached(Stemmer("english")), sentences)
    assert [text for text, _ in got] == [text for text, _ in expected]
    assert [score for _, score in got] == pytest.approx([score for _, score in expected], rel=1e-9, abs=1e-12)


@pytest.mark.parametrize("fast", [FastLexRankSummarizer, FastTextRankSummarizer])
def test_fast_rankers_handle_one_sentence_and_none(fast):
    assert [text for text, _ in ratings(fast, cached(Stemmer("english")), ["Only one sentence here."])] == ["Only one sentence here."]
    assert ratings(fast, cached(Stemmer("english")), []) == []


def test_gram_matrix_of_sparse_vectors_mixes_common_and_rare_terms():
    rng = random.Random(3)
    size = 40
    entries = {(row, 0): rng.random() for row in range(0, 40, 4)}  # in 10 of 40 rows: dense path
    entries.update({(5, 1): 2.0, (9, 1): 3.0, (9, 2): 0.5, (20, 2): 1.5, (33, 2): 4.0})  # few rows: pair path
    rows, columns = (numpy.array(axis) for axis in zip(*entries))
    values = numpy.array(list(entries.values()))
    dense = numpy.zeros((size, 3))
    dense[rows, columns] = values
    assert gram(rows, columns, values, size) == pytest.approx(dense @ dense.T, abs=1e-12)


@pytest.mark.parametrize("fast", [FastLexRankSummarizer, FastTextRankSummarizer])
def test_rating_words_already_split_gives_the_document_ratings(fast):
    sentences = news_like(200)
    summarizer = fast(cached(Stemmer("english")))
    summarizer.stop_words = get_stop_words("english")
    direct = summarizer.rate([summarizer.words_of(SumyTokenizer().to_words(s)) for s in sentences])
    assert dict(zip(sentences, map(float, direct))) == dict(ratings(fast, cached(Stemmer("english")), sentences))


@pytest.mark.parametrize("algorithm", ["lexrank", "textrank"])
def test_candidates_keep_the_terms_the_rankers_would_read_from_their_words(algorithm):
    from briefgen.summarize import _summarizer, candidate_sentences

    project = read_project(BuildOptions(root=REPO, config=REPO / "briefgen.yaml", content=REPO / "content").paths())
    candidates = candidate_sentences(tuple(analyze(article, Config()) for article in project.articles))
    summarizer = _summarizer(algorithm, "en", ())
    assert len(candidates) > 50
    assert [list(c.stems) for c in candidates] == [summarizer.words_of(c.tokens) for c in candidates]
