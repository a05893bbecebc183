"""Real-browser checks for a generated site: headless Chromium (driven by Playwright), axe-core
and the Nu Html Checker (vnu).

The tools come from the machine: Chromium at /usr/bin/chromium (Debian's `chromium`, or
$BRIEFGEN_CHROMIUM), `java`, and the npm packages pinned in tests/checkers/ (install them with
`bash tests/checkers/install`). Where one is missing, the tests that need it are skipped with
the reason; with BRIEFGEN_REQUIRE_BROWSER=1 (set by .ci/run) they fail instead.

    def test_page(browser, tmp_path):
        with serve(site_folder, "/sub/path/") as base, open_page(browser, base + "index.html") as (page, events):
            assert axe(page) == [] and events.problems() == []
"""

import json
import os
import shutil
import subprocess
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

CHECKERS = Path(__file__).parent / "checkers" / "node_modules"
AXE = CHECKERS / "axe-core" / "axe.min.js"
VNU = CHECKERS / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
INSTALL_HINT = "install with `apt-get install chromium` and `bash tests/checkers/install`"


def missing(reason: str):
    """Skip a test whose tool is missing, or fail it where the tools are required (CI)."""
    message = f"{reason}; {INSTALL_HINT}"
    if os.environ.get("BRIEFGEN_REQUIRE_BROWSER") == "1":
        pytest.fail(message + " (BRIEFGEN_REQUIRE_BROWSER=1)", pytrace=False)
    pytest.skip(message)


def chromium_path() -> str | None:
    candidates = [os.environ.get("BRIEFGEN_CHROMIUM"), shutil.which("chromium"), "/usr/bin/chromium"]
    return next((c for c in candidates if c and os.access(c, os.X_OK)), None)


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole test session."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("the Python package playwright is not installed (pip install -e '.[test]')")
    executable = chromium_path()
    if executable is None:
        missing("Chromium is not installed")
    with sync_playwright() as driver:
        chromium = driver.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Events:
    """What a page did while it was open; a page of the site should do none of it."""

    dialogs: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    console: list = field(default_factory=list)
    failed: list = field(default_factory=list)
    external: list = field(default_factory=list)
    requests: list = field(default_factory=list)

    def problems(self) -> list[str]:
        return ([f"dialog: {d}" for d in self.dialogs] + [f"script error: {e}" for e in self.errors]
                + [f"console: {c}" for c in self.console] + [f"failed: {f}" for f in self.failed]
                + [f"outside request: {x}" for x in self.external])


def _is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("file", "data", "about") or parts.hostname in ("127.0.0.1", "localhost")


@contextmanager
def open_page(browser, url: str, width: int = 1280, height: int = 900, color_scheme: str = "light",
              media: str = "screen", javascript: bool = True, csp: bool = False):
    """Open `url` in a fresh browser context; yields (page, Events). Requests to anything but
    this machine are blocked and recorded in `events.external`. The pages' own
    Content-Security-Policy is bypassed unless `csp` (so axe-core can be injected, and so the
    XSS checks test escaping itself, not only the policy)."""
    context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=color_scheme,
                                  java_script_enabled=javascript, bypass_csp=not csp)
    events = Events()

    def route(request_route):
        if _is_local(request_route.request.url):
            request_route.continue_()
        else:
            events.external.append(request_route.request.url)
            request_route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("dialog", lambda dialog: (events.dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: events.errors.append(str(error)))
    page.on("console", lambda message: message.type in ("error", "warning") and events.console.append(message.text))
    page.on("request", lambda request: events.requests.append(request.url))
    page.on("requestfailed", lambda request: request.url not in events.external and events.failed.append(request.url))
    page.on("response", lambda response: response.status >= 400 and events.failed.append(f"{response.status} {response.url}"))
    page.emulate_media(media=media)
    try:
        page.goto(url, wait_until="load")
        yield page, events
    finally:
        context.close()


def axe(page, rules: dict | None = None) -> list[dict]:
    """axe-core's violations on the open page: [{id, impact, help, targets}], [] when clean."""
    if not AXE.is_file():
        missing(f"axe-core is not installed ({AXE} is missing)")
    page.add_script_tag(path=str(AXE))
    options = {"resultTypes": ["violations"], "rules": rules or {}}
    return page.evaluate(
        """options => axe.run(document, options).then(result => result.violations.map(v => ({
               id: v.id, impact: v.impact, help: v.help,
               targets: v.nodes.map(n => n.target.join(" "))})))""",
        options,
    )


def vnu(paths: list[Path]) -> list[dict]:
    """The Nu Html Checker's errors and warnings for HTML and CSS files: [{file, line, type, message}]."""
    java = shutil.which("java")
    if java is None:
        missing("Java is not installed (the Nu Html Checker needs it)")
    if not VNU.is_file():
        missing(f"the Nu Html Checker is not installed ({VNU} is missing)")
    run = subprocess.run([java, "-jar", str(VNU), "--format", "json", "--also-check-css", *map(str, paths)],
                         capture_output=True, text=True, check=False)
    report = json.loads(run.stderr or run.stdout)
    return [
        {"file": unquote(m.get("url", "")).removeprefix("file:"), "line": m.get("lastLine"),
         "type": m.get("subType", m["type"]), "message": m["message"]}
        for m in report["messages"] if m["type"] != "info" or m.get("subType") == "warning"
    ]


def html_pages(site: Path) -> list[str]:
    """Every HTML page of a site, as sorted relative paths."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


@contextmanager
def serve(folder: Path, prefix: str = "/"):
    """Serve `folder` over HTTP on 127.0.0.1 under `prefix` (like a GitHub Pages project site).

    Yields the base URL (ending in `/`). Missing paths answer 404 with the site's 404.html, as
    static hosts do.
    """
    handler = partial(_SiteHandler, prefix, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


class _SiteHandler(SimpleHTTPRequestHandler):
    def __init__(self, prefix, *args, **kwargs):
        self.prefix = prefix
        super().__init__(*args, **kwargs)

    def translate_path(self, path):
        path = urlsplit(path).path
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "outside-the-prefix" / "missing")
        return super().translate_path("/" + path[len(self.prefix):])

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, *args):
        pass
