"""`jobboard.toml` → `SiteConfig`: one validated, frozen schema; command-line options win."""

from __future__ import annotations

import difflib
import re
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from generator.errors import ConfigError, Diagnostic, Severity, SourceLocation

CONFIG_FILE = "jobboard.toml"
# GitHub Pages wants the CNAME file to hold a bare host name: no scheme, path or port.
DOMAIN = re.compile(r"([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}")


class RoleFamilyConfig(BaseModel):
    """A role family users add to (or put before) the built-in vocabulary."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    key: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", description="URL-safe identifier.")
    label: str = Field(description="Display name, e.g. 'Developer Advocate'.")
    patterns: tuple[str, ...] = Field(description="Case-insensitive regular expressions.")


class SiteConfig(BaseModel):
    """Everything a build needs to know besides the content itself."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    title: str = Field("Job Board", description="Site name shown in the header and titles.")
    description: str = Field(
        "Open positions, gathered in one place.",
        description="One sentence for the home page and meta description.",
    )
    base_url: str = Field(
        "",
        description="Public URL of the site root, e.g. https://user.github.io/repo/; used for "
        "canonical links, feeds and the sitemap. Links inside pages are relative and work "
        "anywhere.",
    )
    cname: str = Field(
        "",
        description="Custom domain for GitHub Pages (e.g. jobs.example.org), written to CNAME.",
    )
    language: str = Field("en", description="The lang attribute of every page.")
    content_dir: Path = Field(Path("content"), description="Folder of input postings.")
    output_dir: Path = Field(Path("site"), description="Build output folder.")
    templates_dir: Path = Field(
        Path("templates"), description="User templates, looked up before the built-in ones."
    )
    static_dir: Path = Field(Path("static"), description="User assets, copied over the built-in.")
    cache_dir: Path = Field(
        Path(".jobboard-cache"),
        description="The build cache, which makes rebuilds incremental; outside the output, "
        "never deployed, safe to delete.",
    )
    logos_dir: Path | None = Field(
        None,
        description="Employer logos named by employer slug (harbor-labs.svg); the site serves "
        "them itself, since remote logos are never hot-linked. Default: `logos/` in the "
        "content folder.",
    )
    page_size: int = Field(50, ge=5, le=1000, description="Postings per listing page.")
    max_file_bytes: int = Field(5_000_000, ge=1024, description="Larger input files are refused.")
    expire_after_days: int | None = Field(
        None, ge=1, description="Close postings older than this many days (none: never by age)."
    )
    merge_duplicates: bool = Field(
        True, description="Merge one job found in several sources into one posting."
    )
    search: bool = Field(True, description="Build the search index and search page.")
    search_engine: Literal["auto", "pagefind", "shards"] = Field(
        "auto",
        description="The full-text index: Pagefind, or the sharded index built for large "
        "boards; `auto` takes Pagefind below 20,000 open postings.",
    )
    role_families: tuple[RoleFamilyConfig, ...] = Field(
        (), description="Extra role families, matched before the built-in ones."
    )

    @field_validator("cname")
    @classmethod
    def _bare_domain(cls, value: str) -> str:
        value = value.strip().lower()
        if value and not DOMAIN.fullmatch(value):
            raise ValueError(f"{value!r} is not a bare domain name such as jobs.example.org")
        return value

    @field_validator("base_url")
    @classmethod
    def _trailing_slash(cls, value: str) -> str:
        value = value.strip()
        if value and not value.endswith("/"):
            value += "/"
        return value


def _suggest(key: str, known: list[str]) -> str:
    close = difflib.get_close_matches(key, known, n=1)
    return f"; did you mean {close[0]!r}?" if close else ""


def load_config(
    path: Path | None, overrides: dict[str, Any] | None = None, *, root: Path | None = None
) -> SiteConfig:
    """Reads the TOML file (if any), applies overrides, validates; relative paths from `root`.

    Every problem is reported at once, naming the file and the key.
    """
    data: dict[str, Any] = {}
    shown = str(path) if path else CONFIG_FILE
    if path is not None and path.exists():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as err:
            raise ConfigError(
                [Diagnostic(SourceLocation(shown), f"invalid TOML: {err}", "", Severity.ERROR)]
            ) from err
    data.update({k: v for k, v in (overrides or {}).items() if v is not None})
    try:
        config = SiteConfig.model_validate(data)
    except ValidationError as err:
        known = list(SiteConfig.model_fields)
        problems = []
        for item in err.errors():
            key = ".".join(str(p) for p in item["loc"])
            if item["type"] == "extra_forbidden":
                message = f"unknown key {key!r}{_suggest(key, known)}"
            else:
                message = f"{key}: {item['msg']}"
            problems.append(Diagnostic(SourceLocation(shown), message, "", Severity.ERROR))
        raise ConfigError(problems) from err
    base = root if root is not None else (path.parent if path else Path.cwd())
    resolved = {
        name: (base / getattr(config, name)).resolve()
        for name in (
            "content_dir",
            "output_dir",
            "templates_dir",
            "static_dir",
            "logos_dir",
            "cache_dir",
        )
        if getattr(config, name) is not None and not getattr(config, name).is_absolute()
    }
    if config.logos_dir is None:
        resolved["logos_dir"] = resolved.get("content_dir", config.content_dir) / "logos"
    return config.model_copy(update=resolved)
