"""The Jinja environment: autoescaping, undefined is an error, user templates first."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import jinja2
from jinja2 import meta
from markupsafe import Markup

from generator.buildstate import digest_of
from generator.plan import PageSpec

BUILTIN_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def make_environment(user_templates: Path | None) -> jinja2.Environment:
    """User templates shadow built-in ones of the same name."""
    search = []
    if (
        user_templates is not None
        and user_templates.is_dir()
        and (user_templates.resolve() != BUILTIN_TEMPLATES)
    ):
        search.append(jinja2.FileSystemLoader(str(user_templates)))
    search.append(jinja2.FileSystemLoader(str(BUILTIN_TEMPLATES)))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(search),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    # Sanitised HTML (descriptions) and JSON-LD are trusted only through these two filters.
    env.filters["sanitized"] = Markup
    env.filters["json_ld"] = Markup
    return env


def render_page(env: jinja2.Environment, spec: PageSpec) -> str:
    """Renders one page; the view is the template's only variable."""
    template = env.get_template(spec.template)
    return template.render(view=spec.view)


def template_digests(env: jinja2.Environment) -> Callable[[str], str]:
    """A page template's digest, over its source and that of every template it extends,
    includes or imports: a page is rendered again when any template it loads changed.

    A template that names another by a variable could load any of them, so its digest
    covers all templates.
    """
    sources: dict[str, str] = {}
    references: dict[str, set[str | None]] = {}

    def source(name: str) -> str:
        if name not in sources:
            assert env.loader is not None
            text, filename, _ = env.loader.get_source(env, name)
            sources[name] = text
            # Named, so that a syntax error is reported with its file and line.
            tree = env.parse(text, name, filename)
            references[name] = set(meta.find_referenced_templates(tree))
        return sources[name]

    @functools.cache
    def digest(name: str) -> str:
        loaded: set[str] = set()
        pending = [name]
        while pending:
            current = pending.pop()
            if current in loaded:
                continue
            loaded.add(current)
            source(current)
            for ref in references[current]:
                pending.extend(env.list_templates() if ref is None else [ref])
        return digest_of(*(f"{n}\0{source(n)}" for n in sorted(loaded)))

    return digest


@dataclass(frozen=True)
class RenderProblem:
    """A template error while rendering one page, located for the report."""

    url: str
    template: str
    filename: str | None
    line: int | None
    message: str


@dataclass(frozen=True)
class RenderTarget:
    """Where pages are written: the staging folder, and the user's templates."""

    folder: Path
    templates: Path | None


@functools.lru_cache(maxsize=4)
def _environment(templates: Path | None) -> jinja2.Environment:
    # One compiled environment per worker process and templates folder: compiling the
    # templates again for every chunk of pages would cost more than rendering them.
    return make_environment(templates)


def render_to_files(specs: list[PageSpec], target: RenderTarget) -> list[RenderProblem | None]:
    """Renders pages into `target.folder` (one writer per path); stops at the first error."""
    env = _environment(target.templates)
    done: list[RenderProblem | None] = []
    for spec in specs:
        try:
            text = render_page(env, spec)
        except jinja2.TemplateError as err:
            done.append(
                RenderProblem(
                    spec.url,
                    spec.template,
                    getattr(err, "filename", None),
                    getattr(err, "lineno", None),
                    str(err),
                )
            )
            break
        path = target.folder / spec.output_path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
        done.append(None)
    return done
