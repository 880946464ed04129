"""A deterministic generator of N real-length Markdown postings, for the build benchmarks.

    python benchmarks/postings.py N OUT_DIR [--seed S]

Each posting is one Markdown file with YAML front matter (our native format) and a description
of 400–700 words with headings, lists, links, emphasis and now and then a table — the structure
real job ads have. The same N and seed always give byte-identical files, so two tools (jobboard
and Hugo) can be measured on exactly the same postings.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path


def _names(text: str) -> list[str]:
    return [name.strip() for name in text.split(",")]


EMPLOYERS = [
    f"{a} {b}"
    for a in _names(
        "Harbor, Juniper, Copper, Lumen, Northwind, Orchid, Pinecone, Quartz, Saffron, Tidal, "
        "Umber, Vantage, Willow, Yarrow, Zephyr, Alder, Birch, Cinder, Delta, Ember"
    )
    for b in _names(
        "Labs, Systems, Health, Logistics, Bank, Studio, Foods, Energy, Robotics, Media"
    )
]
ROLES = _names(
    "Software Engineer, Data Scientist, Product Manager, Engineering Manager, Product Designer, "
    "Site Reliability Engineer, Data Engineer, Machine Learning Engineer, Registered Nurse, "
    "Accountant, Sales Development Representative, Warehouse Associate, "
    "Customer Support Specialist, Marketing Manager, Electrician, Pastry Chef"
)
LEVELS = ["", "", "Senior ", "Staff ", "Principal ", "Junior ", "Lead "]
PLACES = [
    place.replace("/", ", ")
    for place in _names(
        "Berlin/Germany, London/United Kingdom, San Francisco/CA/United States, "
        "Toronto/ON/Canada, Bengaluru/India, Paris/France, Austin/TX/United States, "
        "Seattle/WA/United States, Madrid/Spain, Amsterdam/Netherlands, Sydney/Australia, "
        "Lisbon/Portugal, Dublin/Ireland, Warsaw/Poland, Tokyo/Japan, Remote"
    )
]
ARRANGEMENTS = ["onsite", "hybrid", "remote"]
TYPES = ["full-time", "full-time", "full-time", "part-time", "contract"]
SKILLS = _names(
    "Python, Go, Kubernetes, SQL, React, Machine Learning, Figma, AWS, Rust, TypeScript, Excel, "
    "Salesforce, Java, Terraform, Spark, Customer Service"
)
EURO = _names("Germany, France, Spain, Netherlands, Portugal, Ireland")
CURRENCY = {country: "EUR" for country in EURO} | {
    "United Kingdom": "GBP",
    "Canada": "CAD",
    "India": "INR",
    "Australia": "AUD",
    "Poland": "PLN",
    "Japan": "JPY",
}
HEADINGS = _names(
    "About the role, What you will do, What we look for, Nice to have, Benefits, How we work, "
    "About us, Our team, Interview process"
)
WORDS_TEXT = (
    "the and to of a you with in our for we will team is are on experience work as your be or "
    "an that this who have product customers build help data across systems new skills "
    "ability including support strong development business engineering working design "
    "opportunity people growth ownership quality clear impact tools partner services culture "
    "learn mentor deliver improve scale reliable secure thoughtful collaborative remote office "
    "platform process projects communication written spoken english problem solving fast "
    "pragmatic curious focus users planning roadmap review testing production operations "
    "monitoring incident response budget stakeholders reporting analysis research hiring "
    "onboarding flexible hours benefits health pension equity learning budget parental leave"
)
WORDS = WORDS_TEXT.split()


@dataclass(frozen=True)
class GeneratedPosting:
    name: str  # file name
    text: str  # whole file: front matter + Markdown body


def _sentence(rng: random.Random, low: int = 8, high: int = 22) -> str:
    words = rng.choices(WORDS, k=rng.randrange(low, high))
    if rng.random() < 0.15:
        words[rng.randrange(len(words))] = f"**{rng.choice(WORDS)}**"
    if rng.random() < 0.1:
        words[rng.randrange(len(words))] = f"*{rng.choice(WORDS)}*"
    return " ".join(words).capitalize() + "."


def description(rng: random.Random, words: int) -> str:
    """Markdown of about `words` words: sections of paragraphs and bullet lists."""
    parts: list[str] = []
    count = 0
    headings = rng.sample(HEADINGS, len(HEADINGS))
    while count < words:
        heading = headings[len(parts) % len(headings)]
        parts.append(f"## {heading}")
        for _ in range(rng.randrange(1, 3)):
            paragraph = " ".join(_sentence(rng) for _ in range(rng.randrange(2, 5)))
            parts.append(paragraph)
            count += len(paragraph.split())
        items = [_sentence(rng, 5, 12) for _ in range(rng.randrange(3, 7))]
        parts.append("\n".join(f"- {item}" for item in items))
        count += sum(len(item.split()) for item in items)
        if rng.random() < 0.08:
            parts.append("| Stage | Length |\n| --- | --- |\n| Call | 30 min |\n| Panel | 3 h |")
    parts.append("Read more on [our careers site](https://careers.example.com/) before you apply.")
    return "\n\n".join(parts) + "\n"


def posting(index: int, seed: int = 7) -> GeneratedPosting:
    rng = random.Random(seed * 1_000_003 + index)
    employer = rng.choice(EMPLOYERS)
    role = rng.choice(ROLES)
    title = f"{rng.choice(LEVELS)}{role}"
    place = rng.choice(PLACES)
    country = place.rsplit(", ", 1)[-1]
    arrangement = "remote" if place == "Remote" else rng.choice(ARRANGEMENTS)
    currency = CURRENCY.get(country, "USD")
    scale = {"INR": 80, "JPY": 150}.get(currency, 1)
    low = rng.randrange(40, 200) * 1000 * scale
    posted = dt.date(2026, 11, 30) - dt.timedelta(days=rng.randrange(0, 60))
    skills = rng.sample(SKILLS, rng.randrange(2, 6))
    body = description(rng, rng.randrange(400, 701))
    slug = f"{index:06d}-{title.lower().replace(' ', '-')}"
    front = [
        "---",
        f'title: "{title}"',
        f'employer: "{employer}"',
        f'location: "{place}"',
        f"work_arrangement: {arrangement}",
        f"employment_type: {rng.choice(TYPES)}",
        f"salary: {{min: {low}, max: {low + rng.randrange(10, 60) * 1000 * scale}, "
        f"currency: {currency}, period: year}}",
        f"skills: [{', '.join(skills)}]",
        f"date_posted: {posted.isoformat()}",
        f"apply_url: https://jobs.example.com/{slug}",
        "---",
        "",
    ]
    return GeneratedPosting(f"{slug}.md", "\n".join(front) + body)


def generate(count: int, folder: Path, seed: int = 7) -> list[GeneratedPosting]:
    """Writes `count` postings into `folder` (created) and returns them."""
    folder.mkdir(parents=True, exist_ok=True)
    made = [posting(i, seed) for i in range(count)]
    for item in made:
        (folder / item.name).write_text(item.text, encoding="utf-8")
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    made = generate(args.count, args.out, args.seed)
    words = sum(len(p.text.split()) for p in made) / max(1, len(made))
    print(f"{len(made)} postings in {args.out}, {words:.0f} words each on average")


if __name__ == "__main__":
    main()
