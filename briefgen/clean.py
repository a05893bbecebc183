"""Drop the lines of an article that are not the story: teasers, promos, captions, credits.

Each rule has a name, so `briefgen inspect` and `build -v` can say why a line went. Built-in
rules come first, then the site's `drop_lines`, then the outlet's own. A line matching a
`keep_lines` pattern (site or outlet) is never dropped by a built-in rule. Rules see the
line's normalised text (straight quotes, plain spaces). Built-in rules are written to tell
furniture from story sentences that look alike: "sign up for our newsletter" is a promo, "the
mayor urged residents to sign up for flood alerts" is news.
"""

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, NamedTuple

from .config import Config
from .models import HEADING, LIST_ITEM, PARAGRAPH, Article, Block, Dropped
from .typography import normalize

_WORD_RUN = re.compile(r"\w+")
_ENDS_WITH_MARK = re.compile(r"""[.!?…:;][\s"')\]]*$""")
_VERB_WORDS = frozenset(
    """is are was were be been being has have had will would can could may might must shall should does do
    did said says told tells met meets made makes took takes gave gives won wins lost loses went goes came
    comes got gets left leaves saw sees spoke speaks plans expects faces face run runs
    arose awoke became began bent bit blew broke brought built bought caught chose clung crept dealt dug
    drew drank drove ate fell fed felt fought found fled flew forgot forgave froze grew hung heard hid held
    hurt kept knelt knew laid led lent lit meant paid quit rode rang rose ran sought sold sent shook shone
    shot showed shut sang sank sat slept slid sped spent spun split spread sprang stood stole stuck struck
    swore swept swam swung taught tore thought threw understood woke wore wept wrote""".split()
)
_LIST_HEADER = re.compile(r"^\W*(?:most (?:viewed|read|popular|shared|watched)|more (?:in|from|on|about)|popular|trending|top stories)\b", re.IGNORECASE)
_NUMBERED = re.compile(r"^\W*\d{1,2}[.)]\s")
_CAPTION_WORDS = re.compile(r"\b(?:seen|pictured|photographed|shown|filmed|depicted|arriving|speaking|attending|during)\b")
_ATTRIBUTION = re.compile(r"\b(?:said|says|told|tells|according to)\b", re.IGNORECASE)
_DATE_WORDS = frozenset(
    """january february march april may june july august september october november december jan feb mar apr
    jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday mon tue tues wed
    thu thurs fri sat sun am pm a m p gmt bst utc et est edt ct cst pt pst pdt cet cest published updated
    posted last modified first on at th st nd rd""".split()
)


class Line(NamedTuple):
    """A block as the rules see it."""

    norm: str
    lowered: str
    words: int
    kind: str

    @classmethod
    def of(cls, block: Block) -> "Line":
        norm = normalize(block.text)
        return cls(norm, norm.lower(), len(norm.split()), block.kind)


@dataclass(frozen=True)
class Rule:
    """Drops a block when `test(norm)` holds, for blocks of `kinds` (empty: any) up to `max_words`.

    `hints` are lower-case strings one of which every line the rule drops contains: a fast
    pre-check before the regular expression.
    """

    name: str
    test: Callable[[str], bool]
    kinds: tuple[str, ...] = ()
    max_words: int = 0
    hints: tuple[str, ...] = ()


@dataclass(frozen=True)
class RuleSet:
    """The rules from briefgen.yaml for one outlet; the built-in rules apply to every article."""

    own: tuple[Rule, ...]  # drop_lines: the site's, then the outlet's
    keep: tuple[re.Pattern, ...]  # keep_lines: the site's and the outlet's


def _matches(pattern: str, flags=re.IGNORECASE) -> Callable[[str], bool]:
    return re.compile(pattern, flags).search


def _rule(name: str, pattern: str, kinds=(), max_words=0, flags=re.IGNORECASE, hints=()) -> Rule:
    return Rule(name, _matches(pattern, flags), kinds, max_words, hints)


def has_verb(norm: str) -> bool:
    """A rough test for a finite verb, enough to tell a caption from a sentence."""
    tokens = re.findall(r"[\w'-]+", norm)
    for before, word in zip(tokens, tokens[1:]):
        if not word.islower():
            continue
        if word in _VERB_WORDS or (len(word) > 3 and word.endswith("ed")):
            return True
        if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")) and before[:1].isupper():
            return True  # "Port Alder shuts ..."
    return False


