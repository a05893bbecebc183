"""One extractive summary per topic and day over all its articles.

1. Candidates: readable sentences of paragraphs (never list items or headings; cleaning has
   already dropped captions, teasers and other page furniture). A syndicated copy's
   sentences are folded into its original's, and identical sentences are merged, each
   keeping every source that carries it, so the ranking counts each once.
2. sumy ranks the candidates over the whole topic (`rank_sentences`: the adapter to sumy).
3. Relevance blends sumy's score with the lead and headline cues (`salience`); selection by
   maximal marginal relevance (selection.py) leaves out a sentence that says what a chosen
   one says and credits its sources on the chosen one.
4. Story order: by the publication time of the first source, then position in it.

Editors steer it with `summary:` controls (see `SummaryControls`): pinned sentences come
first, dropped ones never, an article can be capped, and a hand-written text replaces it all.
"""

import math
import re
from dataclasses import dataclass
from functools import lru_cache, reduce

import numpy

from .config import LANGUAGES, Config
from .errors import Problem, warning
from .models import PARAGRAPH, Article, ArticleText, Block, Citation, Republished, SummaryControls, SummarySentence, Topic
from .rankers import FastLexRankSummarizer, FastTextRankSummarizer, cached
from .selection import MIN_WORDS, Candidate, Length, SimilarityIndex, cosine, normalise, select, unique
from .sentences import SumyTokenizer, split_blocks
from .typography import normalize, words

MAX_WORDS = 55
SAME_SENTENCE = 0.8  # term cosine above which a copy's sentence is its original's, re-edited
ATTRIBUTED = 0.3  # term cosine above which an article carries a hand-written sentence
LEAD_WEIGHT = 0.3  # share of a sentence's relevance that comes from how early its article says it
TITLE_WEIGHT = 0.2  # share that comes from resembling a headline of the topic (Edmundson's title cue)
QUOTE_DISCOUNT = 0.5  # relevance lost by a sentence that is all direct speech (the quotes section has it)
LEAD_MIN_WORDS = 15  # an article's story starts at its first paragraph this long (not a caption)
MAX_RANKED = 2000  # sentences sumy ranks per topic and day; its matrices grow with the square (README: Safety and limits)
NO_POSITION = 1_000  # the place of sentences before that paragraph: no lead bonus
_DANGLING = re.compile(
    r"^(?:he|she|they|it|this|that|these|those|his|her|their|its|but|and|or|so|however|also|"
    r"meanwhile|still|yet|instead|then|there|here|such|both|neither|nor|though|although|thus|"
    r"moreover|furthermore|nevertheless|otherwise|besides|likewise|similarly|later|earlier)\b",
    re.IGNORECASE,
)
_PRONOUN_SPEAKER = re.compile(
    r"[,?!]\s*\"\s*(?:he|she|they)\s+(?:said|says|added|adds|told|tells|asked|explained|warned|"
    r"insisted|argued|replied|continued)\b",
    re.IGNORECASE,
)
_STIGMA_WORDS = ("reportedly", "allegedly", "click", "subscribe", "newsletter", "advertisement")


def summarize_topic(
    texts: tuple[ArticleText, ...], config: Config, topic: Topic | None = None, copies: tuple[Republished, ...] = ()
) -> tuple[SummarySentence, ...]:
    """The summary of one topic on one day, in story order."""
    if not texts:
        return ()
    controls = topic.summary if topic else SummaryControls()
    language = texts[0].article.language
    written = controls.written_for(texts[0].article.briefing) or _written_by_article(texts)
    if written:
        return written_summary(written, texts, language)
    candidates = candidate_sentences(texts, copies, controls, language)
    if not candidates:
        return ()
    ranking = rank_leads(candidates, config.summarizer, language, [t.article.title for t in texts])
    similar = SimilarityIndex([c.terms for c in candidates])
    headlines = [Terms.for_language(language)(normalize(t.article.title)) for t in texts]
    relevance = salience(candidates, ranking, reduce(numpy.maximum, (similar.to(h) for h in headlines)))
    caps = {t.article.url: t.article.summary.sentences for t in texts if t.article.summary.sentences is not None}
    chosen = select(candidates, relevance, summary_length(config, controls), caps, similar)
    return tuple(SummarySentence(c.text, c.citations) for c in sorted(chosen, key=lambda c: c.order))


