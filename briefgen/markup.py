"""Article bodies to blocks of plain text, and editor Markdown to sanitised HTML."""

import html
import re
from html.parser import HTMLParser

import markdown as markdown_lib
import nh3

from .models import HEADING, LIST_ITEM, PARAGRAPH, Block

_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u2060\ufeff"))
_BULLET = re.compile(r"^\s*(?:[•●▪◦‣∙·*]|-(?=\s)|–(?=\s))\s*")
_ENDS_CLAUSE = re.compile(r"""[.!?:;…"'”’)\]]\s*$""")
_FENCE = re.compile(r"^\s*(```|~~~)")

ALLOWED_TAGS = {"p", "a", "em", "strong", "b", "i", "ul", "ol", "li", "blockquote", "code", "br", "h3", "h4"}


def strip_invisible(text: str) -> str:
    """Drop characters that are never seen but split words: soft hyphens, zero-width spaces."""
    return text.translate(_INVISIBLE)


def text_blocks(body: str, first_line: int = 1) -> tuple[Block, ...]:
    """Blocks of a plain-text body: blank lines separate paragraphs; bullets are list items.

    Inside a paragraph, a line that ends a clause starts a new block (copied web text puts
    captions and bullets on consecutive lines); other lines are hard wraps and are joined.
    """
    blocks, lines, start = [], [], first_line
    for number, raw in enumerate(body.split("\n"), first_line):
        line = html.unescape(strip_invisible(raw)).rstrip()
        if lines and (not line.strip() or _BULLET.match(line)):
            blocks += _join_block(lines, start)
            lines = []
        if not line.strip():
            continue
        if not lines:
            start = number
        lines.append(line)
        if _ENDS_CLAUSE.search(line):
            blocks += _join_block(lines, start)
            lines = []
    blocks += _join_block(lines, start)
    return tuple(blocks)


def _join_block(lines: list[str], line: int) -> list[Block]:
    if not lines:
        return []
    text = " ".join(part.strip() for part in lines)
    bullet = _BULLET.match(lines[0])
    kind = LIST_ITEM if bullet else PARAGRAPH
    if bullet:
        text = _BULLET.sub("", text, count=1)
    text = _collapse(text)
    return [Block(text, kind, line)] if text else []


def markdown_blocks(body: str, first_line: int = 1) -> tuple[Block, ...]:
    """Blocks of a Markdown body as plain text, each with the line it starts on."""
    blocks = []
    for chunk, line in _markdown_chunks(body, first_line):
        rendered = markdown_lib.markdown(strip_invisible(chunk))
        for offset, (kind, text) in enumerate(_html_blocks(rendered)):
            blocks.append(Block(text, kind, line + offset if kind == LIST_ITEM else line))
    return tuple(blocks)


def _markdown_chunks(body: str, first_line: int):
    """Blank-line separated chunks with their first line; fenced code stays in one chunk."""
    chunk, start, fenced = [], 0, False
    for number, line in enumerate(body.split("\n"), first_line):
        if _FENCE.match(line):
            fenced = not fenced
        if not line.strip() and not fenced:
            if chunk:
                yield "\n".join(chunk), start
            chunk, start = [], 0
            continue
        chunk.append(line)
        start = start or number
    if chunk:
        yield "\n".join(chunk), start


class _BlockText(HTMLParser):
    """Collects the text of block elements; inline markup contributes only its text."""

    KINDS = {"p": PARAGRAPH, "li": LIST_ITEM, "pre": PARAGRAPH, **{f"h{n}": HEADING for n in range(1, 7)}}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks, self.parts, self.kind = [], [], None

    def handle_starttag(self, tag, attrs):
        if tag in self.KINDS:
            self.flush()
            self.kind = self.KINDS[tag]
        elif tag == "br":
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in self.KINDS or tag in ("ul", "ol", "blockquote"):
            self.flush()

    def handle_data(self, data):
        self.parts.append(data)

    def flush(self):
        text = _collapse("".join(self.parts))
        if text:
            self.blocks.append((self.kind or PARAGRAPH, text))
        self.parts, self.kind = [], None


def _html_blocks(rendered: str) -> list[tuple[str, str]]:
    parser = _BlockText()
    parser.feed(rendered)
    parser.close()
    parser.flush()
    return parser.blocks


_ASCII_SPACE = re.compile(r"[ \t\r\n\f\v]+")


def _collapse(text: str) -> str:
    """Fold runs of ASCII white space; keep no-break spaces, which are typography."""
    return _ASCII_SPACE.sub(" ", text).strip(" ")


def render_markdown(source: str) -> str:
    """Editor Markdown (notes, topic descriptions) to HTML that can hold no script or style."""
    rendered = markdown_lib.markdown(strip_invisible(source), output_format="html")
    return nh3.clean(
        rendered,
        tags=ALLOWED_TAGS,
        attributes={"a": {"href", "title"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()
