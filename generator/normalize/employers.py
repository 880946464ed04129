"""Employer identity: "Pinterest", "Pinterest, Inc." and "PINTEREST INC" are one employer."""

from __future__ import annotations

import re

LEGAL_SUFFIXES = re.compile(
    r"[,\s]+(inc|incorporated|llc|l\.l\.c|ltd|limited|plc|gmbh|ag|sa|s\.a|sas|bv|b\.v|nv|n\.v|"
    r"corp|corporation|co|company|pty|pvt|private|oy|ab|as|srl|spa|kk|k\.k)\.?$",
    re.IGNORECASE,
)


def employer_display_name(name: str) -> str:
    """The name without legal suffixes or stray whitespace ("Pinterest, Inc." → "Pinterest")."""
    cleaned = re.sub(r"\s+", " ", name).strip(" ,.")
    previous = None
    while previous != cleaned:
        previous = cleaned
        cleaned = LEGAL_SUFFIXES.sub("", cleaned).strip(" ,.")
    if cleaned.isupper() and len(cleaned) > 4:
        cleaned = cleaned.title()
    return cleaned or name.strip()


def employer_key(name: str) -> str:
    """A case- and punctuation-insensitive identity for grouping and merging."""
    display = employer_display_name(name).lower().replace("&", " and ")
    return re.sub(r"[^0-9a-z]+", " ", display).strip()
