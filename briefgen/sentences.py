"""Sentence splitting and word tokens for news prose, offline and fast.

A regular expression finds every run of sentence-ending marks (. ! ? …); the closing quotes
and brackets after it belong to the sentence. `_ends_sentence` keeps only the real ends: not
after a title, an initial or a number abbreviation, not after an acronym or "a.m." that runs
on into a name, not before the attribution of a quoted question ("Why?" she asked.), and
never inside a quotation, so a quote and its attribution stay one sentence. Sentences never
cross block (paragraph) boundaries.
"""

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from .models import Block, Sentence
from .typography import normalize, words

_TERMINATOR = re.compile(r"[.!?…]+")
_QUOTE = re.compile('"')
_OPEN_BRACKET = re.compile(r"\(")
_CLOSE_BRACKET = re.compile(r"\)")
_CLOSERS = "\"')]"
_OPENERS = "\"'([¿¡ "
_CURRENCIES = "$£€¥"
_BRAND = re.compile(r"[a-z][A-Z]")  # iPhone, eBay
_ACRONYM = re.compile(r"^(?:[^\W\d_]\.-?)+[^\W\d_]$")  # U.S, J.R.R, J.-P
_SPANISH_TIME = re.compile(r"\b[ap]\.\s?m$", re.IGNORECASE)
_NEXT_WORD = re.compile(r"[\"'(\[¿¡ ]*([^\W\d_]+)")
_ATTRIBUTION = re.compile(
    r"^(?:[A-Z][\w'.-]*(?:\s+|(?=,))){0,6}(?:,[^,.!?]{1,80},\s+)?(?:said|says|asked|asks|added|adds|told|tells|wrote|"
    r"writes|replied|shouted|cried|exclaimed|yelled|screamed|wondered|demanded|insisted|laughed|joked|"
    r"pleaded|began|continued|recalled|warned)\b"
)

