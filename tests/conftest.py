import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

# Fixtures for every test: the headless Chromium, and built sites.
from browser import browser  # noqa: E402,F401
from sites import busy_site, demo_site  # noqa: E402,F401
