"""Direct quotations in an article: where they are, what they say, who said them.

Quotations are found in the normalised text of the kept blocks, so every offset is also an
offset in the text readers see. News conventions handled here:

- a quote over several paragraphs: each paragraph opens with a quote mark, only the last
  closes; a paragraph that does not open with one ends the quotation unclosed (dropped);
- a quote split by its attribution ("...," she said. "...") is one quotation, also when
  its second part runs on over paragraphs; a quote that closes in its paragraph is whole;
- quotes in single marks ('...,' she said), as British papers print them, where no double
  mark encloses them; an apostrophe ("don't", "the players' union") is not a quote mark;
- quoted phrases that are not speech are skipped: scare quotes and other short phrases
  (fewer than MIN_WORDS words), nicknames (James "Spider" Marks) and titles of works.

Who said each quotation is decided by `speakers`.
"""

import re
from dataclasses import dataclass, replace

from .models import Block, Quote, Sentence
from .names import SPEECH_VERB, mask_nicknames
from .speakers import attribute, is_attribution
from .typography import normalize, words

MIN_WORDS = 4
MAX_QUOTES = 1000  # per article, in reading order: repeats and speakers compare quotes in pairs (README: Safety and limits)
_OPENS_AFTER = " \n([{-/\u2014"
_SENTENCE_PUNCT = ".,;:!?'\u2019-)"
_CURLY_OPEN = "\u201c\u00ab"
_CURLY_CLOSE = "\u201d\u00bb"
_COMMA_END = re.compile(r",(['\u2019\u201d]*)$")
_QUOTE_MARK = re.compile('"')
_SINGLE_MARK = re.compile("'")
_WORD_OR_NUMBER = re.compile(r"[^\W_]+(?:['.,-][^\W_]+)*")  # 'at least $400 million': four words
_TITLE_SMALL_WORDS = frozenset("with from into onto over upon under about after before than without between through".split())
_DECADE = re.compile(r"\d0s\b")
_NAMING = re.compile(
    r"\b(?:dubbed|nicknamed|known(?:\s+[\w'-]+){0,3}\s+as|titled|entitled|headlined|christened|billed as|so-called"
    r"|(?:under|with) the (?:title|headline|name)|(?:slogan|motto|tagline|catchphrase)(?:\s+(?:is|was|reads|read))?:?)"
    r"(?:\s+[\w'-]+){0,3},?\s*$"
    r"|\b(?:banners?|placards?|signs?|posters?|boards?|t-shirts?|shirts?|sweatshirts?|hoodies?|caps?|hats?|mugs?|stickers?)"
    r"\s+(?:reading|saying|that read|which read)\b[^.!?]*$",
    re.IGNORECASE,
)
_PASSIVE_CALLED = re.compile(
    r"(?:,|\b(?:is|are|was|were|been|being|be|often|sometimes|also|once|widely|locally|commonly|affectionately))"
    r"\s+called,?\s*$",
    re.IGNORECASE,
)
_WORK_BEFORE = re.compile(
    r"\b(?:paper|report|study|book|novel|memoir|autobiography|biography|film|album|song|article|essay|poem|documentary|exhibition"
    r"|headline)\s*,?\s*$",
    re.IGNORECASE,
)
_SAID_AFTER = re.compile(
    r"\s*(?:he|she|they|I|we|the\s+[a-z]+(?:\s+[a-z]+){0,2}|[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2})\s+(?:said|says|asked|added|replied|told|laughed)\b"
)  # '"Careful use is key," the federation added': speech, though its words look like a title
_HEADLINE_REST = re.compile(r":\s+[A-Za-z][^.!?\"]{0,80}")  # ': parents on the bus places row', ': Investor tells of losses'
# after a closing mark that looks like a plural possessive, words no possessive is followed by:
# "'... legal ones' and would", "'... weeks' before"
_AFTER_CLOSING = re.compile(
    r" (?:[A-Z(-]|(?:he|she|it|they|we|according|and|but|or|before|after|when|while|because|if|than|as|that|which"
    r"|was|were|is|are|had|has|have|will|would)(?= )|(?:" + SPEECH_VERB.pattern + r"))"
)


@dataclass(frozen=True)
class Piece:
    """The inside of one pair of quote marks (or of one paragraph of a longer quotation)."""

    block: int
    start: int
    end: int


