"""Merge and group: the normalised postings become one consistent catalogue.

Merge rule (switch off with `merge_duplicates = false`): two postings are one job when they
have the same employer, the same title words, and either share an external id / apply URL or
have near-identical descriptions (word 5-gram overlap ≥ 0.8) — and their salaries, when both
state one, agree within 5 % at both ends, and their places overlap (city, region and country).
Two entries of one file with different reference numbers are never merged. Postings of one
employer that share boilerplate (an intro paragraph) but differ in title are never merged.
Candidates are bucketed by (employer, title words), so merging is linear in the number of
postings.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import defaultdict
from dataclasses import dataclass

from generator.models import Employer, Location, Posting

SHINGLE = 5
SIMILAR_DESCRIPTIONS = 0.8


@dataclass(frozen=True)
class MergeRecord:
    """One posting that was folded into another, for the build report."""

    kept: str
    merged: str
    reason: str


PlaceKey = tuple[str | None, str | None, str | None]


@dataclass(frozen=True)
class Catalog:
    """Every posting, unique slugs, sorted newest first, and the groups pages are made of.

    Groups hold open postings only: a closed posting keeps its own page but leaves every list.
    """

    postings: tuple[Posting, ...]
    open_postings: tuple[Posting, ...]
    closed_ids: frozenset[str]
    employers: dict[str, Employer]
    by_employer: dict[str, tuple[Posting, ...]]
    by_role: dict[str, tuple[Posting, ...]]
    by_place: dict[PlaceKey, tuple[Posting, ...]]
    places: dict[PlaceKey, Location]
    remote: tuple[Posting, ...]
    by_skill: dict[str, tuple[Posting, ...]]
    similar: dict[str, tuple[str, ...]]
    merges: tuple[MergeRecord, ...]


def title_words(title: str) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z0-9]+", title.casefold()))


@functools.lru_cache(maxsize=4096)
def _description_shingles(description_text: str) -> frozenset[tuple[str, ...]]:
    words = re.findall(r"\w+", description_text.casefold())
    return frozenset(tuple(words[i : i + SHINGLE]) for i in range(max(0, len(words) - SHINGLE + 1)))


def _shingles(posting: Posting) -> frozenset[tuple[str, ...]]:
    # Cached by description: a posting compared with several candidates is split into words
    # once (and identical boilerplate descriptions only once in all).
    return _description_shingles(posting.description_text)


def _similarity(a: frozenset[tuple[str, ...]], b: frozenset[tuple[str, ...]]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def _close(x: float, y: float) -> bool:
    return abs(x - y) <= 0.05 * max(x, y)


def _salaries_agree(a: Posting, b: Posting) -> bool:
    """Both ends within 5 %: one job's pay is restated, not re-banded ($42–50 vs $40–47 an hour
    are two jobs even though their lower ends are close)."""
    if a.salary is None or b.salary is None:
        return True
    if a.salary.currency != b.salary.currency:
        return False
    return _close(a.salary.yearly_low, b.salary.yearly_low) and _close(
        a.salary.yearly_high, b.salary.yearly_high
    )


def _locations_overlap(a: Posting, b: Posting) -> bool:
    if not a.locations or not b.locations:
        return True
    exact_a = {(loc.city, loc.region, loc.country, loc.remote) for loc in a.locations}
    exact_b = {(loc.city, loc.region, loc.country, loc.remote) for loc in b.locations}
    if exact_a & exact_b:
        return True
    # A region on one side only ("Boston, US" vs "Boston, MA, US") is not a difference.
    loose_a = {(c, n, r) for c, g, n, r in exact_a if g is None}
    loose_b = {(c, n, r) for c, g, n, r in exact_b if g is None}
    return bool(
        {(c, n, r) for c, _, n, r in exact_a} & loose_b
        or {(c, n, r) for c, _, n, r in exact_b} & loose_a
    )


def _distinct_listings(a: Posting, b: Posting) -> bool:
    """Two entries of one file with different reference numbers are two jobs by the file's
    own account, however alike their text (one feed, one ad, many branches)."""
    same_file = {s.path for s in a.sources} & {s.path for s in b.sources}
    return bool(same_file and a.external_id and b.external_id and a.external_id != b.external_id)


def same_job(a: Posting, b: Posting) -> str | None:
    """Why two postings of one employer and title are one job, or None if they are not."""
    if _distinct_listings(a, b) or not (_salaries_agree(a, b) and _locations_overlap(a, b)):
        return None
    if a.external_id and a.external_id == b.external_id:
        return "same external id"
    if a.apply_url and a.apply_url == b.apply_url:
        return "same apply URL"
    score = _similarity(_shingles(a), _shingles(b))
    if score >= SIMILAR_DESCRIPTIONS:
        return f"descriptions {score:.0%} identical"
    return None


def _richer(a: str | None, b: str | None) -> str | None:
    if not a:
        return b
    if not b:
        return a
    return a if len(a) >= len(b) else b


def combine(a: Posting, b: Posting) -> Posting:
    """One posting from two sources of the same job: each field takes the fuller value."""
    first, second = sorted((a, b), key=lambda p: p.id)
    merged_locations: dict[tuple[object, ...], Location] = {}
    for loc in first.locations + second.locations:
        merged_locations.setdefault((loc.city, loc.region, loc.country, loc.remote, loc.label), loc)
    employer = first.employer.model_copy(
        update={
            field: _richer(getattr(first.employer, field), getattr(second.employer, field))
            for field in ("website", "logo_url", "description", "industry", "segment")
        }
    )
    dates = [d for d in (first.date_posted, second.date_posted) if d]
    update: dict[str, object] = {
        "employer": employer,
        "locations": tuple(merged_locations.values()),
        "work_arrangements": tuple(
            sorted(set(first.work_arrangements) | set(second.work_arrangements))
        ),
        "skills": tuple(dict.fromkeys(first.skills + second.skills)),
        "employment_types": tuple(dict.fromkeys(first.employment_types + second.employment_types)),
        "sources": tuple(
            sorted(set(first.sources) | set(second.sources), key=lambda s: (s.path, s.line or 0))
        ),
        "date_posted": min(dates) if dates else None,
    }
    # The text goes with the markup it was made from.
    longer = len(second.description_html) > len(first.description_html)
    richer = second if longer else first  # as `_richer`: the first when both are as long
    update["description_html"] = richer.description_html
    update["description_text"] = richer.description_text
    for field in (
        "role_family",
        "level",
        "seniority",
        "category",
        "team",
        "employment_type",
        "salary",
        "summary",
        "valid_through",
        "apply_url",
        "external_id",
    ):
        if getattr(first, field) is None:
            update[field] = getattr(second, field)
    for field in ("responsibilities", "requirements", "nice_to_have", "signals"):
        if not getattr(first, field):
            update[field] = getattr(second, field)
    return first.model_copy(update=update)


def _overlap_keys(posting: Posting) -> set[tuple[object, ...]]:
    """Keys under which two postings whose places overlap must meet (city, country, remote:
    the region is left out so that "Boston, US" still meets "Boston, MA, US")."""
    return {(loc.city, loc.country, loc.remote) for loc in posting.locations}


def merge_duplicates(postings: list[Posting]) -> tuple[list[Posting], list[MergeRecord]]:
    """Folds postings of the same job together.

    Candidates meet only within an (employer, title words) bucket and, inside it, only when
    they share a place (postings without a place meet every other): a chain of 1,000 "Delivery
    Driver" ads in 1,000 towns is checked in linear, not quadratic, time.
    """
    buckets: dict[tuple[str, frozenset[str]], list[Posting]] = defaultdict(list)
    for posting in postings:
        buckets[(posting.employer.key, title_words(posting.title))].append(posting)
    result: list[Posting] = []
    records: list[MergeRecord] = []
    for bucket in buckets.values():
        kept: list[Posting] = []
        by_place: dict[tuple[object, ...], list[int]] = defaultdict(list)
        placeless: list[int] = []
        for posting in sorted(bucket, key=lambda p: p.id):
            keys = _overlap_keys(posting)
            if keys:
                found = {i for key in keys for i in by_place.get(key, ())} | set(placeless)
                candidates = sorted(found)
            else:
                candidates = list(range(len(kept)))
            for index in candidates:
                reason = same_job(kept[index], posting)
                if reason:
                    kept[index] = combine(kept[index], posting)
                    records.append(MergeRecord(kept[index].id, posting.id, reason))
                    for key in keys:
                        if index not in by_place[key]:
                            by_place[key].append(index)
                    break
            else:
                kept.append(posting)
                index = len(kept) - 1
                for key in keys:
                    by_place[key].append(index)
                if not keys:
                    placeless.append(index)
        result.extend(kept)
    return result, records


def assign_unique_slugs(postings: list[Posting]) -> list[Posting]:
    """Gives every posting a unique slug: the oldest id keeps the plain slug, others get -2, -3…"""
    taken: dict[str, int] = {}
    unique: list[Posting] = []
    for posting in sorted(postings, key=lambda p: (p.slug, p.id)):
        count = taken.get(posting.slug, 0) + 1
        taken[posting.slug] = count
        slug = posting.slug if count == 1 else f"{posting.slug}-{count}"
        while slug in taken and count > 1:
            count += 1
            slug = f"{posting.slug}-{count}"
        if slug != posting.slug:
            taken[slug] = 1
            posting = posting.model_copy(update={"slug": slug})
        unique.append(posting)
    return unique


def newest_first(posting: Posting) -> tuple[int, str, str]:
    """Sort key: newest posting first, undated last, then by title and id for stability."""
    ordinal = posting.date_posted.toordinal() if posting.date_posted else 0
    return (-ordinal, posting.title.casefold(), posting.id)


def merged_employer(profiles: list[Employer]) -> Employer:
    """One employer profile from every posting's view of it; fuller values win."""
    first = profiles[0]
    fields: dict[str, str | None] = {}
    for field in ("website", "logo_url", "description", "industry", "segment"):
        value: str | None = None
        for profile in profiles:
            value = _richer(value, getattr(profile, field))
        fields[field] = value
    return first.model_copy(update=fields)


