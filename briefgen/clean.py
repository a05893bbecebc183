"""Drop the lines of an article that are not the story: teasers, promos, captions, credits.

Each rule has a name, so `briefgen inspect` and `build -v` can say why a line went. Built-in
rules come first, then the site's `drop_lines`, then the outlet's own.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from .config import Config
from .models import HEADING, LIST_ITEM, Article, Block, Dropped
from .typography import normalize


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern
    kinds: tuple[str, ...] = ()  # block kinds the rule applies to; empty: all
    max_words: int = 0  # only blocks this short; 0: any length

    def drops(self, block: Block, norm: str) -> bool:
        if self.kinds and block.kind not in self.kinds:
            return False
        if self.max_words and len(norm.split()) > self.max_words:
            return False
        return bool(self.pattern.search(norm))


def _rule(name: str, pattern: str, kinds=(), flags=re.IGNORECASE, max_words=0) -> Rule:
    return Rule(name, re.compile(pattern, flags), kinds, max_words)


BUILTIN_RULES = (
    _rule("teaser", r"^(?:read more|more|related|see also|also read|don't miss|must read|watch|listen)\s*[:|>-]"),
    _rule("newsletter-promo", r"\b(?:sign up|subscribe)\b.{0,80}\b(?:newsletter|bulletin|alerts?|briefing)\b|\bnewsletter\b.{0,80}\b(?:sign up|subscribe|click here)\b"),
    _rule("app-promo", r"\b(?:download|get) (?:the|our) .{0,40}\bapp\b"),
    _rule("source-footer", r"^source\s*:\s*read full article\s*$"),
    _rule("original-article", r"^read the original article on\b"),
    _rule("advertisement", r"^\s*(?:advertisement|sponsored(?: content)?|ad)\s*$"),
    _rule("share-prompt", r"^(?:share|follow)(?: us| this(?: article| story)?)?(?: on)? .{0,40}\b(?:facebook|twitter|instagram|whatsapp|tiktok|linkedin|x)\b.{0,20}$"),
    _rule("photo-credit", r"^(?:photo|image|picture|video|credit|pictured)s?\s*:|\((?:photo|image|picture)\s*:.{0,60}\)\s*$"),
    _rule("photo-agency", r"(?:^|[\s/|(])(?:getty images|afp(?: via getty images)?|reuters|ap photo|shutterstock|alamy|pa (?:wire|media)|epa)\)?\s*\.?\s*$", max_words=30),
    _rule("caption-positions", r"\((?:left|right|centre|center|top|bottom|pictured|above|below|file)\)", max_words=25),
    _rule("bullet-teaser", r"^(?!.*[.!?…][\"')\]]*\s*$)", kinds=(LIST_ITEM,)),
    _rule("heading", r".", kinds=(HEADING,)),
)


def rules_for(config: Config, outlet: str) -> tuple[Rule, ...]:
    return _compile(config.drop_lines, outlet, config.drop_lines_for(outlet))


@lru_cache(maxsize=256)
def _compile(site_lines: tuple[str, ...], outlet: str, outlet_lines: tuple[str, ...]) -> tuple[Rule, ...]:
    site = tuple(_rule(f"drop_lines[{n}]", p, flags=0) for n, p in enumerate(site_lines))
    own = tuple(_rule(f"outlets.{outlet}.drop_lines[{n}]", p, flags=0) for n, p in enumerate(outlet_lines))
    return BUILTIN_RULES + site + own


def clean(article: Article, rules: tuple[Rule, ...]) -> tuple[tuple[Block, ...], tuple[Dropped, ...]]:
    """Split an article's blocks into those kept and those dropped, with the dropping rule."""
    kept, dropped = [], []
    title = _comparable(article.title)
    for block in article.blocks:
        rule = _first_match(block, rules, title)
        if rule:
            dropped.append(Dropped(block.text, rule, block.line))
        else:
            kept.append(block)
    return tuple(kept), tuple(dropped)


def _first_match(block: Block, rules, title: str) -> str:
    norm = normalize(block.text)
    if _comparable(norm) == title:
        return "repeated-title"
    for rule in rules:
        if rule.drops(block, norm):
            return rule.name
    return ""


def _comparable(text: str) -> str:
    return " ".join(re.findall(r"\w+", normalize(text).casefold()))