# What may follow a final "." decides whether it ends a sentence. Per language:
# never: titles and words that always run on ("Dr.", "Lt. Gen.", "e.g.", "bzw.");
# number: ends only when no number follows ("No. 10", "Nr. 4", "pág. 14");
# may_end: ends when the next word commonly opens a sentence ("Mio. Euro", but "Mio. Die");
# list_end: closes a list, so ends before any capital ("etc. Prices", "usw. Die");
# suffix: ends a name ("Inc.", "Jr.", "Harbour St."), so ends unless a title or an institution
#   carries the name on ("Alder Steel Inc. Chief Executive ..."); with no name before it, it opens
#   one and is read as may_end ("St. Brendan's", "Sr. Alvarez").
# A language's own lists win over the English ones (German "St." is always Sankt).
_ENGLISH = {
    "never": """mr mrs ms mx messrs dr prof sen sens rep reps gov gen gens lt col maj capt cpt sgt cpl pvt pte
        cmdr cdr adm brig rev hon pres supt det insp fr mt ft vs v cf e.g i.e dept univ assn atty amb smt engr pfc spr bdr lbdr""",
    "number": "no nos nr fig figs vol vols p pp ch chap sec s art para approx est ca tel",
    "may_end": "",
    "list_end": "etc al",
    "suffix": "inc ltd co corp bros plc llc s.a n.v s.p.a jr sr st ave rd blvd ph.d",
    "starters": """the a an he she it they we i you his her its their our my your this that these those there
        here but and or so yet then still now in on at by for from with after before when while if as however
        meanwhile mr mrs ms dr one two three some many most no not according officials both neither all each
        nobody none what who why how where which later earlier since until under over during despite
        although though because also only even just last next new more other such another every any few""",
}
_LANGUAGES = {
    "de": {
        "never": "hr fr frl dr prof med phil jur rer nat dent vet bzw vgl evtl ggf inkl bzgl jh geb gest zzgl",
        "number": "nr ca abs art tel s",
        "may_end": "mio mrd str st",
        "list_end": "usw etc",
        "starters": """der die das den dem des ein eine einen einem einer er sie es wir ich ihr man in im am an
            auf aus bei mit nach seit seitdem von vom vor zu zum zur und aber doch auch dies diese dieser dieses
            dabei damit dann danach deshalb trotzdem laut nun jetzt heute gestern so wie wenn als ob zudem
            außerdem bereits noch nur alle viele kein keine""",
    },
    "fr": {
        "never": "m mm mme mmes mlle mlles mgr dr pr me st ste av bd cf ex",
        "number": "p pp vol art env",
        "list_end": "etc",
        "starters": """le la les l un une des du de il elle ils elles on nous je vous ce cette ces cet en dans à
            au aux mais et ou donc puis alors selon pour par avec sans depuis après avant lors hier personne rien
            tout tous toutes son sa ses leur leurs sur sous""",
    },
    "es": {
        "never": "sr sra srta sres srs dr dra d dña ud uds av avda gral cnel lic ing excmo sto sta ee",
        "number": "pág núm art cap aprox",
        "may_end": "uu",
        "suffix": "cía s.l",
        "list_end": "etc",
        "starters": """el la los las lo un una unos unas en pero y o sin según este esta estos estas ese esa eso
            se su sus no sí también además mientras cuando si por para con desde tras ante ayer hoy nadie todo
            todos ya""",
    },
    "it": {"never": "sig sigg dott prof avv ing on st", "number": "pag art", "list_end": "ecc"},
    "pt": {"never": "sr sra dr dra prof av", "number": "pág art", "list_end": "etc"},
}
_CATEGORIES = ("never", "number", "may_end", "list_end", "suffix")
# Dotted acronyms that name a place or body ("the U.N."), not a person's initials ("J.R. Okafor").
_BODIES = frozenset("u.s u.k u.n e.u d.c u.s.a u.a.e u.s.s.r n.y l.a".split())
# Capitalised words that carry a name on after an acronym or a suffix: "U.S. Navy", "Inc. CEO".
# Any other capital after one of those starts a sentence ("the U.N. Fighting resumed").
_NAME_GOES_ON = frozenset(
    """army navy marines corps senate congress parliament assembly embassy consulate mission envoy
    ambassador delegation secretary secretary-general commission commissioner agency bureau department
    ministry treasury president minister chancellor premier governor senator representative court
    courts open championship championships ceo cfo coo chairman chairwoman director""".split()
)
# Words that do so only as the first of a longer name ("U.N. Security Council", "U.S. House of
# Representatives"); before a common word they open a sentence ("the U.K. House prices rose").
_NAME_GOES_ON_BEFORE_NAME = frozenset(
    """air coast national special border customs security general supreme district federal central state
    trade justice defense defence commerce health human refugee food development environment olympic
    house government chief executive managing vice prime attorney""".split()
)
# 'U.S. Geological Survey', 'U.S. Fish and Wildlife Service': capitalised words ending in a body's head noun
_BODY_NAME = re.compile(
    r" *(?:[A-Z][\w'-]*[ -]+(?:(?:of|and|for) +)?){1,3}(?:Survey|Services?|Administration|Bureau|Office|Agency|Institutes?|Commission"
    r"|Guard|Authority|Board|Corporation|Foundation|Association|Center|Centre|Laboratory|Reserve|Academy|Department|Council|Court|Force)\b"
)
_NAME_LINK = re.compile(r"[\"'(\[ ]*[^\W\d_]+(?:'s)?[\s-]+(?:of\s+|and\s+|for\s+)?[A-Z]")  # "Attorney's Office"
_MONTHS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
_GERMAN_MONTHS = frozenset(
    """januar jänner februar märz april mai juni juli august september oktober november dezember jan feb mär
    apr jun jul aug sep sept okt nov dez""".split()
)
_GERMAN_ARTICLES = frozenset(
    """am im zum zur vom beim der die das den dem des ein eine einem einen einer eines sein seine seinem seinen
    seiner ihr ihre ihrem ihren ihrer unser unsere unserem unseren unserer jeder jedem jeden dieser diesem
    diesen dieses""".split()
)
_TIMES = frozenset(("a.m", "p.m"))
_TIME_GOES_ON = frozenset(
    """et est edt ct cst cdt mt mst pt pst pdt gmt bst utc cet cest eastern central mountain pacific local
    monday tuesday wednesday thursday friday saturday sunday""".split()
)


@dataclass(frozen=True)
class Vocabulary:
    never: frozenset
    number: frozenset
    may_end: frozenset
    list_end: frozenset
    suffix: frozenset
    starters: frozenset

    @property
    def abbreviations(self) -> frozenset:
        """Words whose full stop may not end a sentence, numbers aside."""
        return self.never | self.may_end | self.list_end | self.suffix


