"""`jobboard serve`: build, serve, and rebuild + update every open page when sources change.

Why not livereload (which this module used before): its watcher drops any save made within its
delay of the previous reload ("Ignore: …"), its 404 is a bare page without the reload script
(so a page whose posting went away never recovered), and it has no way to show a failed build in
the page. So the pieces are:

* Watching: `watchfiles` (well kept, built on the Rust `notify` crate). It batches a burst of
  saves into one set of changes, and keeps collecting while a build runs. Changes are handed to
  one builder thread through a pending set, so saves that arrive during a build are never lost:
  they make exactly one more build, however many there were.
* Serving: the standard library's ThreadingHTTPServer over the output folder, under the base
  URL's path when `base_url` has one (the site's own 404 page links from there; `/` redirects
  to it). Every HTML response (the site's 404 page at any missing path too, with status 404)
  gets a small client script before `</body>`; nothing is added to the built site itself.
* Telling pages: Server-Sent Events on `/__jobboard__/events`. EventSource reconnects by
  itself, so a page survives a failed build, a restart of the server or a laptop lid. Each page
  connects with its own path and the site version it was served from, so the server decides
  per page: `reload` after a good build; `redirect` when the page's URL left the site and the
  posting it showed (matched by its source file and line) has a new URL; `build-error` with the
  located messages while the last build failed, shown as an overlay until a good build
  reloads the page. (Not "error": that name is EventSource's own connection-error event.) A page
  that connects with an older version than the site's is reloaded at once, so a build that
  finished while a page was loading is never missed. Hidden tabs close their stream and reopen
  it when shown, because a browser allows only six HTTP/1.1 connections per host and each open
  stream holds one.
* Order: the port is bound first (a port in use is one line and exit 2 before any work is done,
  or the next free port when none was asked for), the watcher starts before the first build (a
  save during it is kept), and "Serving …" is printed only once there is a site to serve.
* The terminal: the first build's full summary, then one line per build and only the messages
  that are new since the build before (a note that stays is printed once); a failed build's
  errors in full. A build that raises (a bug, or a Python error in a template) is shown like a
  failed one, with its traceback in the terminal, and serving goes on.
* A build whose inputs are those of the site already there ("nothing changed") writes nothing
  and plans nothing, so the postings that redirects are worked out from are then taken from a
  build that writes nothing; and open pages are left alone unless they show a failed build.

The only module that imports watchfiles.
"""

from __future__ import annotations

import contextlib
import errno
import http.server
import json
import queue
import re
import secrets
import signal
import socket
import sys
import threading
import time
import traceback
import webbrowser
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any
from urllib.parse import parse_qs, unquote, urlparse, urlsplit

from watchfiles import Change, DefaultFilter, watch

from generator.build import BuildOptions, BuildResult, build_site, display_path
from generator.buildstate import BuildCache
from generator.config import SiteConfig
from generator.errors import Severity
from generator.normalize.locations import load_places
from generator.render import BUILTIN_TEMPLATES
from generator.urls import NOT_FOUND, posting_url
from generator.writer import BUILTIN_STATIC

EVENTS_PATH = "/__jobboard__/events"
DEFAULT_PORT = 8000
PORTS_TRIED = 20  # without --port, the next free one of 8000…8019 is taken
KEEPALIVE_SECONDS = 15.0  # a comment on each open stream, so closed tabs are noticed
RETRY_MS = 1000  # how soon a page's EventSource reconnects after the server went away
# watchfiles yields once no change has come for STEP ms (at most DEBOUNCE ms after the first),
# so an editor's "save all" or a formatter's rewrite makes one build.
WATCH_STEP_MS = 50
WATCH_DEBOUNCE_MS = 1600

Report = Callable[[BuildResult, bool, Path], None]


