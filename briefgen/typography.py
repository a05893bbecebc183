"""Typography for analysis: one straight quote, one dash, one space; lengths unchanged.

Readers see an article's own curly quotes and dashes. Analysis sees `normalize(text)`, which
maps each character to exactly one character, so an offset found in the normalised text is
the same offset in the original.
"""

import re

_SINGLE = "\u2018\u2019\u201a\u201b\u2032\u2039\u203a\u0060\u00b4\u02bc"
_DOUBLE = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_SPACES = "\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\u2028\u2029\t"

_PLAIN = {
    **dict.fromkeys(_SINGLE, "'"),
    **dict.fromkeys(_DOUBLE, '"'),
    **dict.fromkeys(_DASHES, "-"),
    **dict.fromkeys(_SPACES, " "),
}
_FANCY = re.compile("[" + re.escape("".join(_PLAIN)) + "]")
_WORD = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")
_ASCII_WORD = re.compile(r"[A-Za-z]+(?:['-][A-Za-z]+)*")  # the same on ASCII text, a third quicker


def normalize(text: str) -> str:
    """Straight quotes, ASCII hyphens and plain spaces; same length as `text`."""
    if text.isascii() and "\t" not in text and "`" not in text:  # most sentences
        return text
    return _FANCY.sub(_plain, text)  # several times quicker than str.translate on non-ASCII text


def _plain(match: re.Match) -> str:
    return _PLAIN[match.group()]


def words(norm: str) -> list[str]:
    """Word tokens of normalised text: letters, with inner apostrophes and hyphens."""
    return _ASCII_WORD.findall(norm) if norm.isascii() else _WORD.findall(norm)