@lru_cache(maxsize=16)
def vocabulary(language: str) -> Vocabulary:
    """English abbreviations and sentence openers, plus those of `language` (which win)."""
    own = {k: frozenset(_LANGUAGES.get(language, {}).get(k, "").split()) for k in (*_CATEGORIES, "starters")}
    overridden = frozenset().union(*(own[k] for k in _CATEGORIES))
    categories = [own[k] | (frozenset(_ENGLISH[k].split()) - overridden) for k in _CATEGORIES]
    return Vocabulary(*categories, own["starters"] | frozenset(_ENGLISH["starters"].split()))


def split_blocks(blocks: tuple[Block, ...], language: str = "en") -> tuple[Sentence, ...]:
    """Every sentence of every block, numbered in reading order."""
    sentences = []
    for number, block in enumerate(blocks):
        norm = normalize(block.text)
        for start, end in sentence_spans(norm, language):
            text = block.text[start:end]
            same = norm[start:end] == text  # most sentences have no curly quotes: one string serves both
            sentences.append(Sentence(text, text if same else norm[start:end], number, start, end, len(sentences)))
    return tuple(sentences)


def sentence_spans(norm: str, language: str = "en") -> list[tuple[int, int]]:
    """(start, end) of each sentence in normalised text, white space trimmed."""
    return list(_spans(norm, language))


@lru_cache(maxsize=4096)
def _spans(norm: str, language: str) -> tuple[tuple[int, int], ...]:
    """`sentence_spans`, remembered: quotes and speakers split the same paragraphs again."""
    vocab = vocabulary(language)
    quotes = _quote_marks(norm)
    brackets = _Brackets(norm)
    spans, start = [], 0
    for match in _TERMINATOR.finditer(norm):
        end = _after_closers(norm, match.end(), quotes)
        if end == len(norm) or not norm[end].isspace() or bisect_left(quotes, end) % 2 or brackets.inside(end):
            continue  # no space after it, or inside a quotation or brackets
        if _ends_sentence(norm, match, end, vocab, language):
            spans.append((start, end))
            start = end
    if norm[start:].strip():
        spans.append((start, len(norm.rstrip())))
    return tuple((s + _leading_space(norm, s), e) for s, e in spans if norm[s:e].strip())


def ends_sentence_at_break(before: str, after: str, language: str = "en") -> bool:
    """Whether a line break between `before` and `after`, lines of one paragraph, ends a sentence."""
    before = before.rstrip()
    joined = normalize(before + " " + after.lstrip())
    return any(end == len(before) for _, end in sentence_spans(joined, language))


def _quote_marks(norm: str) -> list[int]:
    """Positions of double quote marks; a paragraph that starts by closing a quotation opened in
    the one before gets a virtual opening mark at -1, so marks pair up as (open, close)."""
    marks = [m.start() for m in _QUOTE.finditer(norm)]
    if len(marks) % 2 and marks[0] > 0 and not norm[marks[0] - 1].isspace() and norm[marks[0] - 1] not in "([-/":
        marks.insert(0, -1)
    return marks


class _Brackets:
    """Where round brackets are open: a sentence never ends inside a closed parenthesis."""

    def __init__(self, norm: str):
        self.opens = [m.start() for m in _OPEN_BRACKET.finditer(norm)]
        self.closes = [m.start() for m in _CLOSE_BRACKET.finditer(norm)] if self.opens else []

    def inside(self, index: int) -> bool:
        if not self.opens:
            return False
        closed = bisect_left(self.closes, index)
        return bisect_left(self.opens, index) > closed and closed < len(self.closes)


def _after_closers(norm: str, index: int, quotes: list[int]) -> int:
    """The end of a sentence whose last mark ends at `index`: past closing quotes and brackets,
    including a closing guillemet set off by a space (French « ... »)."""
    while index < len(norm):
        char = norm[index]
        if char in _CLOSERS:
            index += 1
        elif char == " " and norm[index + 1 : index + 2] == '"' and bisect_left(quotes, index + 1) % 2:
            index += 2
        else:
            break
    return index


def _leading_space(text: str, start: int) -> int:
    return len(text[start : start + 50]) - len(text[start : start + 50].lstrip())


