"""Sentence splitting and word tokens for news prose, offline and fast.

A regular expression finds every place a sentence could end; `_ends_sentence` rejects the
ones that are abbreviations, initials, acronyms inside a name, or a question in quotes that
is followed by its attribution. Sentences never cross block (paragraph) boundaries.
"""

import re

from .models import Block, Sentence
from .typography import normalize, words

_CANDIDATE = re.compile(r"""([.!?…]+)(["')\]]*)\s+""")
_OPENERS = "\"'([¿¡"
_ACRONYM = re.compile(r"^(?:[^\W\d_]\.)+[^\W\d_]$")
_ATTRIBUTION = re.compile(
    r"^(?:[A-Z][\w'.-]*\s+){0,4}(?:said|says|asked|asks|added|adds|told|tells|wrote|writes|replied|shouted|cried|exclaimed)\b"
)

# Abbreviations that never end a sentence, and those that may (decided by the next word).
_TITLES = {
    "en": "mr mrs ms mx dr prof sen rep gov gen lt col maj capt cpt sgt cpl pvt cmdr adm brig rev hon pres supt det insp fr sr jr st mt ft no nos vs v cf approx dept fig vol ch pp",
    "de": "hr fr frl dr prof st nr bzw usw ca vgl evtl ggf inkl bzgl abs art str tel z u d s",
    "fr": "m mm mme mlle mgr dr pr me st ste av bd p cf vol",
    "es": "sr sra srta sres dr dra d dña ud uds av avda pág núm art cap",
    "it": "sig sigg dott prof avv ing on st",
    "pt": "sr sra dr dra prof av",
}
_MAY_END = "etc inc ltd co corp bros plc llc jr sr jan feb mar apr jun jul aug sep sept oct nov dec a.m p.m e.g i.e al"
_STARTERS = frozenset(
    """the a an he she it they we i you his her its their our my this that these those there here
    but and or so yet then still now in on at by for from with after before when while if as
    however meanwhile mr mrs ms dr one two some many most no not according officials""".split()
)
ABBREVIATIONS = {lang: frozenset(titles.split()) for lang, titles in _TITLES.items()}
MAY_END = frozenset(_MAY_END.split())


def split_blocks(blocks: tuple[Block, ...], language: str = "en") -> tuple[Sentence, ...]:
    """Every sentence of every block, numbered in reading order."""
    sentences = []
    for number, block in enumerate(blocks):
        norm = normalize(block.text)
        for start, end in sentence_spans(norm, language):
            sentences.append(Sentence(block.text[start:end], norm[start:end], number, start, end, len(sentences)))
    return tuple(sentences)


def sentence_spans(norm: str, language: str = "en") -> list[tuple[int, int]]:
    """(start, end) of each sentence in normalised text, white space trimmed."""
    titles = ABBREVIATIONS.get(language, ABBREVIATIONS["en"])
    spans, start = [], 0
    for match in _CANDIDATE.finditer(norm):
        if _ends_sentence(norm, match, titles, language):
            spans.append((start, match.end(2)))
            start = match.end()
    if norm[start:].strip():
        spans.append((start, len(norm.rstrip())))
    return [(s + _leading_space(norm, s), e) for s, e in spans if norm[s:e].strip()]


def _leading_space(text: str, start: int) -> int:
    return len(text[start : start + 50]) - len(text[start : start + 50].lstrip())


def _ends_sentence(norm: str, match: re.Match, titles: frozenset, language: str) -> bool:
    after = norm[match.end() : match.end() + 60]
    next_char = after.lstrip(_OPENERS)[:1]
    if not (next_char.isupper() or next_char.isdigit()):
        return False
    terminator = match.group(1)
    if terminator != ".":
        return not (match.group(2) and _ATTRIBUTION.match(after))
    token = _token_before(norm, match.start())
    lowered = token.lower()
    if lowered in titles or (len(token) == 1 and token.isalpha()):
        return False
    if language == "de" and token.isdigit() and len(token) <= 2:
        return False  # German ordinals: "am 3. Oktober"
    if lowered in MAY_END or _ACRONYM.match(token):
        return _next_word(after).lower() in _STARTERS
    return True


def _token_before(norm: str, end: int) -> str:
    start = max(norm.rfind(" ", 0, end), norm.rfind("\n", 0, end)) + 1
    return norm[start:end].lstrip(_OPENERS)


def _next_word(after: str) -> str:
    found = re.match(r"[\"'(\[¿¡]*([^\W\d_]+)", after)
    return found.group(1) if found else ""


class SumyTokenizer:
    """The tokenizer object sumy expects (`to_sentences`, `to_words`), built on this module.

    sumy's own Tokenizer needs NLTK's punkt data, which a fresh machine lacks; this one needs
    nothing downloaded and gives sumy exactly the sentences the rest of briefgen uses.
    """

    def __init__(self, language: str = "en"):
        self.language = language

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        norm = normalize(paragraph)
        return tuple(norm[s:e] for s, e in sentence_spans(norm, self.language))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(words(normalize(sentence)))
