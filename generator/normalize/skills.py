"""Skills: one canonical name per skill, whatever alias or casing the source used."""

from __future__ import annotations

import re

# canonical name → aliases (matched case-insensitively, whole words)
SKILL_ALIASES: dict[str, tuple[str, ...]] = {
    "Machine Learning": ("ml", "machine-learning", "applied machine learning"),
    "Artificial Intelligence": ("ai",),
    "Deep Learning": ("dl",),
    "Natural Language Processing": ("nlp", "natural language processing"),
    "Computer Vision": ("cv",),
    "Large Language Models": ("llm", "llms", "large language model"),
    "Recommendation Systems": (
        "recommender systems",
        "recommendations",
        "recsys",
        "recommendation system",
    ),
    "Distributed Systems": ("distributed computing",),
    "Data Engineering": (),
    "Data Pipelines": ("data pipeline", "etl pipelines"),
    "Python": ("python3", "py"),
    "JavaScript": ("js", "javascript", "ecmascript"),
    "TypeScript": ("ts",),
    "Go": ("golang",),
    "Rust": (),
    "Java": (),
    "Kotlin": (),
    "Swift": (),
    "C++": ("cpp",),
    "C#": ("csharp", "c sharp"),
    "SQL": (),
    "PostgreSQL": ("postgres", "psql"),
    "MySQL": (),
    "Kubernetes": ("k8s",),
    "Docker": (),
    "Terraform": (),
    "Prometheus": (),
    "Grafana": (),
    "Amazon Web Services": ("aws",),
    "Google Cloud Platform": ("gcp", "google cloud"),
    "Microsoft Azure": ("azure",),
    "React": ("react.js", "reactjs"),
    "Node.js": ("node", "nodejs"),
    "Apache Spark": ("spark", "pyspark"),
    "Apache Kafka": ("kafka",),
    "Apache Airflow": ("airflow",),
    "PyTorch": ("torch",),
    "TensorFlow": ("tf",),
    "Statistics": ("statistical analysis",),
    "A/B Testing": ("ab testing", "experimentation", "a/b tests"),
    "Figma": (),
    "User Research": ("ux research",),
    "Product Strategy": (),
    "Technical Leadership": (),
    "People Management": ("people leadership", "team management"),
    "System Architecture": ("systems architecture", "software architecture"),
    "Search": ("search ranking", "information retrieval"),
    "Observability": ("monitoring",),
    "Linux": (),
    "GraphQL": (),
    # Tools whose own names are lower-case or oddly cased: title-casing them ("Dbt", "Npm",
    # "Scikit-Learn") would misname them.
    "dbt": ("data build tool",),
    "npm": (),
    "pnpm": (),
    "pandas": (),
    "NumPy": (),
    "scikit-learn": ("sklearn", "scikit learn"),
    "Next.js": ("nextjs",),
    "Vue.js": ("vue", "vuejs"),
    "jQuery": (),
    "iOS": (),
    "macOS": (),
    "gRPC": (),
    "pytest": (),
    "webpack": (),
    "Snowflake": (),
}

_ALIAS_INDEX: dict[str, str] = {}
for _canonical, _aliases in SKILL_ALIASES.items():
    _ALIAS_INDEX[_canonical.casefold()] = _canonical
    for _alias in _aliases:
        _ALIAS_INDEX[_alias.casefold()] = _canonical

# Aliases that are everyday words in prose: "recommend therapy changes … recommendations to
# prescribers" names no recommender system, "monitor credit scorecards" no observability stack.
# A listed skill may still use them ("Skills: monitoring"); prose must name the skill itself.
_ORDINARY_WORD_ALIASES = frozenset(
    {"recommendations", "monitoring", "experimentation", "node", "spark", "torch"}
)
# Skills whose names are also ordinary words count in prose only when capitalised as a name.
_CAPITALISED_IN_PROSE = frozenset({"search", "swift", "rust", "statistics", "snowflake"})

# Names long enough to find safely inside prose; two-letter aliases ("ai", "ts") are not.
_PROSE_TERMS = sorted(
    (
        term
        for term in _ALIAS_INDEX
        if (len(term) > 3 or term in {"sql", "aws", "gcp", "nlp"})
        and term not in _ORDINARY_WORD_ALIASES
    ),
    key=len,
    reverse=True,
)
_PROSE_PATTERN = re.compile(
    r"(?<![\w+#])(" + "|".join(re.escape(t) for t in _PROSE_TERMS) + r")(?![\w+#])", re.IGNORECASE
)


def canonical_skill(name: str) -> str:
    """ "ML" → "Machine Learning"; unknown skills keep their words with tidy casing."""
    cleaned = re.sub(r"\s+", " ", name).strip(" .,;:•-")
    known = _ALIAS_INDEX.get(cleaned.casefold())
    if known:
        return known
    if cleaned.islower():
        return " ".join(
            w if len(w) <= 2 and w in {"of", "in", "to", "an", "a"} else w[:1].upper() + w[1:]
            for w in cleaned.split(" ")
        )
    return cleaned


def normalize_skills(names: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Canonical, de-duplicated (case folded) skills in source order."""
    seen: dict[str, str] = {}
    for name in names:
        for piece in re.split(r"\s*[,;|]\s*|\s+•\s+", name):
            if not piece.strip() or len(piece) > 60:
                continue
            canonical = canonical_skill(piece)
            seen.setdefault(canonical.casefold(), canonical)
    return tuple(seen.values())


def skills_in_text(text: str) -> tuple[str, ...]:
    """Known skills named in free text, in order of first mention."""
    found: dict[str, None] = {}
    for match in _PROSE_PATTERN.finditer(text):
        term = match.group(1)
        if term.casefold() in _CAPITALISED_IN_PROSE and not term[:1].isupper():
            continue
        found.setdefault(_ALIAS_INDEX[match.group(1).casefold()], None)
    return tuple(found)