def salience(candidates: list[Candidate], scores: list[float], headline: numpy.ndarray) -> numpy.ndarray:
    """sumy's score, scaled to 0..1, blended with two classic cues of news summaries.

    News puts its main facts first, so an early sentence gains (the lead cue); a headline is
    an editor's one-line summary, so a sentence like one gains (the title cue: `headline` is
    each sentence's greatest similarity to a headline of the topic). A sentence
    that is mostly a quotation loses, since the key quotes are shown beside the summary.
    """
    centrality = normalise(numpy.asarray(scores, dtype=float))
    lead = 1.0 / (1.0 + numpy.array([c.position for c in candidates], dtype=float))
    quoted = numpy.array([quoted_share(c.norm, c.size) for c in candidates])
    mixed = (1 - LEAD_WEIGHT - TITLE_WEIGHT) * centrality + LEAD_WEIGHT * lead + TITLE_WEIGHT * normalise(headline)
    return mixed * (1 - QUOTE_DISCOUNT * quoted)


def quoted_share(norm: str, size: int) -> float:
    """The share of a sentence's `size` words that are inside double quotes."""
    inside = sum(len(words(span)) for span in norm.split('"')[1::2])
    return inside / max(1, size)


def summary_length(config: Config, controls: SummaryControls) -> Length:
    """A topic's own `sentences`/`words` replace the site's; the site's words replace its sentences."""
    if controls.sentences is None and controls.words is None:
        return Length(None, config.summary_words) if config.summary_words else Length(config.summary_sentences)
    if controls.words:
        return Length(controls.sentences, controls.words)
    return Length(controls.sentences or config.summary_sentences)


def _written_by_article(texts: tuple[ArticleText, ...]) -> str:
    return next((t.article.summary.written_for(t.article.briefing) for t in texts if t.article.summary.written), "")


# 1. Candidates


def candidate_sentences(
    texts: tuple[ArticleText, ...], copies: tuple[Republished, ...] = (), controls: SummaryControls = SummaryControls(), language: str = "en"
) -> list[Candidate]:
    """Summary-worthy sentences, merged across sources, in story order."""
    pool = _Pool(Terms.for_language(language), {c.article.url: c.original.url for c in copies})
    for text in sorted(texts, key=lambda t: (t.article.published, t.article.path)):
        pool.add_article(text, _Rules(controls, text.article))
    return pool.candidates()


@dataclass
class _Rules:
    """Which sentences of one article may be used, and which an editor pinned or dropped."""

    controls: SummaryControls
    article: Article
    title: str = ""

    def __post_init__(self):
        self.title = match_key(self.article.title)
        self.pins = [match_key(p) for p in self.controls.pin + self.article.summary.pin]
        self.drops = [match_key(d) for d in self.controls.drop + self.article.summary.drop]

    def pinned(self, key: str) -> bool:
        return any(_contains(key, pin) for pin in self.pins)

    def dropped(self, key: str) -> bool:
        return any(_contains(key, drop) for drop in self.drops)

    def readable(self, norm: str, key: str) -> bool:
        count = len(key.split())
        return (
            MIN_WORDS <= count <= MAX_WORDS
            and not norm.rstrip().endswith(":")
            and not norm.lstrip().startswith("-")  # '— Denise Wrathall, caterer' signs a quote
            and norm.count('"') % 2 == 0
            and key != self.title
        )


def dangling(norm: str) -> bool:
    """True if the sentence needs the one before it: "But ...", "He said: ...", '"...," she said.'."""
    return bool(_DANGLING.match(norm.lstrip("\"' ")) or _PRONOUN_SPEAKER.search(norm))


def match_key(text: str) -> str:
    """Lowercase words only: how sentences are compared with each other and with editors' text."""
    return key_of(words(normalize(text)))


def key_of(tokens: list[str]) -> str:
    return " ".join(tokens).lower()  # as lowering each token: casing rules stop at a space


def _contains(key: str, part: str) -> bool:
    return bool(part) and f" {part} " in f" {key} "


