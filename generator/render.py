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
CARD_TEMPLATE = "partials/card.html"
# Rendered from Python (`card_html`), not included by name, so every page's digest covers them.
FRAGMENT_TEMPLATES = (CARD_TEMPLATE,)


class CardFragments:
    """`card_html(card, root)` for templates: a posting's card rendered once per build and
    link depth, however many lists show it (a board's ~10 lists per posting, and the similar
    jobs of ~5 others, made card rendering most of the render stage).

    A card sees only `card` and `root`. The memo is dropped when a new build starts, so an
    edited card template is never answered from an old one.
    """

    def __init__(self, env: jinja2.Environment) -> None:
        self.env = env
        self.build = ""
        self.memo: dict[tuple[object, str], Markup] = {}

    def begin(self, build: str) -> None:
        if build != self.build:
            self.build, self.memo = build, {}

    def __call__(self, card: object, root: str) -> Markup:
        key = (card, root)
        found = self.memo.get(key)
        if found is None:
            template = self.env.get_template(CARD_TEMPLATE)
            found = self.memo[key] = Markup(template.render(card=card, root=root))
        return found


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
    env.globals["card_html"] = CardFragments(env)
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
        pending = [name, *FRAGMENT_TEMPLATES]
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
    build: str  # what the build's pages are made from: card fragments are kept within one


@functools.lru_cache(maxsize=4)
def _environment(templates: Path | None) -> jinja2.Environment:
    # One compiled environment per worker process and templates folder: compiling the
    # templates again for every chunk of pages would cost more than rendering them.
    return make_environment(templates)


def render_to_files(specs: list[PageSpec], target: RenderTarget) -> list[RenderProblem | str]:
    """Renders pages into `target.folder` (one writer per path), giving each page's digest;
    stops at the first error."""
    env = _environment(target.templates)
    fragments = env.globals["card_html"]
    assert isinstance(fragments, CardFragments)
    fragments.begin(target.build)
    done: list[RenderProblem | str] = []
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
        data = text.encode("utf-8")
        path = target.folder / spec.output_path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        done.append(digest_of(data))
    return done
