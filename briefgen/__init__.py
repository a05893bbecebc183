"""briefgen: turn a day's news articles into a static daily briefing."""

__version__ = "0.1.0"