def watched_folders(config: SiteConfig) -> list[Path]:
    """Content, logos, templates and assets: the user's and the built-in ones."""
    folders = [
        config.content_dir,
        config.logos_dir,
        config.templates_dir,
        config.static_dir,
        BUILTIN_TEMPLATES,
        BUILTIN_STATIC,
    ]
    unique: list[Path] = []
    for folder in folders:
        if folder is None:
            continue
        resolved = folder.resolve()
        if resolved.is_dir() and not any(resolved.is_relative_to(u) for u in unique):
            unique = [u for u in unique if not u.is_relative_to(resolved)] + [resolved]
    return unique


class SourceFilter(DefaultFilter):
    """watchfiles' filter (editor swap files, .git, caches) and what the build writes itself:
    the output folder, its staging folders, its build report and the build cache; and hidden
    files in the content folder, which the build never reads."""

    def __init__(self, config: SiteConfig) -> None:
        super().__init__()
        self.output = config.output_dir.resolve()
        self.cache = config.cache_dir.resolve()
        self.content = config.content_dir.resolve()

    def __call__(self, change: Change, path: str) -> bool:
        if not super().__call__(change, path):
            return False
        file = Path(path)
        if file.is_relative_to(self.output) or file.is_relative_to(self.cache):
            return False
        for parent in (file, *file.parents):
            if parent.parent == self.output.parent and parent.name.startswith(
                (f".{self.output.name}.", f"{self.output.name}.build-report")
            ):
                return False
        if file.is_relative_to(self.content):
            inside = file.relative_to(self.content).parts
            return not any(part.startswith(".") for part in inside)
        return True


# --- what the terminal shows ---


def say(text: str, *, error: bool = False) -> None:
    print(text, file=sys.stderr if error else sys.stdout, flush=True)


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' * (count != 1)}"


def changed_files(changes: dict[str, set[Change]]) -> str:
    """The saved files, for the terminal: "content/a.md changed", "content/b.md deleted". A
    file an editor wrote and renamed away in the same batch (its temporary file) is left out."""
    saved = [p for p in sorted(changes) if Path(p).exists()]
    deleted = [
        p for p in sorted(changes) if not Path(p).exists() and Change.added not in changes[p]
    ]
    parts = []
    for paths, verb in ((saved, "changed"), (deleted, "deleted")):
        if paths:
            names = ", ".join(display_path(Path(p)) for p in paths[:2])
            more = f" and {len(paths) - 2} more" if len(paths) > 2 else ""
            parts.append(f"{names}{more} {verb}")
    return "; ".join(parts) or "a change"


def crash_message(err: BaseException) -> str:
    """A build that raised (a bug, or a Python error inside a template), as one located line:
    the innermost frame, which Jinja rewrites to the template's own file and line."""
    frames = traceback.extract_tb(err.__traceback__)
    where = f"{display_path(Path(frames[-1].filename))}:{frames[-1].lineno}" if frames else "build"
    last = traceback.format_exception_only(type(err), err)[-1].strip()
    return f"{where}: error: the build crashed: {last} (the previous site is still served)"


# --- which open page goes where ---


def moved_postings(old: BuildResult, new: BuildResult) -> dict[str, str]:
    """Posting URLs that left the site → the URL the same posting has now, matched by its
    sources (file and line), else by a file that held only that posting before and after."""
    new_urls = {spec.url for spec in new.pages}
    by_source: dict[tuple[str, int | None], str] = {}
    by_file: dict[str, set[str]] = {}
    for posting in new.catalog.postings:
        for source in posting.sources:
            by_source.setdefault((source.path, source.line), posting_url(posting.slug))
            by_file.setdefault(source.path, set()).add(posting_url(posting.slug))
    old_by_file: dict[str, int] = {}
    for posting in old.catalog.postings:
        for path in {source.path for source in posting.sources}:
            old_by_file[path] = old_by_file.get(path, 0) + 1
    moved: dict[str, str] = {}
    for posting in old.catalog.postings:
        url = posting_url(posting.slug)
        if url in new_urls:
            continue
        exact = [
            by_source[(s.path, s.line)] for s in posting.sources if (s.path, s.line) in by_source
        ]
        alone = [
            next(iter(by_file[s.path]))
            for s in posting.sources
            if old_by_file.get(s.path) == 1 and len(by_file.get(s.path, ())) == 1
        ]
        if exact or alone:
            moved[url] = (exact or alone)[0]
    return moved