class _Pool:
    """Candidates being gathered: merged by text, copies folded into their originals."""

    def __init__(self, terms: "Terms", copy_of: dict[str, str]):
        self.terms = terms
        self.copy_of = copy_of
        self.by_key: dict[str, int] = {}
        self.found: list[dict] = []
        self.sentences_of: dict[str, list[tuple[frozenset, int]]] = {}

    def add_article(self, text: ArticleText, rules: _Rules) -> None:
        article = text.article
        original = self.sentences_of.get(self.copy_of.get(article.url, ""))
        own: list[tuple[frozenset, int]] = []
        previous = -1
        body = self._body_start(text)
        for sentence in text.sentences:
            if text.blocks[sentence.block].kind != PARAGRAPH:
                previous = -1
                continue
            position = len(own) - body if len(own) >= body else NO_POSITION
            tokens = words(sentence.norm)
            stems = list(map(self.terms.term, tokens))
            terms = self.terms.of_stems(stems)
            citation = Citation(article.url, article.outlet, article.title, sentence.text)
            number = self._matching(original, terms) if original is not None else None
            if number is None:
                order = (article.published, article.path, sentence.index)
                number = self._add(sentence, (tokens, stems, terms), citation, rules, previous, order)
            elif number >= 0:
                self.found[number]["citations"].append(citation)
            if number >= 0:
                self.found[number]["position"] = min(self.found[number].get("position", position), position)
            own.append((terms, number))
            previous = number
        self.sentences_of[article.url] = own

    @staticmethod
    def _body_start(text: ArticleText) -> int:
        """How many paragraph sentences come before the article's first real paragraph."""
        seen = 0
        for number, block in enumerate(text.blocks):
            if block.kind != PARAGRAPH:
                continue
            inside = sum(1 for s in text.sentences if s.block == number)
            if len(words(normalize(block.text))) >= LEAD_MIN_WORDS:
                return seen
            seen += inside
        return 0

    def _matching(self, original: list[tuple[frozenset, int]], terms: frozenset) -> int | None:
        """The original's candidate for a copy's sentence (-1: not a candidate), or None."""
        best = max(original, key=lambda item: cosine(terms, item[0]), default=None)
        return best[1] if best is not None and cosine(terms, best[0]) >= SAME_SENTENCE else None

    def _add(self, sentence, parsed: tuple, citation: Citation, rules: _Rules, previous: int, order: tuple) -> int:
        tokens, stems, terms = parsed  # its words, their terms in order (None: a stop word), the set of terms
        key = key_of(tokens)
        if key in self.by_key:
            number = self.by_key[key]
            self.found[number]["citations"].append(citation)
            return number
        pinned = rules.pinned(key)
        if not pinned and (rules.dropped(key) or not rules.readable(sentence.norm, key)):
            return -1
        lead = -1
        if dangling(sentence.norm):
            if previous >= 0 and self.found[previous]["lead"] < 0:
                lead, order = previous, self.found[previous]["order"] + (0,) + order
            elif not pinned:
                return -1
        self.by_key[key] = len(self.found)
        self.found.append({
            "norm": sentence.norm, "text": sentence.text, "tokens": tuple(tokens), "citations": [citation], "order": order, "terms": terms,
            "facts": terms - self.terms.names(tokens, stems), "lead": lead, "pinned": pinned, "stems": tuple(s for s in stems if s is not None),
        })
        return len(self.found) - 1

    def candidates(self) -> list[Candidate]:
        return [Candidate(**{**found, "citations": unique(found["citations"])}) for found in self.found]