def _caption_positions(norm: str) -> bool:
    marks = len(re.findall(r"\((?:left|right|centre|center|top|bottom|pictured|above|below|inset|file)\)", norm, re.IGNORECASE))
    return marks >= 2 or (marks == 1 and not has_verb(norm))


def _dateline(norm: str) -> bool:
    tokens = re.findall(r"[^\W\d_]+|\d+", norm.lower())
    return any(t.isdigit() for t in tokens) and all(t.isdigit() or t in _DATE_WORDS for t in tokens)


def _headline(norm: str) -> bool:
    """No closing punctuation, nobody said anything, nobody is quoted: a subhead or a teaser."""
    return not _ENDS_WITH_MARK.search(norm) and not _ATTRIBUTION.search(norm) and '"' not in norm


_SOCIAL = r"(?i:facebook|twitter|x|instagram|whatsapp|tiktok|linkedin|threads|bluesky|telegram|youtube|google news|snapchat|flipboard)"
_NAME = r"[A-Z][\w.'&-]*(?: [A-Z][\w.'&-]*){0,4}"
_AGENCY = r"(?:getty images|afp|reuters|ap(?: photo)?|associated press|shutterstock|alamy|pa (?:wire|media|images)|epa(?:-efe)?|sputnik|tass|anadolu|xinhua|bloomberg|rex features|kremlin)"

_AGENCY_CREDIT = re.compile(
    rf"(?:^|/|\||\(|\bvia |[.!?]\s+)\s*{_AGENCY}\)?\s*\.?\s*$|\bgetty images\s*$|(?:^|[.!?]\s+){_AGENCY}/[\w .'/-]+$", re.IGNORECASE
)
_AGENCY_LAST_WORDS = tuple("images afp reuters ap photo press shutterstock alamy wire media epa efe sputnik tass anadolu xinhua bloomberg features kremlin".split())


def _photo_agency(norm: str) -> bool:
    """'... on Wednesday. Reuters', 'REUTERS/Jon Petrak'. The hints ('ap', 'pa') are in most lines
    and the pattern tries every position, so first: a '/' or an agency's last word at the end."""
    ending = norm.casefold().rstrip(" .)").rsplit(None, 1)[-1:]
    return ("/" in norm or bool(ending) and ending[0].endswith(_AGENCY_LAST_WORDS)) and bool(_AGENCY_CREDIT.search(norm))


_AGENCY_HINTS = tuple("getty afp reuters ap associated shutterstock alamy pa epa sputnik tass anadolu xinhua bloomberg rex kremlin".split())