class Client:
    """One open page's event stream."""

    def __init__(self, url: str | None) -> None:
        self.url = url  # the page's URL inside the site ("jobs/x/"), None when outside it
        self.events: queue.Queue[tuple[str, bool] | None] = queue.Queue()

    def send(self, name: str, data: dict[str, Any], *, last: bool = False) -> None:
        self.events.put((f"event: {name}\ndata: {json.dumps(data)}\n\n", last))


class LiveSite:
    """What the builder and the request threads share: the last builds, the open pages."""

    def __init__(self, config: SiteConfig, options: BuildOptions, report: Report) -> None:
        self.config = config
        self.options = options
        self.report = report
        # One cache for the whole session: unchanged files are not even unpickled again.
        self.cache = BuildCache(config.cache_dir, clean=options.clean)
        self.base_path = urlparse(config.base_url).path or "/"
        if not self.base_path.endswith("/"):
            self.base_path += "/"
        self.token = secrets.token_hex(4)  # tells this server's versions from a previous one's
        self.generation = 0
        self.lock = threading.Condition()
        self.building = False
        self.builds = 0
        self.good: BuildResult | None = None  # the build whose site is being served
        self.site_urls: set[str] = set()
        self.moved: dict[str, str] = {}  # every posting URL that moved while serving → now
        self.errors: list[str] = []  # the last build's errors; empty when it was good
        self.shown: set[str] = set()  # diagnostics already printed
        self.clients: set[Client] = set()

    @property
    def version(self) -> str:
        return f"{self.token}-{self.generation}"

    # --- building ---

    def build(self, changes: dict[str, set[Change]] | None = None) -> None:
        """One build; then the terminal and every open page are told how it went."""
        with self.lock:
            self.building = True
        started = time.perf_counter()
        result: BuildResult | None = None
        crash: BaseException | None = None
        try:
            try:
                result = build_site(self.config, self.options, cache=self.cache)
            except Exception as err:  # a bug must not stop the preview: shown, serving goes on
                crash = err
            if result is not None and result.unchanged:
                self._unchanged()
            elif result is not None and not result.failed:
                self._built(result)
            else:
                errors = (
                    [d.format() for d in result.diagnostics.errors]
                    if result is not None
                    else [crash_message(crash or RuntimeError("no result"))]
                )
                with self.lock:
                    self.errors = errors
                    for client in self.clients:
                        client.send("build-error", {"errors": errors})
        finally:
            # Only now: a request that waited for the build reads the new site and version.
            with self.lock:
                self.building = False
                self.lock.notify_all()
        first = self.builds == 0
        self.builds += 1
        elapsed = time.perf_counter() - started
        self._tell_terminal(result, crash, first, elapsed, changes or {})

    def _unchanged(self) -> None:
        """The inputs are those of the site being served: pages showing a failed build's
        messages reload to lose them, the others have nothing to show."""
        with self.lock:
            if self.errors:
                self.errors = []
                for client in self.clients:
                    client.send("reload", {}, last=True)

    def learn_site(self) -> None:
        """When the first build found the site up to date, it planned nothing: the postings
        and URLs that redirects are worked out from come from a build that writes nothing."""
        if self.good is not None:
            return
        try:
            result = build_site(self.config, self.options, write=False, cache=self.cache)
        except Exception:
            return  # the next build will know; until then a retitled page just reloads
        with self.lock:
            if self.good is None and not result.failed:
                self.good, self.site_urls = result, {spec.url for spec in result.pages}

    def _built(self, result: BuildResult) -> None:
        with self.lock:
            moved = moved_postings(self.good, result) if self.good is not None else {}
            urls = {spec.url for spec in result.pages}
            self.moved = {old: moved.get(new, new) for old, new in self.moved.items()}
            self.moved.update(moved)
            self.moved = {
                old: new for old, new in self.moved.items() if old not in urls and new in urls
            }
            self.good, self.site_urls, self.errors = result, urls, []
            self.generation += 1
            for client in self.clients:
                self._update(client)

    def _update(self, client: Client) -> None:
        """A page whose site changed: to the posting's new URL if its own left, else reload."""
        target = self.moved.get(client.url) if client.url is not None else None
        if target is not None and client.url not in self.site_urls:
            client.send("redirect", {"url": f"{self.base_path}{target}"}, last=True)
        else:
            client.send("reload", {}, last=True)

    def _tell_terminal(
        self,
        result: BuildResult | None,
        crash: BaseException | None,
        first: bool,
        elapsed: float,
        changes: dict[str, set[Change]],
    ) -> None:
        """The first build's full summary; afterwards one line per build, the diagnostics that
        are new since the build before, and a failed build's errors in full."""
        stamp = time.strftime("%H:%M:%S") + ("" if first else f" {changed_files(changes)} →")
        if result is None:
            say(
                f"{stamp} build crashed in {elapsed:.2f} s (the previous site is still served):",
                error=True,
            )
            if crash is not None:
                say("".join(traceback.format_exception(crash)).rstrip(), error=True)
            return
        messages = result.diagnostics.sorted()
        formatted = [d.format() for d in messages]
        if first:
            self.report(result, not result.failed, self.config.output_dir)
            sys.stdout.flush()
            sys.stderr.flush()
            self.shown = set(formatted)
            return
        problems = len(result.diagnostics.warnings)
        errors = len(result.diagnostics.errors)
        new = [
            text
            for d, text in zip(messages, formatted, strict=True)
            if text not in self.shown and d.severity < Severity.ERROR
        ]
        self.shown = set(formatted)
        counts = f"{plural(problems, 'problem') if problems else 'no problems'}"
        counts += f" ({len(new)} new)" if new else ""
        pages = plural(result.summary.pages, "page")
        if result.failed:
            say(
                f"{stamp} build failed in {elapsed:.2f} s ({plural(errors, 'error')}; "
                "the previous site is still served):",
                error=True,
            )
            for diagnostic in result.diagnostics.errors:
                say(f"  {diagnostic.format()}", error=True)
        elif result.unchanged:
            say(f"{stamp} nothing changed ({elapsed:.2f} s): {pages}, {counts}")
        else:
            rendered = f" ({len(result.rendered)} rendered)" if result.rendered else ""
            say(f"{stamp} rebuilt in {elapsed:.2f} s: {pages}{rendered}, {counts}")
        for text in new:
            say(f"  {text}", error=True)

    # --- pages ---

    def site_url(self, path: str) -> str | None:
        """A request path as a URL inside the site ("/repo/jobs/x/" → "jobs/x/")."""
        path = unquote(path)
        if not path.startswith(self.base_path):
            return None
        url = path[len(self.base_path) :]
        return url[: -len("index.html")] if url.endswith("index.html") else url

    def connect(self, page: str, version: str) -> Client:
        client = Client(self.site_url(page))
        with self.lock:
            self.clients.add(client)
            moved = client.url is not None and client.url in self.moved
            if version != self.version or (moved and client.url not in self.site_urls):
                self._update(client)
            elif self.errors:
                client.send("build-error", {"errors": self.errors})
        return client

    def disconnect(self, client: Client) -> None:
        with self.lock:
            self.clients.discard(client)

    def wait_while_building(self, timeout: float = 60.0) -> bool:
        """Waits for a running build to end; False when none was running."""
        with self.lock:
            if not self.building:
                return False
            self.lock.wait_for(lambda: not self.building, timeout)
            return True

    def close(self) -> None:
        """Ends every open stream (the pages reconnect to the next server)."""
        with self.lock:
            for client in self.clients:
                client.events.put(None)