class Terms:
    """Content words of a sentence, stemmed, as a set: what similarity is measured on."""

    def __init__(self, stem, stop_words: frozenset):
        self.stem = stem
        self.stop_words = stop_words
        self.term = lru_cache(maxsize=200_000)(self._term)  # news repeats its vocabulary

    @staticmethod
    @lru_cache(maxsize=8)
    def for_language(language: str) -> "Terms":
        from sumy.utils import get_stop_words

        return Terms(stemmer(language), frozenset(get_stop_words(LANGUAGES.get(language, "english"))))

    def __call__(self, norm: str) -> frozenset:
        return self.of(words(norm))

    def of(self, tokens: list[str]) -> frozenset:
        return self.of_stems(map(self.term, tokens))

    @staticmethod
    def of_stems(stems) -> frozenset:
        """The set of `term`s of a sentence's words (None for its stop words)."""
        terms = set(stems)
        terms.discard(None)
        return frozenset(terms)

    def _term(self, token: str) -> str | None:
        """The stemmed word, or None for a stop word."""
        lowered = token.lower()
        return None if lowered in self.stop_words else self.stem(lowered)

    def names(self, tokens: list[str], stems: list) -> frozenset:
        """Stems of the words capitalised inside the sentence (people, places, bodies); `stems`
        are the tokens' terms, None for stop words."""
        return frozenset(
            stem if stem is not None else self.stem(token.lower()) for token, stem in zip(tokens[1:], stems[1:]) if token[0].isupper()
        )


# 2. Ranking: the adapter to sumy


def rank_leads(candidates: list[Candidate], algorithm: str, language: str, titles: list[str]) -> list[float]:
    """sumy's score of each candidate. Past MAX_RANKED candidates only the MAX_RANKED that come
    earliest in their articles (pinned ones first, then leads, then story order) are ranked;
    the others score as the lowest of those, so time and memory stay bounded."""
    if len(candidates) <= MAX_RANKED:
        return rank_sentences([c.norm for c in candidates], algorithm, language, titles, [c.tokens for c in candidates], [c.stems for c in candidates])
    order = sorted(range(len(candidates)), key=lambda n: (not candidates[n].pinned, candidates[n].position, candidates[n].order))
    ranked = sorted(order[:MAX_RANKED])
    scores = rank_sentences(
        [candidates[n].norm for n in ranked], algorithm, language, titles, [candidates[n].tokens for n in ranked], [candidates[n].stems for n in ranked]
    )
    ranking = [min(scores)] * len(candidates)
    for number, score in zip(ranked, scores):
        ranking[number] = score
    return ranking


def rank_sentences(sentences: list[str], algorithm: str, language: str, titles=(), tokens=None, stems=None) -> list[float]:
    """A score per sentence from the configured sumy summarizer (higher is better).

    `tokens` may give each sentence's words (`words(sentence)`), already split, and `stems`
    its terms as LexRank and TextRank read them (lowered, stemmed, stop words out). sumy keys its
    ratings by sentence text, so the sentences must be distinct (candidates are).
    """
    tokenizer = SumyTokenizer(language)
    title_words = tuple(sorted({w for t in titles for w in tokenizer.to_words(t)})) if algorithm == "edmundson" else ()
    summarizer = _summarizer(algorithm, language, title_words)
    with numpy.errstate(invalid="ignore", divide="ignore"):  # a text of stop words only: all-zero matrix
        if isinstance(summarizer, (FastLexRankSummarizer, FastTextRankSummarizer)):  # no document objects needed
            if stems is None:
                tokens = tokens if tokens is not None else [tokenizer.to_words(s) for s in sentences]
                stems = [summarizer.words_of(t) for t in tokens]
            ratings = summarizer.rate(stems)
            scores = dict(zip((s.strip() for s in sentences), ratings))
        else:
            scores = _sumy_ratings(summarizer, sentences, titles, tokenizer)
    return [_finite(scores[s.strip()]) if s.strip() in scores else 0.0 for s in sentences]


def _sumy_ratings(summarizer, sentences: list[str], titles, tokenizer) -> dict:
    """{sentence text: rating} from a sumy summarizer run on a document of `sentences`."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence

    headings = [SumySentence(t, tokenizer, is_heading=True) for t in titles]
    body = [SumySentence(s, tokenizer) for s in sentences]
    ranked = []

    def keep_all(infos):
        ranked.extend(infos)
        return infos

    summarizer(ObjectDocumentModel([Paragraph(headings + body)]), keep_all)
    return {info.sentence._text: info.rating for info in ranked}


def _finite(rating) -> float:
    """A rating as a float; NaN (a text of stop words only) is 0."""
    rating = float(rating)
    return rating if math.isfinite(rating) else float(numpy.nan_to_num(rating))


@lru_cache(maxsize=8)
def stemmer(language: str):
    """sumy's stemmer for the language, one per process, remembering the words it stemmed."""
    from sumy.nlp.stemmers import Stemmer

    return cached(Stemmer(LANGUAGES.get(language, "english")))


