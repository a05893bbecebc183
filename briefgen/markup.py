"""Article bodies to blocks of plain text, and editor Markdown to sanitised HTML."""

import html
import re
from html.parser import HTMLParser

import markdown as markdown_lib
import nh3

from .models import HEADING, LIST_ITEM, PARAGRAPH, Block
from .sentences import ends_sentence_at_break

_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u180e\u200b\u2060\ufeff"))
_BULLET = re.compile(r"^\s*(?:[•●▪◦‣∙·]|[-–*](?=\s))\s*")
_NUMBERED = re.compile(r"^\s*\d{1,2}[.)]\s+(?=\S)")
_ENDS_WITH_MARK = re.compile(r"""[.!?…][\s"')\]]*$""")
_FENCE = re.compile(r"^\s*(```|~~~)")
_MIN_WRAP_WIDTH = 40  # narrower paragraphs were not wrapped by an editor: every line is a line
_MAX_JOINED = 3_000

_MARKDOWN = markdown_lib.Markdown()  # building a converter costs more than converting a paragraph
# One line that starts like prose and holds no character Markdown gives a meaning to (escapes,
# code, emphasis, links, HTML, entities) comes out of Markdown as it went in.
_PLAIN = re.compile(r"""^(?!\d+[.)]\s)(?:[^\W_]|["“‘'(«¿¡])[^\x00-\x1f\\`*_\[\]<>&]*$""")

ALLOWED_TAGS = {"p", "a", "em", "strong", "b", "i", "ul", "ol", "li", "blockquote", "code", "br", "h3", "h4"}
# Hostile text the Markdown converter and html.unescape cannot take: nesting (lists, quotes)
# deeper than this many columns at a line's start makes the converter recurse past Python's
# limit, and a numeric character reference too long to be a character breaks html.unescape.
MAX_NESTING = 400
_NESTING = re.compile(r"^[ \t>]*")
_OVERLONG_REFERENCE = re.compile(r"&#(?:[0-9]{8,}|[xX][0-9a-fA-F]{7,});?")


def strip_invisible(text: str) -> str:
    """Drop characters that are never seen but split words: soft hyphens, zero-width spaces."""
    return text.translate(_INVISIBLE)


def text_blocks(body: str, first_line: int = 1, language: str = "en") -> tuple[Block, ...]:
    """Blocks of a plain-text body: blank lines separate paragraphs; bullets are list items.

    Inside a paragraph, a line break that ends a sentence starts a new block (copied web text
    puts captions, headlines and bullets on consecutive lines), and so does a break after a
    line too short to have been wrapped; other breaks are hard wraps and are joined.
    """
    lines = [(number, _unescape(strip_invisible(raw))) for number, raw in enumerate(body.split("\n"), first_line)]
    return tuple(_line_blocks(lines, language))


def _line_blocks(lines: list[tuple[int, str]], language: str) -> list[Block]:
    blocks = []
    for kind, paragraph in _paragraphs(lines):
        for group in unwrap(paragraph, language):
            blocks += _join_block(group, kind)
    return blocks


def _paragraphs(numbered_lines: list[tuple[int, str]]):
    """(kind, [(line number, text), ...]) for each paragraph or list item."""
    lines, kind, item = [], PARAGRAPH, False
    for number, line in numbered_lines:
        line = line.rstrip()
        marker = _BULLET.match(line) or ((not lines or item) and _NUMBERED.match(line))
        if lines and (not line.strip() or marker):
            yield kind, lines
            lines = []
        if not line.strip():
            item = False
            continue
        if marker:
            kind, item, line = LIST_ITEM, True, line[marker.end() :]
        elif not lines:
            kind, item = PARAGRAPH, False
        lines.append((number, line))
    if lines:
        yield kind, lines


