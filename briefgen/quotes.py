"""Direct quotations in an article and who said them.

Quote spans are found in the normalised text of the kept blocks. A block that opens a quote
and never closes it continues into the next block that opens with a quote mark (the news
convention for quotes over several paragraphs). Short quoted phrases (nicknames, scare
quotes, titles) are not direct speech and are skipped.
"""

import re
from dataclasses import dataclass

from .models import Block, Citation, KeyQuote, Quote, Sentence
from .typography import normalize, words

MIN_WORDS = 5
_VERBS = r"(?:said|says|told|tells|added|adds|asked|explained|warned|wrote|insisted|argued|claimed|noted|stated|declared|replied|continued)"
_NAME = r"(?P<name>(?:[A-Z][\w'.-]*\s){0,5}[A-Z][\w'-]+)"
_AFTER_QUOTE = (
    re.compile(rf"^\s*,?\s*{_NAME}(?:,[^,]{{1,120}},)?\s+{_VERBS}\b"),
    re.compile(rf"^\s*,?\s*{_VERBS}\s+{_NAME}"),
)
_BEFORE_QUOTE = re.compile(rf"{_NAME}(?:,[^,]{{1,120}},)?\s+{_VERBS}(?:\s+\w+){{0,3}}\s*:?\s*$")
_PRONOUN = re.compile(rf"(?:^|[.!?]\s+)(?:he|she|they)\s+{_VERBS}(?:\s+\w+){{0,3}}\s*:?\s*$", re.IGNORECASE)
_TITLE_WORDS = {
    "retired", "former", "us", "u.s.", "army", "general", "gen.", "lt.", "maj.", "col.", "sen.",
    "gov.", "rep.", "dr.", "prof.", "mr.", "mrs.", "ms.", "president", "minister", "spokesman",
    "spokeswoman", "spokesperson", "chief", "secretary", "leader", "major", "lieutenant",
    "fellow", "captain", "admiral", "senator", "governor", "mayor", "the",
}


@dataclass(frozen=True)
class _Span:
    block: int
    start: int
    end: int


def extract_quotes(blocks: tuple[Block, ...], sentences: tuple[Sentence, ...]) -> tuple[Quote, ...]:
    norms = [normalize(block.text) for block in blocks]
    quotes, last_speaker = [], ("", "")
    for pieces in _quote_spans(norms):
        text = " ".join(blocks[p.block].text[p.start : p.end].strip() for p in pieces)
        if len(text.split()) < MIN_WORDS:
            continue
        speaker = _speaker(norms, pieces, last_speaker)
        if speaker[0]:
            last_speaker = speaker
        quotes.append(Quote(text, speaker[0], speaker[1], _sentence_at(sentences, pieces[0])))
    return tuple(quotes)


def _quote_spans(norms: list[str]):
    """Lists of pieces, one list per quotation (several pieces when it spans paragraphs)."""
    open_pieces = []
    for number, norm in enumerate(norms):
        marks = [i for i, ch in enumerate(norm) if ch == '"']
        if open_pieces and not (marks and marks[0] == _first_visible(norm)):
            open_pieces = []  # an unclosed quote that does not continue: not a quotation
        if open_pieces:
            marks = marks[1:]
            if not marks:
                open_pieces.append(_Span(number, _first_visible(norm) + 1, len(norm)))
                continue
            open_pieces.append(_Span(number, _first_visible(norm) + 1, marks[0]))
            yield open_pieces
            open_pieces, marks = [], marks[1:]
        for opening, closing in zip(marks[::2], marks[1::2]):
            yield [_Span(number, opening + 1, closing)]
        if len(marks) % 2:
            open_pieces = [_Span(number, marks[-1] + 1, len(norm))]


def _first_visible(text: str) -> int:
    return len(text) - len(text.lstrip())


def _speaker(norms: list[str], pieces: list[_Span], last: tuple[str, str]) -> tuple[str, str]:
    after = norms[pieces[-1].block][pieces[-1].end + 1 :]
    for pattern in _AFTER_QUOTE:
        found = pattern.match(after)
        if found:
            return _split_role(found.group("name"))
    before = norms[pieces[0].block][: max(pieces[0].start - 1, 0)]
    found = _BEFORE_QUOTE.search(before)
    if found:
        return _split_role(found.group("name"))
    if _PRONOUN.search(before) or re.match(rf"^\s*,?\s*(?:he|she)\s+{_VERBS}", after):
        return last
    return "", ""


def _split_role(phrase: str) -> tuple[str, str]:
    """'retired Lt. Gen. Mark Hertling' -> ('Mark Hertling', 'retired Lt. Gen.')."""
    tokens = phrase.split()
    cut = 0
    while cut < len(tokens) - 1 and (tokens[cut].lower() in _TITLE_WORDS or tokens[cut].endswith(".")):
        cut += 1
    return " ".join(tokens[cut:]), " ".join(tokens[:cut])


def _sentence_at(sentences: tuple[Sentence, ...], piece: _Span) -> int:
    for sentence in sentences:
        if sentence.block == piece.block and sentence.start <= piece.start < sentence.end + 1:
            return sentence.index
    return 0


def key_quotes(texts, count: int) -> tuple[KeyQuote, ...]:
    """The topic's key quotes: the same words from several outlets merged, the most carried first."""
    merged: dict[str, list] = {}
    for text in sorted(texts, key=lambda t: (t.article.published, t.article.path)):
        article = text.article
        for quote in text.quotes:
            key = " ".join(words(normalize(quote.text).lower()))
            citation = Citation(article.url, article.outlet, article.title, quote.text)
            entry = merged.setdefault(key, [quote, []])
            if not entry[0].speaker and quote.speaker:
                entry[0] = quote
            if citation.url not in {c.url for c in entry[1]}:
                entry[1].append(citation)
    ranked = sorted(merged.values(), key=lambda e: (-len(e[1]), not e[0].speaker, -min(len(e[0].text), 300)))
    return tuple(KeyQuote(q.text, q.speaker, q.role, tuple(c)) for q, c in ranked[:count])
