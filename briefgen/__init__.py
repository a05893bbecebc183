"""briefgen: turn a day's news articles into a static daily briefing."""

from pathlib import Path

__version__ = "0.1.0"


def default_theme() -> Path:
    """The theme shipped in the wheel, or the repository's top-level `templates/`."""
    packaged = Path(__file__).parent / "templates"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parent.parent / "templates"
