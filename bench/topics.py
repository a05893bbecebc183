"""Synthetic news topics for benchmarks: realistic-looking sentences from a fixed seed.

Words follow a Zipf distribution over a made-up vocabulary mixed with English function words,
a topic has its own recurring names and terms, and some sentences quote a speaker, so the
similarity structure (many weakly related sentences, a few strongly related ones) is like a
real news day. The same seed always gives the same text.
"""

import random
from itertools import accumulate
from datetime import datetime, timedelta, timezone

from briefgen.models import Article, ArticleText, Block
from briefgen.sentences import split_blocks

FUNCTION_WORDS = (
    "the a of to in and on for that with was by at from as is it has had will be his her "
    "their after who which said would could also more than about over into but not this"
).split()
SYLLABLES = "ar bel cor dan el fen gar hol is jor kal len mor nor os pel quin ras sol tor ul ven wes yor zan".split()
SPEAKERS = ("Helena Voss", "Daniel Okonkwo", "Ruth Okafor", "Agnes Thorvald", "Miriam Castellanos", "Arjun Mehta")
SENTENCES_PER_ARTICLE = 30


def vocabulary(rng: random.Random, size: int) -> list[str]:
    found: dict[str, None] = {}
    while len(found) < size:
        found["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))] = None
    return list(found)


def make_sentences(count: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    words = vocabulary(rng, 6000)
    topic = words[:40]
    cumulative = list(accumulate(1 / (rank + 1) for rank in range(len(words))))
    sentences = []
    for _ in range(count):
        length = rng.randint(8, 32)
        tokens = []
        for _ in range(length):
            roll = rng.random()
            if roll < 0.42:
                tokens.append(rng.choice(FUNCTION_WORDS))
            elif roll < 0.55:
                tokens.append(rng.choice(topic))
            else:
                tokens.append(rng.choices(words, cum_weights=cumulative)[0])
        text = " ".join(tokens)
        if rng.random() < 0.25:
            text = f'"{text[0].upper()}{text[1:]}," {rng.choice(SPEAKERS)} said.'
        else:
            text = f"{text[0].upper()}{text[1:]}."
        sentences.append(text)
    return sentences


def make_topic(sentence_count: int, seed: int = 7) -> tuple[ArticleText, ...]:
    """Analysed articles of 30 sentences (two per paragraph) making up one topic."""
    sentences = make_sentences(sentence_count, seed)
    start = datetime(2026, 11, 19, 6, 0, tzinfo=timezone.utc)
    texts = []
    for number, first in enumerate(range(0, sentence_count, SENTENCES_PER_ARTICLE)):
        chunk = sentences[first : first + SENTENCES_PER_ARTICLE]
        blocks = tuple(Block(" ".join(chunk[i : i + 2])) for i in range(0, len(chunk), 2))
        article = Article(
            path=f"content/articles/bench/{number:04d}.md",
            title=chunk[0][:60],
            url=f"https://outlet{number % 17}.example/{number}",
            outlet=f"Outlet {number % 17}",
            published=start + timedelta(minutes=7 * number),
            briefing=start.date(),
            topic="bench",
            blocks=blocks,
        )
        texts.append(ArticleText(article, blocks, (), split_blocks(blocks)))
    return tuple(texts)