BUILTIN_RULES = (
    _rule(
        "teaser",
        r"^(?:read more|more(?: (?:opinion|news|sport|sports|stories|coverage|videos?|on this|(?:from|in) [\w' &-]{1,30}))?|also in [\w' &-]{1,30}|related|see also|"
        r"you (?:may|might) also like|also read|read also|read next|don't miss|must read|recommended|watch|"
        r"listen|latest|trending|mehr zum thema|lesen sie auch|auch interessant|(?:à )?lire aussi|voir aussi|"
        r"lee también|leer más|te puede interesar)\s*(?::|\||>|\s-\s)|^(?:click|tap) here\b|^(?:most read|trending(?: now)?|"
        r"more on this story|related (?:articles|stories|topics|content|coverage)|more from .{1,40}|top stories|"
        r"you may also like|recommended(?: for you)?|read next|editor's picks|more stories)\W*$",
    ),
    _rule(
        "newsletter-promo",
        r"(?:^\W*|[.,;:!?]\s+)(?:sign up|subscribe|register)\b.{0,80}\b(?:newsletters?|bulletins?|briefing|alerts?|inbox|our|here|free)\b"
        r"|\b(?:sign up|subscribe|register)\s+(?:to|for|with)\s+(?:our|my)\b|^for (?:the latest|more)\b.{0,120}\b(?:sign up|subscribe)\b"
        r"|\bnewsletters?\b.{0,60}\b(?:sign up|subscribe|click here)\b|\b(?:straight )?(?:to|in) your inbox\b|\benter your email\b"
        r"|^\W*subscribe(?: now| today)?\s+to\s+[A-Z]",  # '**Subscribe to Touchline Monthly** - ...'

        hints=("sign up", "subscribe", "register", "inbox", "enter your email"),
    ),
    _rule("app-promo", r"^(?:download|get|install|try)\s+(?:the|our)\b.{0,50}\bapps?\b"),
    _rule("source-footer", r"^(?:source|quelle|fuente)\s*:", max_words=8),
    _rule(
        "original-article",
        r"^(?:read the (?:original|full) (?:article|story)|continue reading (?:on|at)|view (?:the )?original (?:post|article)|"
        r"this (?:article|story) (?:was )?(?:originally|first) (?:appeared|published)|(?:originally|first) published (?:on|in|by|at)|"
        r"(?:a version of this (?:article|story) )?appeared in (?:the )?.{0,40}\bprint edition)\b",
    ),
    _rule(
        "advertisement",
        r"^(?:advertisement|advert|ad|sponsored(?: content)?|promoted(?: content)?|paid (?:content|post)|anzeige|werbung|publicité|publicidad|"
        r"(?:story|article) continues (?:below|after)(?: (?:this|the))?(?: (?:advertisement|ad))?|continue reading below|"
        r"scroll (?:down )?to continue(?: with content)?)\W*$",
    ),
    _rule(
        "share-prompt",
        rf"^(?i:share|follow|like|join|find)(?: (?i:us|this (?:article|story|page|post))| @\w+| {_NAME}| (?i:the) {_NAME})?"
        rf" (?i:on|via) {_SOCIAL}\b|^(?i:share|share this(?: article| story)?|tweet|email|print|copy link|comments?|"
        r"save(?: article)?|gift (?:this )?article|listen to this article|\d+ min(?:ute)?s? read)\W*$|\((?i:opens in (?:a )?new window)\)",
        max_words=15,
        flags=0,
    ),
    _rule(
        "photo-credit",
        r"^[\[(*_]*(?:(?:photo|image) )?(?:photo(?:graph)?|image|picture|video|credit|pictured|caption|illustration|foto|bild|crédit|imagen)s?\s*:"
        r"|^(?:image|media) (?:caption|source|copyright)\b"
        r"|\((?:photo|image|picture|pictured|credit)s?\s*:.{0,80}\)\s*$"
        r"|\((?:[\w.&' -]{1,30}\s)?(?:photo|picture)\s*/\s*[^)]{1,60}\)\W*$"  # '(AP Photo/Teodor Vance)', '(Register photo / Mina Castro)'
        r"|[.!?\"\u201d]\s+(?:photo(?:graph)?|picture|image)s?\s*:\s*[A-Z][^.!?]{0,80}$",  # 'Valborg on the ice: "..." Photograph: Sander Moe'
        hints=("photo", "image", "picture", "video", "credit", "caption", "illustration", "foto", "bild", "crédit"),
    ),
    Rule("photo-agency", _photo_agency, max_words=30, hints=_AGENCY_HINTS),
    Rule("caption-positions", _caption_positions, max_words=30, hints=("(",)),
    _rule(
        "byline",
        rf"^(?i:by|words by|written by|reporting by)\s+{_NAME}(?:\s*(?:,|\||and|&|in|-)\s*[\w ,'&|-]{{0,60}})?$"
        r"|^(?i:(?:additional )?reporting by\b.*(?:;|\bediting by\b))|^(?i:writing|editing|edited) by [A-Z]",
        max_words=15,
        flags=0,
    ),
    Rule("dateline", _dateline, max_words=14, hints=tuple("0123456789")),
    _rule("copyright", r"^(?:©|\(c\)|copyright\b)|\ball rights reserved\b", max_words=30, hints=("©", "(c)", "copyright", "all rights")),
    _rule(
        "contact-promo",
        r"^(?:(?:have you )?got a (?:story|tip)|do you have a story|contact (?:us|the newsroom|our newsroom)|email us at|send us your)\b",
    ),
    _rule("bullet-teaser", r"^(?!.*[.!?…][\"')\]]*\s*$)", kinds=(LIST_ITEM,)),
    _rule("heading", r"^(?!.*\b(?:said|says|writes|wrote|added|comments|commented)\s*:\s*$)", kinds=(HEADING,)),  # '### Prof X, University of Y, said:' introduces a quote
)
CATCH_ALL_RULES = (Rule("headline", _headline, kinds=(PARAGRAPH,), max_words=20),)  # after the article's own rules


def rules_for(config: Config, outlet: str) -> RuleSet:
    own = config.rules_for(outlet)
    return _compile(config.drop_lines, config.keep_lines, own.outlet, own.drop_lines, own.keep_lines)


@lru_cache(maxsize=256)
def _compile(site_drop, site_keep, outlet, outlet_drop, outlet_keep) -> RuleSet:
    site = tuple(_rule(f"drop_lines[{n}]", p, flags=0) for n, p in enumerate(site_drop))
    own = tuple(_rule(f"outlets.{outlet}.drop_lines[{n}]", p, flags=0) for n, p in enumerate(outlet_drop))
    return RuleSet(site + own, tuple(re.compile(p) for p in site_keep + outlet_keep))


