"""Build-time benchmark: synthetic job feeds of N postings through the whole pipeline.

    python benchmarks/build_bench.py [--sizes 1000,10000] [--keep DIR]

Prints, per size, the seconds each stage of a clean build takes (read includes normalising;
both run on every core) and the pages written. Measures, never asserts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.build import BuildOptions, build_site  # noqa: E402
from generator.config import load_config  # noqa: E402

EMPLOYERS = [f"Synthetic Co {i}" for i in range(400)]
ROLES = [
    "Software Engineer",
    "Data Scientist",
    "Product Manager",
    "Engineering Manager",
    "Product Designer",
    "Site Reliability Engineer",
    "Data Engineer",
    "ML Engineer",
]
LEVELS = ["", "Senior ", "Staff ", "Principal ", "Junior "]
CITIES = [
    "Berlin, Germany",
    "London, UK",
    "San Francisco, CA, US",
    "Remote, US",
    "Toronto, ON, CA",
    "Bengaluru, India",
    "Remote (EMEA)",
    "Austin, TX",
    "Paris, France",
    "Seattle, WA",
]
SKILLS = ["Python", "Go", "Kubernetes", "SQL", "React", "Machine Learning", "Figma", "AWS", "Rust"]


# Words of real job ads, most common first; `prose` draws from them and from made-up words.
COMMON_WORDS = [
    "the",
    "and",
    "to",
    "of",
    "a",
    "you",
    "with",
    "in",
    "our",
    "for",
    "we",
    "will",
    "team",
    "is",
    "are",
    "on",
    "experience",
    "work",
    "as",
    "your",
    "be",
    "or",
    "an",
    "that",
    "this",
    "have",
    "who",
    "data",
    "build",
    "help",
    "customers",
    "across",
    "product",
    "engineering",
    "at",
    "from",
    "by",
    "skills",
    "years",
    "about",
    "role",
    "us",
    "new",
    "support",
    "systems",
    "working",
    "strong",
    "company",
    "benefits",
    "ability",
    "design",
    "teams",
    "people",
    "what",
    "ideal",
    "candidate",
    "including",
    "environment",
    "opportunity",
    "knowledge",
    "tools",
    "quality",
    "develop",
    "growth",
    "impact",
    "remote",
    "technical",
    "services",
    "communication",
    "own",
    "platform",
    "best",
    "practices",
    "collaborate",
    "responsibilities",
    "requirements",
]
SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ner",
    "sta",
    "tro",
    "vel",
    "qua",
    "dex",
    "pri",
    "ful",
    "bon",
    "ren",
    "sil",
    "gra",
    "mon",
    "tes",
    "lum",
    "cor",
    "vin",
]


@functools.lru_cache(maxsize=1)
def vocabulary() -> tuple[list[str], list[float]]:
    """Real ad words then 4,000 made-up ones, with Zipf weights (the nth word 1/n as common),
    so that an index meets the long tail of a real corpus, not a dozen repeated words."""
    rng = random.Random(1)
    made_up = {"".join(rng.choices(SYLLABLES, k=rng.randrange(2, 5))) for _ in range(6000)}
    rare = sorted(made_up - set(COMMON_WORDS))
    rng.shuffle(rare)
    words = COMMON_WORDS + rare[:4000]
    return words, [1 / (n + 1) for n in range(len(words))]


def prose(rng: random.Random, words: int) -> str:
    """About `words` words of description in paragraphs of 40–80 words."""
    vocab, weights = vocabulary()
    drawn = rng.choices(vocab, weights, k=words)
    paragraphs = []
    while drawn:
        size = rng.randrange(40, 81)
        paragraphs.append(f"<p>{' '.join(drawn[:size]).capitalize()}.</p>")
        drawn = drawn[size:]
    return "".join(paragraphs)


def synthetic_feed(count: int, seed: int = 7, words: int = 0) -> str:
    """A feed of `count` postings; `words` > 0 adds that much prose to each description (the
    default pages are tiny, as in the issue's own Pagefind figures)."""
    rng = random.Random(seed)
    jobs = []
    for i in range(count):
        low = rng.randrange(40, 250) * 1000
        posted = dt.date(2026, 11, 24) - dt.timedelta(days=rng.randrange(0, 60))
        skills = ", ".join(rng.sample(SKILLS, 3))
        body = prose(rng, words) if words else ""
        jobs.append(
            f"<job><externalid>s{i}</externalid>"
            f"<Title>{rng.choice(LEVELS)}{rng.choice(ROLES)} {i}</Title>"
            f"<Employername>{rng.choice(EMPLOYERS)}</Employername>"
            f"<Location>{rng.choice(CITIES)}</Location>"
            f"<Salaryrange>${low:,}-${low + 40000:,} USD</Salaryrange>"
            f"<Skills>{skills}</Skills><Postedate>{posted.isoformat()}</Postedate>"
            f"<Description><![CDATA[<p>Job {i}: build things with {skills}.</p>"
            f"{body}<ul><li>Ship</li><li>Learn</li></ul>]]></Description></job>"
        )
    return "<?xml version='1.0'?><source><jobs>" + "".join(jobs) + "</jobs></source>"


def run(size: int, keep: Path | None) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp) / "content"
        content.mkdir()
        per_file = 1000
        for start in range(0, size, per_file):
            (content / f"feed-{start:06d}.xml").write_text(
                synthetic_feed(min(per_file, size - start), start)
            )
        config = load_config(
            None,
            {
                "content_dir": content,
                "output_dir": keep or Path(tmp) / "site",
                "cache_dir": Path(tmp) / "cache",
                "max_file_bytes": 50_000_000,
            },
        )
        result = build_site(config, BuildOptions(today=dt.date(2026, 11, 24), clean=True))
        times = dict(result.timings)
        times["pages"] = result.summary.pages
        return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--keep", type=Path)
    args = parser.parse_args()
    columns = ["read", "merge", "plan", "render", "write", "index", "pages"]
    print(f"{'postings':>9} " + " ".join(f"{c:>10}" for c in columns))
    for size in (int(s) for s in args.sizes.split(",")):
        row = run(size, args.keep)
        print(
            f"{size:>9} "
            + " ".join(
                f"{row.get(c, 0):>10.0f}" if c == "pages" else f"{row.get(c, 0):>10.2f}"
                for c in columns
            )
        )


if __name__ == "__main__":
    main()
