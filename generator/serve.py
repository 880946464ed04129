"""`jobboard serve`: build, serve, and rebuild + reload the browser when sources change.

The only module that imports livereload.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from livereload import Server

from generator.build import BuildOptions, BuildResult, ReadCache, build_site
from generator.config import SiteConfig
from generator.render import BUILTIN_TEMPLATES
from generator.writer import BUILTIN_STATIC


def watched_folders(config: SiteConfig) -> list[Path]:
    """Content, templates and assets: the user's and the built-in ones."""
    folders = [
        config.content_dir,
        config.templates_dir,
        config.static_dir,
        BUILTIN_TEMPLATES,
        BUILTIN_STATIC,
    ]
    unique: list[Path] = []
    for folder in folders:
        resolved = folder.resolve()
        if resolved.is_dir() and resolved not in unique:
            unique.append(resolved)
    return unique


def serve(
    config: SiteConfig,
    options: BuildOptions,
    *,
    host: str,
    port: int,
    report: Callable[[BuildResult, bool, Path], None],
) -> None:
    """Builds once, then serves the output and rebuilds whenever a watched file changes."""

    cache = ReadCache()

    def rebuild() -> None:
        report(build_site(config, options, cache=cache), True, config.output_dir)

    rebuild()
    server = Server()
    for folder in watched_folders(config):
        server.watch(str(folder), rebuild, delay=0.3)
    print(f"Serving {config.output_dir} on http://{host}:{port}/ (Ctrl+C to stop)")
    server.serve(
        root=str(config.output_dir), host=host, port=port, open_url_delay=None, restart_delay=0
    )
