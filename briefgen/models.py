"""The records that flow between stages. All frozen; collections are tuples."""

from dataclasses import dataclass, field
from datetime import date, datetime

from .config import Config
from .errors import Problem

PARAGRAPH = "p"
LIST_ITEM = "li"
HEADING = "h"


@dataclass(frozen=True)
class Block:
    """One paragraph, list item or heading of an article body, in its original typography."""

    text: str
    kind: str = PARAGRAPH
    line: int = 0


@dataclass(frozen=True)
class SummaryControls:
    """An editor's say over summaries: `summary:` in an article's metadata or a topic entry.

    For a topic, `sentences` and `words` set the summary's length; for an article,
    `sentences` caps how many summary sentences come from it. `pin` and `drop` hold words an
    editor copied from sentences to always or never use. `written` maps a briefing day to a
    hand-written summary that replaces the machine one.
    """

    sentences: int | None = None
    words: int | None = None
    pin: tuple[str, ...] = ()
    drop: tuple[str, ...] = ()
    written: tuple[tuple[date, str], ...] = ()

    def written_for(self, day: date) -> str:
        return next((text for written_day, text in self.written if written_day == day), "")


@dataclass(frozen=True)
class PinnedQuote:
    """A quote an editor wants shown: its exact words and, optionally, who said it."""

    text: str
    speaker: str = ""
    role: str = ""
    line: int = 0


@dataclass(frozen=True)
class QuoteControls:
    """An editor's `quotes:` settings for an article or a topic."""

    pin: tuple[PinnedQuote, ...] = ()
    hide: tuple[str, ...] = ()
    speakers: tuple[tuple[str, str], ...] = ()  # (name as found, corrected name)


@dataclass(frozen=True)
class Article:
    path: str
    title: str
    url: str
    outlet: str
    published: datetime
    briefing: date
    date_only: bool = False
    topic: str = ""
    author: str = ""
    language: str = "en"
    tags: tuple[str, ...] = ()
    blocks: tuple[Block, ...] = ()
    summary: SummaryControls = SummaryControls()
    quote_controls: QuoteControls = QuoteControls()

    @property
    def published_iso(self) -> str:
        return self.published.date().isoformat() if self.date_only else self.published.isoformat()


@dataclass(frozen=True)
class Topic:
    id: str
    title: str
    slug: str
    description_html: str = ""
    summary: SummaryControls = SummaryControls()
    quote_controls: QuoteControls = QuoteControls()


@dataclass(frozen=True)
class Note:
    day: date
    html: str


@dataclass(frozen=True)
class Project:
    """Everything read from disk, validated; the input of every later stage."""

    config: Config
    topics: tuple[Topic, ...]
    articles: tuple[Article, ...]
    notes: tuple[Note, ...] = ()
    warnings: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class Dropped:
    """A line the cleaner removed, and the rule that removed it."""

    text: str
    rule: str
    line: int = 0


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article: `text` is shown to readers, `norm` is what analysis sees.

    `start` and `end` are offsets into the kept block `block`; a sentence never spans blocks.
    """

    text: str
    norm: str
    block: int
    start: int
    end: int
    index: int


@dataclass(frozen=True)
class Quote:
    """Direct speech in one article, with who said it ("" when the article does not say).

    `parts` are verbatim passages of the article: one for most quotes, several when a quote
    runs over paragraphs or is split by its attribution. `text` joins them for display.
    """

    text: str
    speaker: str = ""
    role: str = ""
    sentence: int = 0
    parts: tuple[str, ...] = ()
    pinned: bool = False


@dataclass(frozen=True)
class ArticleText:
    """An article after cleaning, sentence splitting and quote extraction."""

    article: Article
    blocks: tuple[Block, ...]
    dropped: tuple[Dropped, ...]
    sentences: tuple[Sentence, ...]
    quotes: tuple[Quote, ...] = ()


@dataclass(frozen=True)
class Citation:
    """A link from a summary sentence or quote to the article that carries it."""

    url: str
    outlet: str
    title: str
    words: str


@dataclass(frozen=True)
class SummarySentence:
    """A sentence of a topic summary; `written` when an editor wrote it rather than chose it."""

    text: str
    citations: tuple[Citation, ...]
    written: bool = False


@dataclass(frozen=True)
class Republished:
    """An article that republishes another one of the same topic (a syndicated copy)."""

    article: Article
    original: Article


@dataclass(frozen=True)
class QuoteVariant:
    """One wording of a key quote and the articles that carry it in that wording.

    `parts[n]` are the verbatim passages of the article of `citations[n]` that `text` joins."""

    text: str
    citations: tuple[Citation, ...]
    parts: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class KeyQuote:
    """A quote of a topic, merged across the outlets that carried it; variants first-shown first."""

    text: str
    speaker: str
    role: str
    citations: tuple[Citation, ...]
    variants: tuple[QuoteVariant, ...] = ()
    pinned: bool = False

    @property
    def outlets(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.outlet for c in self.citations))


@dataclass(frozen=True)
class TopicBriefing:
    topic: Topic
    articles: tuple[Article, ...]
    summary: tuple[SummarySentence, ...] = ()
    quotes: tuple[KeyQuote, ...] = ()
    copies: tuple[Republished, ...] = ()

    def copies_of(self, article: Article) -> tuple[Article, ...]:
        return tuple(c.article for c in self.copies if c.original.url == article.url)

    def is_copy(self, article: Article) -> bool:
        return any(c.article.url == article.url for c in self.copies)


@dataclass(frozen=True)
class Briefing:
    day: date
    topics: tuple[TopicBriefing, ...]
    note_html: str = ""


@dataclass(frozen=True)
class Site:
    config: Config
    briefings: tuple[Briefing, ...]  # newest first
    topics: tuple[Topic, ...] = field(default=())