class Rebuilder:
    """A watcher thread collecting changes and a builder thread building them. Changes that
    come during a build wait in `pending` and make one more build when it ends."""

    def __init__(self, site: LiveSite) -> None:
        self.site = site
        self.stop = threading.Event()
        self.pending: dict[str, set[Change]] = {}
        self.changed = threading.Condition()
        self.watcher = threading.Thread(target=self._watch, name="jobboard-watch", daemon=True)
        self.builder = threading.Thread(target=self._build, name="jobboard-build", daemon=True)

    def start_watching(self) -> None:
        self.watcher.start()

    def start_building(self) -> None:
        self.builder.start()

    def _watch(self) -> None:
        folders = watched_folders(self.site.config)
        polling = False
        while not self.stop.is_set():
            try:
                for changes in watch(
                    *folders,
                    watch_filter=SourceFilter(self.site.config),
                    step=WATCH_STEP_MS,
                    debounce=WATCH_DEBOUNCE_MS,
                    stop_event=self.stop,
                    raise_interrupt=False,
                    force_polling=polling or None,
                ):
                    with self.changed:
                        for kind, path in changes:
                            self.pending.setdefault(path, set()).add(kind)
                        self.changed.notify()
                return
            except Exception as err:  # e.g. the system's limit of watched folders reached
                if polling:
                    say(f"jobboard: watching for changes stopped: {err}", error=True)
                    return
                say(f"jobboard: watching for changes failed ({err}); polling instead", error=True)
                polling = True

    def _build(self) -> None:
        self.site.learn_site()
        load_places()
        while True:
            with self.changed:
                self.changed.wait_for(lambda: bool(self.pending) or self.stop.is_set())
                if self.stop.is_set():
                    return
                changes, self.pending = self.pending, {}
            self.site.build(changes)

    def close(self, timeout: float = 10.0) -> None:
        """Stops watching; a build under way may finish, so no half-written site is left."""
        self.stop.set()
        with self.changed:
            self.changed.notify_all()
        if self.builder.is_alive():
            self.builder.join(timeout)
        if not self.builder.is_alive():
            self.site.cache.close()