def place_key(location: Location) -> PlaceKey:
    """Groups a city whatever region spelling the sources used ("Manchester, England, UK")."""
    if location.city:
        return (location.city.casefold(), None, location.country)
    return (None, location.region, location.country)


def assemble_catalog(
    postings: list[Posting],
    *,
    today: dt.date,
    merge: bool = True,
    max_age_days: int | None = None,
) -> Catalog:
    """Merges, de-collides slugs, sorts, closes expired postings and groups the open ones."""
    records: list[MergeRecord] = []
    if merge:
        postings, records = merge_duplicates(postings)
    ordered = tuple(sorted(assign_unique_slugs(postings), key=newest_first))
    open_postings = tuple(p for p in ordered if is_open(p, today, max_age_days))
    open_ids = {p.id for p in open_postings}
    profiles: dict[str, list[Employer]] = defaultdict(list)
    for posting in ordered:
        profiles[posting.employer.key].append(posting.employer)
    by_employer: dict[str, list[Posting]] = {key: [] for key in profiles}
    by_role: dict[str, list[Posting]] = defaultdict(list)
    by_place: dict[PlaceKey, list[Posting]] = defaultdict(list)
    places: dict[PlaceKey, Location] = {}
    by_skill: dict[str, list[Posting]] = defaultdict(list)
    remote: list[Posting] = []
    for posting in open_postings:
        by_employer[posting.employer.key].append(posting)
        if posting.role_family:
            by_role[posting.role_family].append(posting)
        for location in posting.locations:
            if location.remote or not (location.city or location.country):
                continue
            key = place_key(location)
            if not by_place[key] or by_place[key][-1].id != posting.id:
                by_place[key].append(posting)
            known = places.get(key)
            if known is None or (
                known.region is None and location.region is not None and location.country == "US"
            ):
                places[key] = location
        if posting.is_remote:
            remote.append(posting)
        for skill in posting.skills:
            by_skill[skill].append(posting)
    employers = {key: merged_employer(found) for key, found in sorted(profiles.items())}
    return Catalog(
        postings=ordered,
        open_postings=open_postings,
        closed_ids=frozenset(p.id for p in ordered if p.id not in open_ids),
        employers=employers,
        by_employer={k: tuple(v) for k, v in sorted(by_employer.items())},
        by_role={k: tuple(v) for k, v in sorted(by_role.items())},
        by_place={k: tuple(v) for k, v in sorted(by_place.items(), key=lambda kv: str(kv[0]))},
        places=places,
        remote=tuple(remote),
        by_skill={
            k: tuple(v) for k, v in sorted(by_skill.items(), key=lambda kv: kv[0].casefold())
        },
        similar=similar_postings(open_postings),
        merges=tuple(records),
    )