@dataclass(frozen=True)
class Quotation:
    pieces: tuple[Piece, ...]
    gaps: tuple[str, ...] = ()  # attributions between the parts of a split quote

    @property
    def first(self) -> Piece:
        return self.pieces[0]

    @property
    def last(self) -> Piece:
        return self.pieces[-1]


def extract_quotes(blocks: tuple[Block, ...], sentences: tuple[Sentence, ...], title: str = "") -> tuple[Quote, ...]:
    """The article's direct quotations in reading order, each once, with its speaker (the
    `title` helps to tell whom a Q&A feature interviews)."""
    marked = [single_quotes_marked(normalize(block.text)) for block in blocks]
    norms = [mask_nicknames(norm) for norm in marked]  # 'said Earl "Bucky" Pruitt': no quote
    found = [q for q in join_split(_without_asides(quotations(blocks, norms), norms), norms) if is_speech(q, norms)][:MAX_QUOTES]
    people = attribute(marked, found, normalize(title))
    quotes = [
        Quote(display_text(parts), person.name, person.role, _sentence_at(sentences, q.first), parts)
        for q, person in zip(found, people)
        for parts in [tuple(blocks[p.block].text[p.start : p.end].strip() for p in q.pieces)]
    ]
    return _without_repeats(quotes)


def quotations(blocks: tuple[Block, ...], norms: list[str]) -> list[Quotation]:
    """Every pair of quote marks, with quotes over several paragraphs joined."""
    found, carried = [], ()
    for number, norm in enumerate(norms):
        marks = [(m.start(), _direction(blocks[number].text, norm, m.start())) for m in _QUOTE_MARK.finditer(norm)]
        start = None
        if carried and marks and marks[0][0] == _first_visible(norm) and marks[0][1] != "close":
            start, marks = marks[0][0] + 1, marks[1:]
        else:
            carried = ()
        for offset, direction in marks:
            if start is None:
                if direction != "close":
                    start = offset + 1
            elif direction == "open":
                carried, start = (), offset + 1  # the earlier opening mark was a stray
            else:
                found.append(Quotation(carried + (Piece(number, start, offset),)))
                carried, start = (), None
        carried = carried + (Piece(number, start, len(norm.rstrip())),) if start is not None else ()
    return found


def single_quotes_marked(norm: str) -> str:
    """The paragraph with the single marks that enclose a quotation written as double marks
    (same length), so that single- and double-marked quotes are found alike."""
    if "'" not in norm:
        return norm
    marked = list(norm)
    positions = _single_quote_marks(norm)
    for position in positions:
        marked[position] = '"'
    ends = positions[1::2] + [len(norm)] * (len(positions) % 2)  # one left open runs to the end
    for opening, closing in zip(positions[::2], ends):
        for inner in range(opening + 1, closing):  # British nesting: 'My dad used to say "..."'
            if norm[inner] == '"':
                marked[inner] = "'"
    return "".join(marked)


def _single_quote_marks(norm: str) -> list[int]:
    """Offsets of single marks that pair up as quotation marks outside double-marked quotes,
    and of a last one left open (a quotation running on to the next paragraph)."""
    inside = _inside_double_quotes(norm)
    paired, opening = [], None
    for match in _SINGLE_MARK.finditer(norm):
        i = match.start()
        if inside[i]:
            continue
        if _may_open(norm, i):
            opening = i  # an earlier opening left unpaired was an apostrophe ('em, '90s)
        elif opening is not None and _may_close(norm, i):
            paired += [opening, i]
            opening = None
    if opening is not None and _opens_speech(norm, opening, split=bool(paired)):
        paired.append(opening)  # dropped later unless the next paragraph opens with a quote mark
    return paired


def _opens_speech(norm: str, i: int, split: bool = False) -> bool:
    """A single mark left open runs on as a quotation only where speech starts: at the
    paragraph's start, after a colon ('said: 'The ...'), or after the attribution of a quote
    it continues ("'...,' Kapadia said. 'He's got ..."), not in "played 'til dawn"."""
    before = norm[:i].rstrip()
    return norm.count('"', i) % 2 == 0 and (i == _first_visible(norm) or before.endswith(":") or split and before.endswith((".", ",")))


