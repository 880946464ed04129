"""`jobboard serve` as an author uses it: the real command in a subprocess on a free port, a
small content folder, and what an open page is told over its event stream."""

from __future__ import annotations

import http.client
import json
import os
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest

from generator.serve import EVENTS_PATH
from tests.conftest import ROOT, needs_chromium, write_files

TODAY = "2026-11-24"
PILOT = (
    "---\ntitle: Harbour Pilot\nemployer: Harbor Labs\nlocation: Lisbon, Portugal\n"
    "date_posted: 2026-11-20\n---\nGuide ships in.\n"
)
CRANE = (
    "---\ntitle: Crane Operator\nemployer: Quayside Works\nlocation: Porto, Portugal\n"
    "date_posted: 2026-11-18\n---\nLift containers.\n"
)
PILOT_URL = "jobs/harbor-labs-harbour-pilot/"
CRANE_URL = "jobs/quayside-works-crane-operator/"
REBUILD = r" → (rebuilt|nothing changed|build failed|build crashed)"
WAIT = 30.0  # seconds any one condition may take before the test fails


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(check: Callable[[], Any], what: str, timeout: float = WAIT) -> Any:
    """Polls `check` until it returns something truthy; fails naming `what`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.02)
    raise AssertionError(f"timed out waiting for {what}")


class Events:
    """An open page's event stream, read in a thread: (name, data) pairs in a queue."""

    def __init__(self, port: int, page: str, version: str) -> None:
        self.queue: queue.Queue[tuple[str, dict[str, Any]]] = queue.Queue()
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=WAIT)
        query = urlencode({"page": page, "version": version})
        self.connection.request("GET", f"{EVENTS_PATH}?{query}")
        self.response = self.connection.getresponse()
        assert self.response.status == 200
        assert self.response.getheader("Content-Type") == "text/event-stream"
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        name, data = "message", ""
        try:
            for raw in self.response:
                line = raw.decode("utf-8").rstrip("\n")
                if line.startswith("event: "):
                    name = line[len("event: ") :]
                elif line.startswith("data: "):
                    data = line[len("data: ") :]
                elif not line and data:
                    self.queue.put((name, json.loads(data)))
                    name, data = "message", ""
        except (OSError, ValueError):
            pass

    def next(self, timeout: float = WAIT) -> tuple[str, dict[str, Any]]:
        try:
            return self.queue.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError("no event came") from None

    def close(self) -> None:
        self.connection.close()


class Served:
    """`jobboard serve` running in a subprocess; its merged output collected line by line. It
    runs in the test's own folder, so the build cache and the paths it prints are the test's."""

    def __init__(
        self, tmp: Path, *args: str, port: int | None = None, env: dict[str, str] | None = None
    ) -> None:
        self.port = port or free_port()
        self.content = tmp / "content"
        self.out = tmp / "site"
        self.lines: list[str] = []
        self.ended = threading.Event()  # all its output has been read
        command = [sys.executable, "-m", "generator", "serve", "--content", str(self.content)]
        command += ["--out", str(self.out), "--port", str(self.port), "--today", TODAY, *args]
        self.process = subprocess.Popen(
            command,
            cwd=tmp,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1", **(env or {})},
        )
        threading.Thread(target=self._collect, daemon=True).start()

    def _collect(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))
        self.ended.set()

    @property
    def output(self) -> str:
        return "\n".join(self.lines)

    def wait_for_line(self, pattern: str, count: int = 1) -> list[str]:
        def found() -> list[str]:
            assert self.process.poll() is None, f"serve ended:\n{self.output}"
            matches = [line for line in self.lines if re.search(pattern, line)]
            return matches if len(matches) >= count else []

        return list(wait_for(found, f"{count} line(s) matching {pattern!r} in:\n{self.output}"))

    def rebuilds(self) -> list[str]:
        return [line for line in self.lines if re.search(REBUILD, line)]

    def get(self, path: str, method: str = "GET") -> tuple[int, str, dict[str, str]]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=WAIT)
        try:
            connection.request(method, path)
            response = connection.getresponse()
            body = response.read().decode("utf-8")
            return response.status, body, dict(response.getheaders())
        finally:
            connection.close()

    def page(self, path: str) -> str:
        status, body, _ = self.get(path)
        assert status == 200, (path, status)
        return body

    def open(self, path: str) -> Events:
        """Loads a page (the 404 page included) as a browser would and opens its stream."""
        version = re.search(r'const version = "([^"]+)"', self.get(path)[1])
        assert version, f"no reload client in {path}"
        return Events(self.port, path, version.group(1))

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=WAIT)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.ended.wait(WAIT)
        return self.process.returncode


