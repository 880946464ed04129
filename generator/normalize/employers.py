"""Employer identity: "Pinterest", "Pinterest, Inc." and "PINTEREST INC" are one employer.

A display name drops a trailing legal form only when the form is complete ("Pte. Ltd.",
"S.A. de C.V.", "sp. z o.o." go whole, never leaving "Pte" or "S.A.S") and what remains is
still a name: two words or more, or one word of four letters or more ("Pinterest, Inc." →
"Pinterest", but "Box Inc." stays). "Corp", "Co" and their long forms are often part of the
name itself ("Evil Corp"): they go only when written as an abbreviation with its dot or after
a comma ("Kestrel Freight Co." → "Kestrel Freight").
"""

from __future__ import annotations

import functools
import re

# Legal forms, as usually written; matching ignores case, the dots and the spaces inside one.
LEGAL_FORMS = (
    "GmbH & Co. KG",
    "GmbH & Co. KGaA",
    "S. de R.L. de C.V.",
    "S.A.B. de C.V.",
    "S.A. de C.V.",
    "sp. z o.o. sp. k.",
    "sp. z o.o.",
    "spółka z o.o.",
    "Pte. Ltd.",
    "Pty. Ltd.",
    "Pvt. Ltd.",
    "Private Limited",
    "Sdn. Bhd.",
    "Co., Ltd.",
    "Co. Ltd.",
    "S.à r.l.",
    "S.A.S.U.",
    "S.A.S.",
    "S.A.U.",
    "S.A.C.",
    "S.R.L.",
    "S.L.U.",
    "S.L.",
    "S.p.A.",
    "S.A.",
    "SARL",
    "EURL",
    "gGmbH",
    "GmbH",
    "KGaA",
    "AG",
    "KG",
    "e.V.",
    "Ltda.",
    "L.L.C.",
    "LLC",
    "L.L.P.",
    "LLP",
    "L.P.",
    "Inc.",
    "Incorporated",
    "Ltd.",
    "Limited",
    "plc",
    "B.V.",
    "N.V.",
    "BVBA",
    "AB (publ)",
    "AB",
    "ASA",
    "AS",
    "A/S",
    "ApS",
    "Oyj",
    "Oy",
    "K.K.",
    "Pte.",
    "Pty.",
    "Pvt.",
    "a.s.",
    "s.r.o.",
    "Kft.",
    "Zrt.",
    "d.o.o.",
)
# Words that are as often part of the name as a legal form: only "Co." or ", Corp" go.
WEAK_FORMS = ("Corporation", "Corp.", "Company", "Co.")


def _form_pattern(form: str) -> str:
    """A legal form as a pattern: dots optional, spaces after a dot optional."""
    pieces = []
    for char in form:
        if char == ".":
            pieces.append(r"\.?\s*")
        elif char == " ":
            pieces.append(r"\s*" if pieces and pieces[-1] == r"\.?\s*" else r"\s+")
        else:
            pieces.append(re.escape(char))
    return "".join(pieces).removesuffix(r"\s*")


@functools.cache
def _suffix_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    strong = sorted(LEGAL_FORMS, key=len, reverse=True)
    legal = re.compile(
        r"(?:,\s*|\s+)(?:" + "|".join(_form_pattern(f) for f in strong) + r")\.?$", re.IGNORECASE
    )
    weak = re.compile(
        r"(?:,\s*(?:corporation|corp|company|co)\.?|\s+(?:corp|co)\.)$", re.IGNORECASE
    )
    return legal, weak


def _still_a_name(text: str) -> bool:
    """Two words or more, or one word of four letters or more."""
    words = re.findall(r"\w+", text)
    return len(words) >= 2 or (len(words) == 1 and len(words[0]) >= 4)


def employer_display_name(name: str) -> str:
    """The name without legal suffixes or stray whitespace ("Pinterest, Inc." → "Pinterest")."""
    cleaned = re.sub(r"\s+", " ", name).strip(" ,")
    previous = None
    while previous != cleaned:
        previous = cleaned
        for pattern in _suffix_patterns():
            match = pattern.search(cleaned)
            if match and _still_a_name(cleaned[: match.start()]):
                cleaned = cleaned[: match.start()].strip(" ,")
                break
    legal, weak = _suffix_patterns()
    if not (legal.search(cleaned) or weak.search(cleaned)):
        cleaned = cleaned.rstrip(" ,.")  # a full stop, not an abbreviation's dot
    if cleaned.isupper() and len(cleaned) > 4:
        cleaned = cleaned.title()
    return cleaned or name.strip()


def employer_key(name: str) -> str:
    """A case- and punctuation-insensitive identity for grouping and merging."""
    display = employer_display_name(name).lower().replace("&", " and ")
    return re.sub(r"[^0-9a-z]+", " ", display).strip()
