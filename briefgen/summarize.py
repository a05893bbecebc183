"""One extractive summary per topic over all its articles: sumy ranks, MMR removes repeats.

sumy sits behind `rank_sentences`, which hands it exactly briefgen's sentences (through
`SumyTokenizer`) and reads back the full ranking. Selection then walks the ranking with a
redundancy penalty (maximal marginal relevance): a sentence that says what a chosen one
already says is not repeated; its source is credited on the chosen sentence instead.
"""

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from .config import LANGUAGES, Config
from .models import PARAGRAPH, ArticleText, Citation, SummarySentence
from .sentences import SumyTokenizer
from .typography import words

MIN_WORDS, MAX_WORDS = 6, 55
REDUNDANT = 0.5  # cosine similarity above which two sentences say the same thing
MMR_LAMBDA = 0.7
_DANGLING = re.compile(
    r"^(?:he|she|they|it|this|that|these|those|his|her|their|its|but|and|so|however|also|meanwhile|"
    r"still|yet|instead|then|there|here|such)\b",
    re.IGNORECASE,
)
_STIGMA_WORDS = ("reportedly", "allegedly", "click", "subscribe", "newsletter", "advertisement")


@dataclass(frozen=True)
class Candidate:
    norm: str
    text: str
    citations: tuple[Citation, ...]
    order: tuple
    terms: frozenset


def summarize_topic(texts: tuple[ArticleText, ...], config: Config, count: int = 0) -> tuple[SummarySentence, ...]:
    candidates = candidate_sentences(texts)
    if not candidates:
        return ()
    language = texts[0].article.language
    ranking = rank_sentences(
        [c.norm for c in candidates], config.summarizer, language, [t.article.title for t in texts]
    )
    chosen = select(candidates, ranking, count or config.summary_sentences, config.summary_words)
    return tuple(SummarySentence(c.text, c.citations) for c in sorted(chosen, key=lambda c: c.order))


def candidate_sentences(texts: tuple[ArticleText, ...]) -> list[Candidate]:
    """Summary-worthy sentences, identical ones merged with all their sources, in story order."""
    merged: dict[str, list] = {}
    for text in sorted(texts, key=lambda t: (t.article.published, t.article.path)):
        article = text.article
        for sentence in text.sentences:
            if not _eligible(text, sentence):
                continue
            key = " ".join(words(sentence.norm.lower()))
            citation = Citation(article.url, article.outlet, article.title, sentence.text)
            if key in merged:
                merged[key][2].append(citation)
            else:
                order = (article.published, article.path, sentence.index)
                merged[key] = [sentence.norm, sentence.text, [citation], order]
    return [
        Candidate(norm, shown, _unique(citations), order, _terms(norm))
        for norm, shown, citations, order in merged.values()
    ]


def _eligible(text: ArticleText, sentence) -> bool:
    if text.blocks[sentence.block].kind != PARAGRAPH:
        return False
    count = len(words(sentence.norm))
    if not MIN_WORDS <= count <= MAX_WORDS or sentence.norm.rstrip().endswith(":"):
        return False
    return not _DANGLING.match(sentence.norm.lstrip("\"' "))


def _unique(citations: list[Citation]) -> tuple[Citation, ...]:
    seen, unique = set(), []
    for citation in citations:
        if citation.url not in seen:
            seen.add(citation.url)
            unique.append(citation)
    return tuple(unique)


def _terms(norm: str) -> frozenset:
    return frozenset(w for w in words(norm.lower()) if len(w) > 2)