@pytest.fixture
def start(tmp_path: Path) -> Iterator[Callable[..., Served]]:
    """Starts `jobboard serve` over a content folder of two postings; waits until it serves."""
    running: list[Served] = []

    def starter(*args: str, env: dict[str, str] | None = None) -> Served:
        if not (tmp_path / "content").is_dir():
            write_files(tmp_path / "content", {"pilot.md": PILOT, "crane.md": CRANE})
        served = Served(tmp_path, *args, env=env)
        running.append(served)
        served.wait_for_line(r"^Serving ")
        return served

    yield starter
    for served in running:
        served.stop()


def save(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def test_an_edit_rebuilds_and_the_open_page_reloads(start: Callable[..., Served]) -> None:
    served = start()
    assert "Read 2 files: 2 postings" in served.output  # the first build's full summary
    assert "Guide ships in." in served.page(f"/{PILOT_URL}")
    events = served.open(f"/{PILOT_URL}")
    save(served.content / "pilot.md", PILOT.replace("Guide ships in.", "Guide tankers in."))
    assert events.next() == ("reload", {})
    assert "Guide tankers in." in served.page(f"/{PILOT_URL}")
    (line,) = served.rebuilds()
    assert re.search(r"^[\d:]{8} content/pilot\.md changed → rebuilt in \d+\.\d\d s: ", line)
    assert re.search(r": \d+ pages( \(\d+ rendered\))?, no problems$", line)
    # The base_url note is the same after the rebuild, so it was printed once only.
    assert served.output.count("base_url is not set") == 1


def test_no_save_is_lost(start: Callable[..., Served], tmp_path: Path) -> None:
    served = start()
    # Two saves 20 ms apart, in two files: both end up in the served pages.
    save(served.content / "pilot.md", PILOT.replace("Guide ships in.", "First save."))
    time.sleep(0.02)
    save(served.content / "crane.md", CRANE.replace("Lift containers.", "Second save."))
    wait_for(lambda: "First save." in served.page(f"/{PILOT_URL}"), "the first save")
    wait_for(lambda: "Second save." in served.page(f"/{CRANE_URL}"), "the second save")
    # A save while a build is writing the site makes one more build.
    save(served.content / "pilot.md", PILOT.replace("Guide ships in.", "Third save."))
    wait_for(lambda: list(tmp_path.glob(".site.building-*")), "a build under way")
    save(served.content / "crane.md", CRANE.replace("Lift containers.", "Saved mid-build."))
    wait_for(lambda: "Saved mid-build." in served.page(f"/{CRANE_URL}"), "the mid-build save")
    assert "Third save." in served.page(f"/{PILOT_URL}")


def test_a_burst_of_saves_makes_one_build(start: Callable[..., Served]) -> None:
    served = start()
    for name, text in (("a.md", PILOT), ("b.md", CRANE), ("pilot.md", PILOT)):
        save(served.content / name, text.replace("Harbour Pilot", "Burst Pilot"))
    served.wait_for_line(r"content/a\.md, content/b\.md and 1 more changed → rebuilt")
    # One more save after it: had the burst made a second build, it would come before this.
    save(served.content / "crane.md", CRANE.replace("Lift containers.", "Marker."))
    served.wait_for_line(r"crane\.md changed → rebuilt")
    assert len(served.rebuilds()) == 2, served.output


def test_a_missing_path_gets_the_sites_own_404_page(start: Callable[..., Served]) -> None:
    served = start()
    status, body, headers = served.get("/jobs/no-such-job/")
    assert status == 404
    assert "Page not found" in body and "See all open positions" in body
    assert 'id="jobboard-livereload"' in body  # so the page recovers when the posting returns
    assert body.index('id="jobboard-livereload"') < body.rindex("</body>")
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert served.get("/jobs/no-such-job/", method="HEAD")[:2] == (404, "")
    # A folder without its slash is redirected; assets are served as they are, uncached.
    status, _, headers = served.get("/jobs")
    assert (status, headers["Location"]) == (302, "/jobs/")
    status, css, headers = served.get("/static/style.css")
    assert status == 200 and "jobboard-livereload" not in css
    assert headers["Cache-Control"] == "no-store"


def test_the_site_is_served_under_the_base_urls_path(start: Callable[..., Served]) -> None:
    served = start("--base-url", "https://example.github.io/repo/")
    assert "http://127.0.0.1:" in served.output and "/repo/ (Ctrl+C to stop)" in served.output
    status, _, headers = served.get("/")
    assert (status, headers["Location"]) == (302, "/repo/")
    assert "Harbour Pilot" in served.page("/repo/")
    status, body, _ = served.get("/repo/jobs/gone/")
    assert status == 404 and 'href="/repo/"' in body  # the 404 page links from the base path
    assert served.get(f"/{PILOT_URL}")[0] == 404  # outside the base path, as on GitHub Pages


def own_posting_template(tmp_path: Path) -> tuple[Path, str]:
    """A user templates folder holding a copy of the built-in posting template, and its text."""
    templates = tmp_path / "templates"
    good = (ROOT / "templates" / "posting.html").read_text(encoding="utf-8")
    write_files(templates, {"posting.html": good})
    return templates, good


def test_a_broken_template_shows_its_error_until_fixed(
    start: Callable[..., Served], tmp_path: Path
) -> None:
    templates, good = own_posting_template(tmp_path)
    served = start("--templates", str(templates))
    events = served.open(f"/{PILOT_URL}")
    lines = good.splitlines(keepends=True)
    broken = "".join(lines[:4]) + "{% if %}\n" + "".join(lines[4:])  # line 5
    save(templates / "posting.html", broken)
    name, data = events.next()
    assert name == "build-error"
    (message,) = data["errors"]
    assert re.search(r"posting\.html:5: error: template error.*Expected an expression", message)
    # The terminal shows the same message; the previous site is still served.
    served.wait_for_line(r"posting\.html changed → build failed in .*1 error")
    served.wait_for_line(re.escape(message))
    assert "Guide ships in." in served.page(f"/{PILOT_URL}")
    # A page opened while the build is failed is told at once.
    late = served.open(f"/{CRANE_URL}")
    assert late.next()[0] == "build-error"
    save(templates / "posting.html", good)
    assert events.next() == ("reload", {})
    assert late.next() == ("reload", {})
    # The site is again as its last good build: nothing to write, the messages go.
    served.wait_for_line(r"posting\.html changed → nothing changed")


def test_a_crash_in_the_build_is_shown_and_serving_goes_on(
    start: Callable[..., Served], tmp_path: Path
) -> None:
    templates, good = own_posting_template(tmp_path)
    served = start("--templates", str(templates))
    events = served.open(f"/{PILOT_URL}")
    # A Python error inside a template is no TemplateError: the build raises.
    crash = "{% block main %}\n{{ 1 // (view.page.title|length * 0) }}"
    save(templates / "posting.html", good.replace("{% block main %}", crash, 1))
    name, data = events.next()
    assert name == "build-error"
    (message,) = data["errors"]
    assert "posting.html:3: error: the build crashed: ZeroDivisionError" in message
    served.wait_for_line(r"build crashed in")
    assert "Guide ships in." in served.page(f"/{PILOT_URL}")
    save(templates / "posting.html", good)
    assert events.next() == ("reload", {})


def test_retitled_deleted_and_new_postings(start: Callable[..., Served]) -> None:
    served = start()
    pilot = served.open(f"/{PILOT_URL}")
    save(served.content / "pilot.md", PILOT.replace("Harbour Pilot", "Senior Harbour Pilot"))
    new_url = "/jobs/harbor-labs-senior-harbour-pilot/"
    assert pilot.next() == ("redirect", {"url": new_url})
    assert "Senior Harbour Pilot" in served.page(new_url)
    assert served.get(f"/{PILOT_URL}")[0] == 404
    # A page still on the old URL (it was reloading during the build) is sent on when it connects.
    assert served.open(f"/{PILOT_URL}").next() == ("redirect", {"url": new_url})
    # A deleted posting's page reloads into the 404 page, which keeps the reload client…
    crane = served.open(f"/{CRANE_URL}")
    (served.content / "crane.md").unlink()
    assert crane.next() == ("reload", {})
    status, body, _ = served.get(f"/{CRANE_URL}")
    assert status == 404 and 'id="jobboard-livereload"' in body
    served.wait_for_line(r"crane\.md deleted → rebuilt")
    # …so when the posting comes back, the page does too.
    gone = served.open(f"/{CRANE_URL}")
    save(served.content / "crane.md", CRANE)
    assert gone.next() == ("reload", {})
    assert "Lift containers." in served.page(f"/{CRANE_URL}")
    # A new posting gets its page.
    save(served.content / "diver.md", PILOT.replace("Harbour Pilot", "Harbour Diver"))
    wait_for(lambda: served.get("/jobs/harbor-labs-harbour-diver/")[0] == 200, "the new page")


def test_a_restarted_server_still_follows_a_retitled_posting(
    start: Callable[..., Served],
) -> None:
    start().stop()
    # The site is as the last build left it: the first build is "Nothing changed"…
    served = start()
    assert "Nothing changed" in served.output
    # …and still knows which posting each page shows.
    pilot = served.open(f"/{PILOT_URL}")
    save(served.content / "pilot.md", PILOT.replace("Harbour Pilot", "Night Harbour Pilot"))
    assert pilot.next() == ("redirect", {"url": "/jobs/harbor-labs-night-harbour-pilot/"})
    # Saving a file unchanged rebuilds nothing, and open pages are left alone.
    crane = served.open(f"/{CRANE_URL}")
    save(served.content / "crane.md", CRANE)
    served.wait_for_line(r"crane\.md changed → nothing changed")
    with pytest.raises(AssertionError, match="no event"):
        crane.next(timeout=0.5)


def test_open_opens_the_browser(start: Callable[..., Served], tmp_path: Path) -> None:
    opened = tmp_path / "opened.txt"
    script = tmp_path / "browser.py"
    script.write_text(f"import sys; open({str(opened)!r}, 'w').write(sys.argv[1])\n")
    served = start("--open", env={"BROWSER": f"{sys.executable} {script} %s"})
    wait_for(opened.exists, "the browser to be opened")
    wait_for(opened.read_text, "the address")
    assert opened.read_text() == f"http://127.0.0.1:{served.port}/"


def test_a_page_from_an_older_build_reloads_when_it_connects(
    start: Callable[..., Served],
) -> None:
    served = start()
    page = served.open(f"/{PILOT_URL}")
    page.close()  # the tab was hidden, or the page was still loading, during the build
    status, body, _ = served.get(f"/{PILOT_URL}")
    version = re.search(r'const version = "([^"]+)"', body)
    assert version
    save(served.content / "pilot.md", PILOT.replace("Guide ships in.", "Guide yachts in."))
    served.wait_for_line(r" → rebuilt")
    assert Events(served.port, f"/{PILOT_URL}", version.group(1)).next() == ("reload", {})
    assert Events(served.port, f"/{PILOT_URL}", "another-server-0").next() == ("reload", {})


def test_a_port_in_use_is_one_line_and_exit_2(tmp_path: Path) -> None:
    write_files(tmp_path / "content", {"pilot.md": PILOT})
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        served = Served(tmp_path, port=port)
        assert served.process.wait(timeout=WAIT) == 2
    served.ended.wait(WAIT)
    assert served.output == f"jobboard: port {port} is in use; choose another with --port"


def test_without_port_the_next_free_one_is_taken(monkeypatch: pytest.MonkeyPatch) -> None:
    import generator.serve as serve_module

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        monkeypatch.setattr(serve_module, "DEFAULT_PORT", port)
        site = serve_module.LiveSite.__new__(serve_module.LiveSite)  # no request will ask it
        try:
            server, note = serve_module.listen("127.0.0.1", None, site)
        except serve_module.ServeError:
            pytest.skip("the ports after a free one were taken")
        try:
            used = server.server_address[1]
            assert used != port
            assert note == f"port {port} is in use; serving on port {used} instead"
        finally:
            server.server_close()


def test_ctrl_c_stops_cleanly(start: Callable[..., Served]) -> None:
    served = start()
    served.open(f"/{PILOT_URL}")  # an open page does not hold the server up
    assert served.stop() == 0
    assert "Traceback" not in served.output
    assert served.lines[-1] == "Stopped."


# --- in a real browser ---


@pytest.mark.browser
@needs_chromium
def test_an_author_at_work_in_the_browser(
    start: Callable[..., Served], tmp_path: Path, page: Any
) -> None:
    templates, good = own_posting_template(tmp_path)
    served = start("--templates", str(templates))
    base = f"http://127.0.0.1:{served.port}"
    page.goto(f"{base}/{PILOT_URL}")
    page.wait_for_function("() => document.querySelector('#jobboard-livereload')")
    page.evaluate("() => { window.notReloaded = true; }")
    # A broken template: the open page shows the located message over the last good build.
    save(templates / "posting.html", good.replace("{% endblock %}", "{% endblok %}", 1))
    overlay = page.locator("jobboard-build-error")
    overlay.locator("li").wait_for(timeout=WAIT * 1000)
    message = overlay.locator("li").first
    assert re.search(r"posting\.html:\d+: error: template error", message.inner_text())
    assert message.is_visible()
    assert "The build failed" in overlay.locator("h2").inner_text()
    assert page.evaluate("() => window.notReloaded") is True
    # Fixed: the overlay goes and the page is reloaded.
    save(templates / "posting.html", good.replace("Apply", "Apply now", 1))
    page.wait_for_function("() => window.notReloaded === undefined", timeout=WAIT * 1000)
    page.wait_for_function("() => document.querySelector('#jobboard-livereload')")
    assert overlay.count() == 0
    # Retitled: the page lands on the posting's new URL.
    save(served.content / "pilot.md", PILOT.replace("Harbour Pilot", "Chief Harbour Pilot"))
    page.wait_for_url(f"{base}/jobs/harbor-labs-chief-harbour-pilot/", timeout=WAIT * 1000)
    assert "Chief Harbour Pilot" in page.locator("h1").inner_text()
