"""Per-article analysis: clean, split into sentences, find quotes. Pure; one article at a time."""

from .clean import clean, rules_for
from .config import Config
from .keyquotes import apply_controls
from .models import Article, ArticleText
from .quotes import extract_quotes
from .sentences import split_blocks


def analyze(article: Article, config: Config) -> ArticleText:
    blocks, dropped = clean(article, rules_for(config, article.outlet))
    sentences = split_blocks(blocks, article.language)
    quotes = apply_controls(extract_quotes(blocks, sentences, article.title), article.quote_controls, article.blocks)
    return ArticleText(article, blocks, dropped, sentences, quotes)
