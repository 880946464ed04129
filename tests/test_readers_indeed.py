"""Indeed-style XML feeds (`<source><job>` with CDATA) are read by the job-feed reader."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.models import EmploymentType, SalaryPeriod
from generator.normalize.posting import ReferenceDate, normalize_posting
from generator.readers import read_file
from tests.conftest import write_files

FEED = """<?xml version="1.0" encoding="utf-8"?>
<source>
  <publisher>Example Jobs</publisher>
  <publisherurl>https://jobs.example</publisherurl>
  <job>
    <title><![CDATA[Warehouse Systems Engineer]]></title>
    <date><![CDATA[Sat, 14 Nov 2026 10:00:00 GMT]]></date>
    <referencenumber><![CDATA[WH-3391]]></referencenumber>
    <url><![CDATA[https://crateworks.example/jobs/wh-3391]]></url>
    <company><![CDATA[Crateworks GmbH]]></company>
    <city><![CDATA[Hamburg]]></city>
    <state><![CDATA[]]></state>
    <country><![CDATA[DE]]></country>
    <description><![CDATA[<p>Keep sorting robots talking to the warehouse.</p>]]></description>
    <salary><![CDATA[€65.000 - €80.000 per year]]></salary>
    <jobtype><![CDATA[fulltime]]></jobtype>
    <category><![CDATA[Engineering]]></category>
  </job>
</source>
"""


def test_indeed_style_feed(tmp_path: Path) -> None:
    folder = write_files(tmp_path, {"indeed.xml": FEED})
    fmt, result = read_file(folder / "indeed.xml", "indeed.xml")
    assert fmt == "job-feed-xml" and result.diagnostics == []
    (raw,) = result.postings
    posting, problems = normalize_posting(raw, ReferenceDate(dt.date(2026, 11, 24), True))
    assert problems == [] and posting is not None
    assert (posting.title, posting.employer.name) == ("Warehouse Systems Engineer", "Crateworks")
    assert posting.external_id == "WH-3391"
    assert posting.apply_url == "https://crateworks.example/jobs/wh-3391"
    assert [loc.display for loc in posting.locations] == ["Hamburg, DE"]
    assert posting.date_posted == dt.date(2026, 11, 14)
    assert posting.salary is not None and posting.salary.period == SalaryPeriod.YEAR
    assert (posting.salary.min, posting.salary.max, posting.salary.currency) == (
        65000,
        80000,
        "EUR",
    )
    assert posting.employment_type == EmploymentType.FULL_TIME
    assert posting.category == "Engineering"
