"""Group articles by briefing day and topic."""

from collections import defaultdict
from datetime import date

from .models import Article, Topic

OTHER = Topic("other", "Other news", "other")


def group_articles(articles, topics: tuple[Topic, ...]) -> tuple[tuple[date, tuple[tuple[Topic, tuple[Article, ...]], ...]], ...]:
    """((day, ((topic, texts), ...)), ...): newest day first; topics in the editor's order.

    Articles without a topic go to the editor's 'other' topic if there is one, else to a
    built-in 'Other news' section, which comes last.
    """
    by_id = {topic.id: topic for topic in topics}
    order = {topic.id: n for n, topic in enumerate(topics)}
    other = by_id.get(OTHER.id, OTHER)
    days: dict[date, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for article in articles:
        days[article.briefing][article.topic or other.id].append(article)
    return tuple(
        (day, tuple(
            (by_id.get(topic_id, other), tuple(sorted(members, key=_story_order)))
            for topic_id, members in sorted(days[day].items(), key=lambda item: order.get(item[0], len(order)))
        ))
        for day in sorted(days, reverse=True)
    )


def _story_order(article: Article):
    return (article.published, article.path)