# --- HTTP ---

CLIENT_SCRIPT = """<script id="jobboard-livereload">
// Added by `jobboard serve`, never part of the built site: reloads this page after each good
// build, follows a retitled posting to its new URL and shows a failed build's messages.
(() => {
  const version = __VERSION__;
  let source = null;
  const show = (errors) => {
    let host = document.querySelector("jobboard-build-error");
    if (!host) {
      host = document.createElement("jobboard-build-error");
      host.attachShadow({ mode: "open" });
      document.documentElement.append(host);
    }
    const root = host.shadowRoot;
    root.innerHTML = `<style>
      :host { all: initial; position: fixed; top: 1rem; left: 1rem; right: 1rem;
        z-index: 2147483647; }
      .box { position: relative; box-sizing: border-box; max-width: 60rem; max-height: 70vh;
        overflow: auto; margin: 0 auto; padding: 1rem 3.5rem 1rem 1.25rem;
        border: 2px solid #b3261e; border-radius: 8px; background: #fff4f3; color: #410e0b;
        box-shadow: 0 10px 30px rgb(0 0 0 / 35%); font: 15px/1.5 system-ui, sans-serif; }
      @media (prefers-color-scheme: dark) {
        .box { background: #2d1210; color: #ffdad6; border-color: #ff8a80; }
      }
      h2 { margin: 0 0 .5rem; font-size: 1.05rem; }
      ul { margin: 0; padding: 0; list-style: none; }
      li { margin: .4rem 0; white-space: pre-wrap; overflow-wrap: anywhere;
        font: 13.5px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
      p { margin: .75rem 0 0; }
      button { position: absolute; top: .6rem; right: .6rem; width: 2rem; height: 2rem;
        border: 1px solid currentColor; border-radius: 6px; background: transparent;
        color: inherit; font: 20px/1 system-ui, sans-serif; cursor: pointer; }
    </style>
    <div class="box" role="alert">
      <button type="button" aria-label="Dismiss">×</button>
      <h2></h2><ul></ul>
      <p>This page shows the last good build. Fix the problem and save: it reloads by itself.</p>
    </div>`;
    root.querySelector("h2").textContent =
      errors.length === 1 ? "The build failed" : `The build failed: ${errors.length} errors`;
    for (const text of errors) {
      const item = document.createElement("li");
      item.textContent = text;
      root.querySelector("ul").append(item);
    }
    root.querySelector("button").addEventListener("click", () => host.remove());
  };
  const connect = () => {
    if (source) return;
    const query = new URLSearchParams({ page: location.pathname, version });
    source = new EventSource("__EVENTS__?" + query);
    source.addEventListener("reload", () => { disconnect(); location.reload(); });
    source.addEventListener("redirect", (event) => {
      disconnect();
      location.replace(JSON.parse(event.data).url);
    });
    source.addEventListener("build-error", (event) => show(JSON.parse(event.data).errors));
    source.addEventListener("error", () => {
      // Reconnecting is EventSource's own job, except after an answer that was not a stream.
      if (source && source.readyState === EventSource.CLOSED) {
        disconnect();
        setTimeout(() => { if (!document.hidden) connect(); }, __RETRY__);
      }
    });
  };
  const disconnect = () => { if (source) { source.close(); source = null; } };
  // A browser gives a host six HTTP/1.1 connections: hidden tabs give theirs back.
  document.addEventListener("visibilitychange", () => (document.hidden ? disconnect() : connect()));
  if (!document.hidden) connect();
})();
</script>
""".replace("__EVENTS__", EVENTS_PATH).replace("__RETRY__", str(RETRY_MS))