def clean(article: Article, rules: RuleSet) -> tuple[tuple[Block, ...], tuple[Dropped, ...]]:
    """Split an article's blocks into those kept and those dropped, with the dropping rule."""
    kept, dropped = [], []
    title = _comparable(article.title)
    at_top = True  # no story paragraph kept yet
    for number, block in enumerate(article.blocks):
        rule = "" if _signs_quote(block, kept) else _first_match(Line.of(block), rules, article, title, number, at_top)
        if not rule and _lists_teasers(dropped, article.blocks, number):
            rule = "teaser"
        if rule:
            dropped.append(Dropped(block.text, rule, block.line))
        else:
            kept.append(block)
            at_top = at_top and block.kind != PARAGRAPH
    return tuple(kept), tuple(dropped)


def _lists_teasers(dropped: list[Dropped], blocks: tuple[Block, ...], number: int) -> bool:
    """Headlines without a full stop under a teaser ('More from Harbourside TV:', 'MOST READ',
    'Most viewed in Culture'), or after a numbered one: the rest of the teaser list, which
    plain text runs into one paragraph."""
    previous = blocks[number - 1] if number else None
    if previous is None or not dropped or dropped[-1].line != previous.line or _ENDS_WITH_MARK.search(normalize(blocks[number].text)):
        return False
    rule, text = dropped[-1].rule, normalize(previous.text)
    numbered = bool(_NUMBERED.match(text) and _NUMBERED.match(normalize(blocks[number].text)))
    return rule == "teaser" or rule == "headline" and (bool(_LIST_HEADER.match(text)) or numbered)


def _signs_quote(block: Block, kept: list[Block]) -> bool:
    """'— Denise Wrathall, caterer' under a paragraph that ends a quote: who said it."""
    return block.text.lstrip()[:1] in ("—", "–") and bool(kept) and kept[-1].text.rstrip()[-1:] in ('"', "”", "’", "'")


def _first_match(line: Line, rules: RuleSet, article: Article, title: str, number: int, at_top: bool) -> str:
    if not any(pattern.search(line.norm) for pattern in rules.keep):
        name = _builtin_match(line, article, title, number, at_top)
        if name:
            return name
    return _first_rule(rules.own, line)


def _builtin_match(line: Line, article: Article, title: str, number: int, at_top: bool) -> str:
    words = _comparable(line.norm, normalized=True)
    if words == title or (number < 3 and not line.norm.rstrip().endswith(".") and _overlap(words, title) >= 0.8):
        return "repeated-title"
    return _first_rule(BUILTIN_RULES, line) or _article_rule(line, words, article.author, at_top) or _first_rule(CATCH_ALL_RULES, line)


def _first_rule(rules: tuple[Rule, ...], line: Line) -> str:
    """The name of the first rule that drops the line. (Inline, not a method per rule: this
    runs for every rule on every line of every article.)"""
    kind, words, lowered = line.kind, line.words, line.lowered
    for rule in rules:
        if rule.kinds and kind not in rule.kinds or rule.max_words and words > rule.max_words:
            continue
        if rule.hints and not any(map(lowered.__contains__, rule.hints)):
            continue
        if rule.test(line.norm):
            return rule.name
    return ""


def _article_rule(line: Line, words: str, author: str, at_top: bool) -> str:
    """Rules that need more than the line: the article's author, the top of its body."""
    short = line.words <= 12 and not _ENDS_WITH_MARK.search(line.norm)
    if short and author and f" {_comparable(author)} " in f" {words} ":
        return "byline"
    if at_top and line.kind == PARAGRAPH and line.words <= 25 and _caption_line(line.norm):
        return "caption"
    return ""


def _caption_line(norm: str) -> bool:
    """A line above the story naming who or what a photo shows: no verb, mostly names."""
    if has_verb(norm):
        return False
    tokens = re.findall(r"[^\W\d_][\w'-]*", norm)[1:]
    names = sum(1 for t in tokens if t[0].isupper())
    return bool(tokens) and (names * 2 >= len(tokens) or bool(_CAPTION_WORDS.search(norm)))


def _overlap(words: str, title: str) -> float:
    ours, theirs = set(words.split()), set(title.split())
    return len(ours & theirs) / max(len(ours | theirs), 1)


def _comparable(text: str, normalized: bool = False) -> str:
    return " ".join(_WORD_RUN.findall((text if normalized else normalize(text)).casefold()))