def unwrap(lines: list[tuple[int, str]], language: str = "en") -> list[list[tuple[int, str]]]:
    """Group a paragraph's lines into blocks: join hard wraps, split where a line really ends.

    A block longer than `_MAX_JOINED` characters ends at its next line break, so judging each
    break stays cheap however long a paragraph (say, one open quotation) runs.
    """
    width = max(len(text.strip()) for _, text in lines)
    groups, size = [[lines[0]]], len(lines[0][1])
    for line in lines[1:]:
        if size > _MAX_JOINED or _breaks_after(groups[-1], line[1], width, language):
            groups.append([line])
            size = 0
        else:
            groups[-1].append(line)
        size += len(line[1]) + 1
    return groups


def _breaks_after(group: list[tuple[int, str]], next_line: str, width: int, language: str) -> bool:
    last = group[-1][1].strip()
    if _ENDS_WITH_MARK.search(last):
        text = " ".join(part.strip() for _, part in group)
        return ends_sentence_at_break(text, next_line, language)
    next_word = next_line.split(maxsplit=1)[0] if next_line.strip() else ""
    if next_word[:1].islower():
        return False  # the sentence goes on
    wrapped = len(last) + 1 + len(next_word) > width  # the next word did not fit on this line
    return width < _MIN_WRAP_WIDTH or not wrapped


def _join_block(lines: list[tuple[int, str]], kind: str) -> list[Block]:
    text = _collapse(" ".join(part.strip() for _, part in lines))
    return [Block(text, kind, lines[0][0])] if text else []


def markdown_blocks(body: str, first_line: int = 1, language: str = "en") -> tuple[Block, ...]:
    """Blocks of a Markdown body as plain text, each with the line it starts on.

    A paragraph's lines are grouped as in plain text, so web copy pasted into a .md file
    (captions and headlines on consecutive lines) splits the same way.
    """
    blocks = []
    for chunk, line in _markdown_chunks(body, first_line):
        for offset, (kind, text) in enumerate(_chunk_blocks(strip_invisible(chunk))):
            start = line + offset if kind == LIST_ITEM else line
            if kind == PARAGRAPH:  # web copy: bullet lines, captions and headlines inside it
                blocks += _line_blocks(list(enumerate(text.split("\n"), start)), language)
            else:
                blocks += _join_block([(start, text)], kind)
    return tuple(blocks)


def _chunk_blocks(chunk: str) -> list[tuple[str, str]]:
    if _PLAIN.match(chunk):  # most paragraphs of news prose: the converter would change nothing
        return [(PARAGRAPH, chunk.strip())] if chunk.strip() else []
    if too_deep(chunk):
        return [(PARAGRAPH, _unescape(chunk).strip())]
    return _html_blocks(_MARKDOWN.reset().convert(_OVERLONG_REFERENCE.sub("\ufffd", chunk)))


def too_deep(text: str) -> bool:
    """Nested deeper than the Markdown converter can take; such text is kept as plain text."""
    return any(len(_NESTING.match(line).group().expandtabs(4)) > MAX_NESTING for line in text.split("\n"))


def _unescape(text: str) -> str:
    return html.unescape(_OVERLONG_REFERENCE.sub("\ufffd", text))


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
    HIDDEN = {"script", "style", "template", "noscript"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks, self.parts, self.kind, self.hidden = [], [], None, 0

    def handle_starttag(self, tag, attrs):
        if tag in self.HIDDEN:
            self.hidden += 1
        elif tag in self.KINDS:
            self.flush()
            self.kind = self.KINDS[tag]
        elif tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in self.KINDS or tag in ("ul", "ol", "blockquote"):
            self.flush()

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)

    def flush(self):
        text = "".join(self.parts).strip()
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
    """Fold runs of ASCII white space; keep inner no-break spaces, which are typography."""
    return _ASCII_SPACE.sub(" ", text).strip()


def render_markdown(source: str) -> str:
    """Editor Markdown (notes, topic descriptions) to HTML that can hold no script or style."""
    source = _OVERLONG_REFERENCE.sub("\ufffd", strip_invisible(source))
    if too_deep(source):
        rendered = "\n".join(f"<p>{html.escape(part.strip())}</p>" for part in source.split("\n\n") if part.strip())
    else:
        rendered = markdown_lib.markdown(source, output_format="html")
    return nh3.clean(
        rendered,
        tags=ALLOWED_TAGS,
        attributes={"a": {"href", "title"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()