def _ends_sentence(norm: str, match: re.Match, end: int, vocab: Vocabulary, language: str) -> bool:
    after = norm[end : end + 80].lstrip()
    first = after.lstrip(_OPENERS)[:1]
    if not (first.isupper() or first.isdigit() or first in _CURRENCIES or _BRAND.match(after)):
        return False
    marks = match.group()
    if "?" in marks or "!" in marks:
        return not ('"' in norm[match.end() : end] and _ATTRIBUTION.match(after.lstrip(_OPENERS)))
    if len(marks) > 1 or marks == "…" or end > match.end():
        return True  # an ellipsis, or a full stop inside closing quotes or brackets
    return _ends_after_word(norm, match.start(), after, first, vocab, language)


def _ends_after_word(norm: str, stop: int, after: str, first: str, vocab: Vocabulary, language: str) -> bool:
    """Whether the "." at `stop`, followed by `after` (which starts with `first`), ends a sentence."""
    token = _token_before(norm, stop)
    lowered = token.lower()
    if language == "de" and len(lowered) > 3 and lowered.endswith("str"):
        lowered = "str"  # a street: "Lindenstr. 12"
    if len(token) == 1 and token.isupper():
        return _starts_sentence(after, vocab)  # an initial ("James A. Marks") or "vitamin D. It"
    if lowered in vocab.never:
        return False  # a title: "Dr. Okafor"
    if lowered in vocab.number or lowered in _MONTHS:
        if first.isdigit():
            return False
        return lowered in vocab.number or _starts_sentence(after, vocab)
    if lowered in _TIMES or (lowered == "m" and _SPANISH_TIME.search(norm, max(0, stop - 6), stop)):
        return _next_word(after).lower() not in _TIME_GOES_ON
    if len(token) == 1 and token.isalpha():
        return False
    if lowered in vocab.list_end:
        return not first.isdigit()
    if lowered in vocab.suffix and not _name_word(_word_before(norm, stop - len(token))):
        return _starts_sentence(after, vocab)  # no name to end, so it opens one: "from St. Brendan's Quay"
    if lowered in vocab.suffix or _names_a_body(norm, stop - len(token), token, lowered):
        return not first.isdigit() and not _name_goes_on(after)
    if lowered in vocab.may_end or _ACRONYM.match(token):
        return _starts_sentence(after, vocab)  # initials: "J.R. Okafor"
    if language == "de" and token.isdigit() and len(token) <= 2:
        return _ends_after_german_number(norm, stop - len(token), after, vocab)
    return True


def _name_goes_on(after: str) -> bool:
    """Whether `after` carries on the name before it: "Navy said", "Security Council met"."""
    word = _next_word(after).lower()
    return word in _NAME_GOES_ON or word in _NAME_GOES_ON_BEFORE_NAME and bool(_NAME_LINK.match(after)) or bool(_BODY_NAME.match(after))


def _names_a_body(norm: str, start: int, token: str, lowered: str) -> bool:
    """"U.N.", or any dotted acronym after "the" ("the A.U."): a place or body, not initials."""
    return lowered in _BODIES or bool(_ACRONYM.match(token)) and _word_before(norm, start).lower() == "the"


def _ends_after_german_number(norm: str, start: int, after: str, vocab: Vocabulary) -> bool:
    """"auf 17. Drei von ihnen" ends; an ordinal does not: before a month ("3. Oktober") or after
    an article ("der 17. Spieltag", "am 3. Die" aside)."""
    if _next_word(after).lower() in _GERMAN_MONTHS:
        return False
    if _word_before(norm, start).lower() in _GERMAN_ARTICLES:
        return _starts_sentence(after, vocab)
    return True


def _word_before(norm: str, start: int) -> str:
    """The word before the one starting at `start`, in the same sentence ("" after a full stop)."""
    before = norm[max(0, start - 60) : start].split()
    word = before[-1] if before else ""
    return "" if word.endswith((".", "!", "?", ":", ";")) else word.lstrip(_OPENERS)


def _name_word(word: str) -> bool:
    return word[:1].isupper() or word == "&"


def _starts_sentence(after: str, vocab: Vocabulary) -> bool:
    return _next_word(after).lower() in vocab.starters


def _token_before(norm: str, end: int) -> str:
    start = max(norm.rfind(" ", 0, end), norm.rfind("\n", 0, end)) + 1
    return norm[start:end].lstrip(_OPENERS)


def _next_word(after: str) -> str:
    found = _NEXT_WORD.match(after)
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