def _inside_double_quotes(norm: str) -> list[bool]:
    inside, open_ = [], False
    for char in norm:
        open_ = not open_ if char == '"' else open_
        inside.append(open_)
    return inside


def _may_open(norm: str, i: int) -> bool:
    before = norm[i - 1] if i else " "
    after = norm[i + 1 : i + 2]
    return before in _OPENS_AFTER + ":" and after.isalnum() and not _DECADE.match(norm, i + 1)


def _may_close(norm: str, i: int) -> bool:
    """Not an apostrophe: after a word or punctuation, before a space, punctuation or the end;
    "members' pay" is a plural possessive, "members' she said" is not."""
    before = norm[i - 1]
    after = norm[i + 1 : i + 2]
    if before.isspace() or after.isalnum():
        return False
    if before == "s" and after == " ":
        return bool(_AFTER_CLOSING.match(norm, i + 1))
    return True


def _direction(original: str, norm: str, i: int) -> str:
    """'open', 'close' or 'either' for the quote mark at `i`, from its neighbours first."""
    before = norm[i - 1] if i else " "
    after = norm[i + 1] if i + 1 < len(norm) else " "
    can_open = before in _OPENS_AFTER and not after.isspace()
    can_close = not before.isspace() and (after.isspace() or after in _SENTENCE_PUNCT)
    if can_open != can_close:
        return "open" if can_open else "close"
    if original[i] in _CURLY_OPEN:
        return "open"
    return "close" if original[i] in _CURLY_CLOSE else "either"


def _first_visible(text: str) -> int:
    return len(text) - len(text.lstrip())


def _without_asides(found: list[Quotation], norms: list[str]) -> list[Quotation]:
    """Without the short quoted words inside a split quote's attribution ('"...," said X, who
    rates the stock "hold." "..."'), which would otherwise keep its two parts apart."""
    def aside(n: int) -> bool:
        quotation = found[n]
        if len(quotation.pieces) > 1 or not 0 < n < len(found) - 1:
            return False
        piece, block = quotation.first, quotation.first.block
        text = norms[block][piece.start : piece.end]
        after_word = norms[block][: piece.start - 1].rstrip()[-1:].isalpha()
        return after_word and len(_WORD_OR_NUMBER.findall(text)) < MIN_WORDS and found[n - 1].last.block == found[n + 1].first.block == block

    return [quotation for n, quotation in enumerate(found) if not aside(n)]


def join_split(found: list[Quotation], norms: list[str]) -> list[Quotation]:
    """'"...," she said. "..."' is one quotation: join parts separated only by an attribution
    in one paragraph, also when the second part runs on over the next paragraphs."""
    joined: list[Quotation] = []
    for quotation in found:
        previous = joined[-1] if joined else None
        gap = _gap(previous, quotation, norms) if previous else None
        if gap is not None and _continues(previous, quotation, gap, norms):
            joined[-1] = Quotation(previous.pieces + quotation.pieces, previous.gaps + (gap,))
        else:
            joined.append(quotation)
    return joined


def _gap(previous: Quotation, quotation: Quotation, norms: list[str]) -> str | None:
    """The text between two quotations in one paragraph. A quotation closed before its
    paragraph ends is whole: a quote opening the next paragraph is another quotation."""
    first, then = previous.last, quotation.first
    return norms[then.block][first.end + 1 : then.start - 1] if first.block == then.block else None


def _continues(previous: Quotation, quotation: Quotation, gap: str, norms: list[str]) -> bool:
    last = previous.last
    if len(previous.pieces) == 1 and _is_named(norms[last.block][: last.start - 1], norms[last.block][last.start : last.end]):
        return False  # 'In the report, titled "Stuck at the Door", it said: "..."': a title, then the quote
    if not re.search(r"[,.?!]['\s]*$", norms[last.block][last.start : last.end]) and not gap.startswith(","):
        return False  # the first part does not end as speech does before an attribution
    if not re.search(r"[.,:;!?]\"?\s*$", gap):
        return False  # '"...," said X, who rates it a "buy"': the second quote is inside his sentence
    if gap.lstrip()[:1].isupper() and gap.rstrip().endswith(":"):
        return False  # '"..." He added: "..."': a sentence of its own introduces another quotation
    second = norms[quotation.first.block][quotation.first.start : quotation.first.end]
    if _WORK_BEFORE.search(gap) and _is_title(second):
        return False  # '," Marchetti wrote in his memoir, "Brass and Brandy".': the work's title
    rest = norms[quotation.last.block][quotation.last.end + 1 :]
    ends_sentence = not rest.strip() or re.match(r"^\s*[.,;!?)]*\s*(?:$|[A-Z(\"])", rest)
    return bool(ends_sentence) and is_attribution(gap)