FALLBACK_404 = b"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Page not found</title>
<meta name="color-scheme" content="light dark"></head>
<body><h1>Page not found</h1><p>The site has not been built yet, or has no page here.</p>
</body></html>
"""

BODY_END = re.compile(rb"</body\s*>", re.IGNORECASE)


def with_client(html: bytes, version: str) -> bytes:
    """The page with the reload client before its last `</body>` (or at its end)."""
    script = CLIENT_SCRIPT.replace("__VERSION__", json.dumps(version)).encode("utf-8")
    ends = list(BODY_END.finditer(html))
    if not ends:
        return html + script
    at = ends[-1].start()
    return html[:at] + script + html[at:]


class PreviewServer(http.server.ThreadingHTTPServer):
    daemon_threads = True
    # On Windows SO_REUSEADDR would let two servers share a port without an error.
    allow_reuse_address = sys.platform != "win32"

    def __init__(self, address: tuple[str, int], site: LiveSite) -> None:
        self.site = site
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, PreviewHandler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):
            return  # a tab closed or reloaded mid-answer
        super().handle_error(request, client_address)


class PreviewHandler(http.server.SimpleHTTPRequestHandler):
    server: PreviewServer

    def __init__(self, request: Any, client_address: Any, server: PreviewServer) -> None:
        super().__init__(
            request, client_address, server, directory=str(server.site.config.output_dir)
        )

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the terminal is for builds

    def do_GET(self) -> None:
        self.answer(body=True)

    def do_HEAD(self) -> None:
        self.answer(body=False)

    def answer(self, *, body: bool) -> None:
        site = self.server.site
        split = urlsplit(self.path)
        path = split.path  # still quoted: translate_path unquotes it
        if path == EVENTS_PATH:
            self.stream_events(parse_qs(split.query))
            return
        if not path.startswith(site.base_path):
            if path in ("/", site.base_path.rstrip("/")):
                self.redirect(site.base_path + (f"?{split.query}" if split.query else ""))
            else:
                self.not_found(body)
            return
        while True:
            version = site.version  # before the file, so a newer file only means one more reload
            target = Path(self.translate_path("/" + path[len(site.base_path) :]))
            if target.is_dir():
                if not split.path.endswith("/"):
                    self.redirect(split.path + "/" + (f"?{split.query}" if split.query else ""))
                    return
                target = target / "index.html"
            try:
                data = target.read_bytes()
            except OSError:
                # The output folder is swapped at the end of a build: ask again after it.
                if site.wait_while_building():
                    continue
                self.not_found(body)
                return
            self.send(200, self.guess_type(str(target)), data, version, body)
            return

    def not_found(self, body: bool) -> None:
        site = self.server.site
        version = site.version
        try:
            data = (site.config.output_dir / NOT_FOUND).read_bytes()
        except OSError:
            data = FALLBACK_404
        self.send(404, "text/html", data, version, body)

    def send(self, status: int, kind: str, data: bytes, version: str, body: bool) -> None:
        if kind == "text/html":
            data = with_client(data, version)
            kind = "text/html; charset=utf-8"
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")  # a reload always shows the new build
        self.end_headers()
        if body:
            self.wfile.write(data)

    def redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def stream_events(self, query: dict[str, list[str]]) -> None:
        site = self.server.site
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        client = site.connect(query.get("page", [""])[0], query.get("version", [""])[0])
        try:
            self.wfile.write(f"retry: {RETRY_MS}\n\n".encode())
            self.wfile.flush()
            while True:
                try:
                    event = client.events.get(timeout=KEEPALIVE_SECONDS)
                except queue.Empty:
                    event = (": still here\n\n", False)
                if event is None:
                    return
                text, last = event
                self.wfile.write(text.encode("utf-8"))
                self.wfile.flush()
                if last:
                    return
        except OSError:
            return  # the page went away
        finally:
            site.disconnect(client)
            self.close_connection = True


# --- the command ---


class ServeError(Exception):
    """A one-line reason `serve` cannot start (printed as `jobboard: …`, exit 2)."""


def listen(host: str, port: int | None, site: LiveSite) -> tuple[PreviewServer, str]:
    """The server, bound: on the given port, or the first free one from 8000 when none was
    given. Also returns a line to print when it is not the port asked for (else "")."""
    ports = [port] if port is not None else list(range(DEFAULT_PORT, DEFAULT_PORT + PORTS_TRIED))
    for candidate in ports:
        try:
            server = PreviewServer((host, candidate), site)
        except OSError as err:
            if err.errno == errno.EADDRINUSE:
                if port is not None:
                    raise ServeError(f"port {port} is in use; choose another with --port") from None
                continue
            if isinstance(err, socket.gaierror):
                raise ServeError(f"cannot serve on host {host!r}: {err.strerror}") from None
            raise ServeError(f"cannot serve on {host}:{candidate}: {err.strerror or err}") from None
        moved = f"port {DEFAULT_PORT} is in use; serving on port {candidate} instead"
        return server, moved if candidate != ports[0] else ""
    raise ServeError(f"ports {ports[0]}–{ports[-1]} are all in use; choose a free one with --port")


def site_address(host: str, port: int, path: str) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}{path}"


def serve(
    config: SiteConfig,
    options: BuildOptions,
    *,
    host: str,
    port: int | None,
    report: Report,
    open_browser: bool = False,
) -> int:
    """Builds once, then serves the output and rebuilds whenever a watched file changes.
    Returns the exit status: 0 when stopped with Ctrl+C, 2 when it cannot start."""
    site = LiveSite(config, options, report)
    try:
        server, note = listen(host, port, site)
    except ServeError as err:
        say(f"jobboard: {err}", error=True)
        return 2
    rebuilder = Rebuilder(site)
    previous = stop_on_sigterm()
    try:
        if note:
            say(f"jobboard: {note}")
        rebuilder.start_watching()  # before the first build, so no save is missed during it
        site.build()
        rebuilder.start_building()
        address = site_address(host, server.server_address[1], site.base_path)
        say(f"Serving {display_path(config.output_dir)} at {address} (Ctrl+C to stop)")
        if open_browser:
            threading.Thread(target=webbrowser.open, args=(address,), daemon=True).start()
        server.serve_forever()
    except KeyboardInterrupt:
        say("Stopped.")
    finally:
        site.close()
        server.server_close()
        with contextlib.suppress(KeyboardInterrupt):  # a second Ctrl+C while a build ends
            rebuilder.close()
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    return 0


def stop_on_sigterm() -> Any:
    """`kill` stops the server as Ctrl+C does (a clean stop, no traceback); main thread only."""
    if threading.current_thread() is not threading.main_thread():
        return None

    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    return signal.signal(signal.SIGTERM, interrupt)