@lru_cache(maxsize=32)
def _summarizer(algorithm: str, language: str, title_words: tuple[str, ...]):
    """A summarizer; only Edmundson's depends on the headlines (its bonus words)."""
    from sumy.utils import get_stop_words

    stop_words = get_stop_words(LANGUAGES.get(language, "english"))
    summarizer = _SUMMARIZERS[algorithm]()(stemmer(language))
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
    "lexrank": lambda: FastLexRankSummarizer,
    "textrank": lambda: FastTextRankSummarizer,
    "lsa": _import("lsa", "LsaSummarizer"),
    "luhn": _import("luhn", "LuhnSummarizer"),
    "kl": _import("kl", "KLSummarizer"),
    "sumbasic": _import("sum_basic", "SumBasicSummarizer"),
    "edmundson": _import("edmundson", "EdmundsonSummarizer"),
    "reduction": _import("reduction", "ReductionSummarizer"),
}


# Hand-written summaries


def written_summary(text: str, texts: tuple[ArticleText, ...], language: str = "en") -> tuple[SummarySentence, ...]:
    """An editor's summary, each sentence citing the articles that carry a sentence like it.

    A sentence no article resembles cites every article of the topic that day.
    """
    terms = Terms.for_language(language)
    paragraphs = [Block(" ".join(part.split())) for part in re.split(r"\n\s*\n", text) if part.strip()]
    summary = []
    for sentence in split_blocks(tuple(paragraphs), language):
        wanted = terms(sentence.norm)
        citations = [c for c in (_best_citation(t, wanted, terms) for t in texts) if c is not None]
        fallback = [Citation(t.article.url, t.article.outlet, t.article.title, "") for t in texts]
        summary.append(SummarySentence(sentence.text, unique(citations or fallback), written=True))
    return tuple(summary)


def _best_citation(text: ArticleText, wanted: frozenset, terms: Terms) -> Citation | None:
    scored = [(cosine(wanted, terms(s.norm)), s.index, s) for s in text.sentences]
    if not scored:
        return None
    score, _, sentence = max(scored, key=lambda item: (item[0], -item[1]))
    article = text.article
    return Citation(article.url, article.outlet, article.title, sentence.text) if score >= ATTRIBUTED else None


# Checking the controls against the articles


def unused_controls(topics: tuple[Topic, ...], texts: tuple[ArticleText, ...], topics_file: str) -> tuple[Problem, ...]:
    """Warnings for pins and drops that match no sentence, and for a second hand-written text."""
    steered = {topic.id for topic in topics if topic.summary.pin or topic.summary.drop}
    keys = {
        t.article.url: [match_key(s.norm) for s in t.sentences]
        for t in texts if t.article.topic in steered or t.article.summary.pin or t.article.summary.drop
    }
    problems = []
    for text in texts:
        article = text.article
        fix = f"copy the words as `briefgen inspect {article.path}` shows them"
        problems += _unmatched(article.summary, keys.get(article.url, []), article.path, "this article", fix)
    for topic in topics:
        members = [key for t in texts if t.article.topic == topic.id for key in keys.get(t.article.url, [])]
        problems += _unmatched(topic.summary, members, topics_file, f"topic '{topic.id}'", "copy the words from the article")
    written: dict[tuple, str] = {}
    for text in texts:
        article = text.article
        if article.summary.written:
            first = written.setdefault((article.topic, article.briefing), article.path)
            if first != article.path:
                message = f"{first} already has a hand-written summary for this topic and day; this one is not used"
                problems.append(warning(article.path, message, field="summary: text"))
    return tuple(problems)


def _unmatched(controls: SummaryControls, keys: list[str], path: str, where: str, fix: str) -> list[Problem]:
    return [
        warning(path, f"no sentence of {where} contains '{part}'; {fix}", field=f"summary: {kind}")
        for kind, parts in (("pin", controls.pin), ("drop", controls.drop))
        for part in parts
        if not any(_contains(key, match_key(part)) for key in keys)
    ]