def rank_sentences(sentences: list[str], algorithm: str, language: str, titles=()) -> list[float]:
    """A score per sentence from the configured sumy summarizer (higher is better)."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence

    tokenizer = SumyTokenizer(language)
    headings = [SumySentence(t, tokenizer, is_heading=True) for t in titles]
    body = [SumySentence(s, tokenizer) for s in sentences]
    document = ObjectDocumentModel([Paragraph(headings + body)])
    summarizer = _summarizer(algorithm, language, tuple(sorted({w for t in titles for w in tokenizer.to_words(t)})))
    ranked = []

    def keep_all(infos):
        ranked.extend(infos)
        return infos

    summarizer(document, keep_all)
    scores = {info.sentence._text: float(info.rating) for info in ranked}  # sumy keys by text
    return [scores.get(s, 0.0) for s in sentences]


@lru_cache(maxsize=32)
def _summarizer(algorithm: str, language: str, title_words: tuple[str, ...]):
    from sumy.nlp.stemmers import Stemmer
    from sumy.utils import get_stop_words

    name = LANGUAGES.get(language, "english")
    stemmer, stop_words = Stemmer(name), get_stop_words(name)
    summarizer = _SUMMARIZERS[algorithm]()(stemmer)
    if algorithm == "edmundson":
        summarizer.bonus_words = [w for w in title_words if w.lower() not in stop_words] or ["news"]
        summarizer.stigma_words = _STIGMA_WORDS
        summarizer.null_words = stop_words
    else:
        summarizer.stop_words = stop_words
    return summarizer


def _import(module: str, name: str):
    def load():
        return getattr(__import__(f"sumy.summarizers.{module}", fromlist=[name]), name)

    return load


_SUMMARIZERS = {
    "lexrank": _import("lex_rank", "LexRankSummarizer"),
    "textrank": _import("text_rank", "TextRankSummarizer"),
    "lsa": _import("lsa", "LsaSummarizer"),
    "luhn": _import("luhn", "LuhnSummarizer"),
    "kl": _import("kl", "KLSummarizer"),
    "sumbasic": _import("sum_basic", "SumBasicSummarizer"),
    "edmundson": _import("edmundson", "EdmundsonSummarizer"),
    "reduction": _import("reduction", "ReductionSummarizer"),
}


def select(candidates: list[Candidate], scores: list[float], count: int, word_budget: int = 0) -> list[Candidate]:
    """Greedy maximal marginal relevance; near-duplicates credit their sources to the chosen one."""
    relevance = _normalise(scores)
    remaining = list(range(len(candidates)))
    chosen: list[int] = []
    credits: dict[int, list[Citation]] = {}
    words_used = 0
    while remaining and len(chosen) < (count if not word_budget else len(candidates)):
        best = max(remaining, key=lambda i: (_mmr(i, relevance, chosen, candidates), -i))
        remaining.remove(best)
        twin = _most_similar(best, chosen, candidates)
        if twin is not None and _similarity(candidates[best], candidates[twin]) > REDUNDANT:
            credits.setdefault(twin, []).extend(candidates[best].citations)
            continue
        length = len(words(candidates[best].norm))
        if word_budget and chosen and words_used + length > word_budget:
            break
        chosen.append(best)
        words_used += length
    return [_credited(candidates[i], credits.get(i, [])) for i in chosen]


def _mmr(index: int, relevance: list[float], chosen: list[int], candidates) -> float:
    penalty = max((_similarity(candidates[index], candidates[j]) for j in chosen), default=0.0)
    return MMR_LAMBDA * relevance[index] - (1 - MMR_LAMBDA) * penalty


def _most_similar(index: int, chosen: list[int], candidates):
    return max(chosen, key=lambda j: _similarity(candidates[index], candidates[j]), default=None)


def _similarity(a: Candidate, b: Candidate) -> float:
    if not a.terms or not b.terms:
        return 0.0
    return len(a.terms & b.terms) / math.sqrt(len(a.terms) * len(b.terms))


def _normalise(scores: list[float]) -> list[float]:
    low, high = min(scores), max(scores)
    return [(s - low) / (high - low) if high > low else 1.0 for s in scores]


def _credited(candidate: Candidate, extra: list[Citation]) -> Candidate:
    if not extra:
        return candidate
    return Candidate(candidate.norm, candidate.text, _unique(list(candidate.citations) + extra), candidate.order, candidate.terms)