def is_speech(quotation: Quotation, norms: list[str]) -> bool:
    """Direct speech, not a scare quote, a nickname, a name given to something or the title of a work."""
    text = " ".join(norms[p.block][p.start : p.end] for p in quotation.pieces)
    if len(_WORD_OR_NUMBER.findall(text)) < MIN_WORDS:
        return False
    if len(quotation.pieces) > 1:
        return True
    norm = norms[quotation.first.block]
    before, after = norm[: quotation.first.start - 1], norm[quotation.first.end + 1 :]
    titled = _is_title(text) and not (text.rstrip().endswith(",") and _SAID_AFTER.match(after))  # '"Ask me in November," he said'
    return not titled and not _is_named(before, text) and not _is_headline(before, after)


def _is_headline(before: str, after: str) -> bool:
    """''We were told to just wait': parents on the bus row', a line of its own: the headline of
    another story, quoting nobody named, not speech in this one."""
    line_after = after.split("\n", 1)[0]
    opens_line = not before.rsplit("\n", 1)[-1].strip()
    return opens_line and bool(_HEADLINE_REST.fullmatch(line_after)) and not SPEECH_VERB.search(line_after)


def _is_named(before: str, text: str) -> bool:
    """A name or title introduced as one: 'dubbed "..."', 'known as "..."', 'sometimes called
    "..."', 'The paper, "..."'; the last two not after a speech verb ('he told the paper, "..."',
    'she said it should be called "..."')."""
    if _NAMING.search(before):
        return True
    sentence = re.split(r"[.!?]\s+", before)[-1]
    if SPEECH_VERB.search(_PASSIVE_CALLED.sub("", sentence)):
        return False  # 'she said it should be called "..."'
    return bool(_PASSIVE_CALLED.search(sentence) or _WORK_BEFORE.search(sentence) and not re.search(r"[.!?]\W*$", text))


def _is_title(text: str) -> bool:
    """Title Case with no sentence punctuation: "The Lighthouse Keeper's Daughter" (a comma
    inside the marks is American style: "The Orchard Keeper's Daughter,")."""
    tokens = words(text)
    significant = [t for t in tokens if len(t) > 3 and t.lower() not in _TITLE_SMALL_WORDS] + tokens[:1]
    return not re.search(r"[.;:!?]\W*$", text.strip()) and all(t[0].isupper() for t in significant)


def display_text(parts: tuple[str, ...]) -> str:
    """Parts joined; a comma that ended a part before a new sentence becomes a full stop."""
    shown = list(parts)
    for n in range(len(shown) - 1):
        if shown[n + 1][:1].isupper():
            stop = "" if shown[n].rstrip("'\u2019\u201d").endswith(".,") else "."  # '3 a.m.,' -> '3 a.m.'
            shown[n] = _COMMA_END.sub(stop + r"\1", shown[n])
    return re.sub(r",$", "", " ".join(shown).strip())


def _sentence_at(sentences: tuple[Sentence, ...], piece: Piece) -> int:
    for sentence in sentences:
        if sentence.block == piece.block and sentence.start <= piece.start < sentence.end + 1:
            return sentence.index
    return 0


def _without_repeats(quotes: list[Quote]) -> tuple[Quote, ...]:
    """Each quotation once: a quote whose words are all inside a longer one goes (summary
    bullets repeat the body), and the longer one keeps a speaker only the shorter had."""
    keys = [f" {' '.join(words(normalize(q.text).lower()))} " for q in quotes]
    kept = []
    for n, quote in enumerate(quotes):
        others = [m for m in range(len(quotes)) if m != n]
        if any(keys[n] in keys[m] and (len(keys[m]) > len(keys[n]) or m < n) for m in others):
            continue
        named = [quotes[m] for m in others if keys[m] in keys[n] and quotes[m].speaker]
        if named and not quote.speaker:
            quote = replace(quote, speaker=named[0].speaker, role=named[0].role)
        kept.append(quote)
    return tuple(kept)
