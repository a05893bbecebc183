"""bench.quality scores the summaries the site publishes, against the baselines it names."""

import json
from pathlib import Path

from bench.quality import summaries

REPO = Path(__file__).resolve().parent.parent


def published_summaries() -> dict[tuple[str, str], list[str]]:
    found = {}
    for path in sorted((REPO / "site").glob("????/??/??/briefing.json")):
        briefing = json.loads(path.read_text())
        for topic in briefing["topics"]:
            found[briefing["date"], topic["id"]] = [sentence["text"] for sentence in topic["summary"]]
    return found


def test_quality_evaluation_scores_the_published_summaries_and_both_baselines():
    evaluated = {(day.isoformat(), topic): produced for day, topic, produced in summaries(REPO)}
    published = published_summaries()
    assert evaluated.keys() == published.keys()
    for key, produced in evaluated.items():
        assert produced["briefgen"] == published[key]
        assert len(produced["lead-3"]) == 3
        assert len(produced["sumy LexRank"]) == len(published[key])