SIMILAR_COUNT = 5
# A feature shared by more postings than this says little about similarity and would make the
# candidate search quadratic; such features are skipped.
FEATURE_CAP = 500


def _features(posting: Posting) -> set[str]:
    words = {f"t:{w}" for w in title_words(posting.title) if len(w) > 2}
    skills = {f"s:{s.casefold()}" for s in posting.skills}
    role = {f"r:{posting.role_family}"} if posting.role_family else set()
    return words | skills | role


def similar_postings(postings: tuple[Posting, ...]) -> dict[str, tuple[str, ...]]:
    """The best five similar open postings of each, by shared role, skills and title words.

    Candidates come from an inverted index, so the work grows with the postings that share a
    feature, not with the square of all postings. Ties break on recency, then id.
    """
    features = {p.id: _features(p) for p in postings}
    rank = {p.id: i for i, p in enumerate(postings)}
    index: dict[str, list[str]] = defaultdict(list)
    for posting in postings:
        for feature in features[posting.id]:
            index[feature].append(posting.id)
    similar: dict[str, tuple[str, ...]] = {}
    for posting in postings:
        scores: dict[str, int] = defaultdict(int)
        for feature in features[posting.id]:
            holders = index[feature]
            if len(holders) > FEATURE_CAP:
                continue
            weight = 3 if feature.startswith("r:") else 1
            for other in holders:
                if other != posting.id:
                    scores[other] += weight
        best = sorted(scores.items(), key=lambda kv: (-kv[1], rank[kv[0]]))[:SIMILAR_COUNT]
        similar[posting.id] = tuple(pid for pid, _ in best)
    return similar


def is_open(posting: Posting, today: dt.date, max_age_days: int | None) -> bool:
    """A posting is closed past its validThrough date or, if configured, when too old."""
    if posting.valid_through and posting.valid_through < today:
        return False
    if max_age_days and posting.date_posted:
        return (today - posting.date_posted).days <= max_age_days
    return True
