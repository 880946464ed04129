"""The Jinja environment: autoescaping, undefined is an error, user templates first."""

from __future__ import annotations

from pathlib import Path

import jinja2
from markupsafe import Markup

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
