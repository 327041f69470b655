"""The Timeline page, rendered from ``docs/_data/timeline.yml`` in each language.

Each event has a date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, as a string), one sentence
in Korean and one in English, the chapter that explains it and its primary source. The
page's ``<!-- timeline -->`` marker becomes one section per year (ids ``y1997``, the same
in both languages). Malformed data fails with the file and line.
"""
from __future__ import annotations

import re

from . import datafile

MARKER = "<!-- timeline -->"
DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
FIELDS = ("date", "ko", "en", "chapter", "source")


class TimelineError(datafile.DataFileError):
    pass


def load(path: str, chapters: set[str]) -> tuple[list[dict], list[str]]:
    """(events, problems); a file that is not a YAML list raises TimelineError."""
    try:
        data = datafile.load(path, list, "a list of events")
    except datafile.DataFileError as err:
        raise TimelineError(str(err)) from None
    events, problems, previous = [], [], ""
    for item in data:
        if not isinstance(item, dict):
            problems.append(f"{path}: every event must be a mapping, found {item!r}")
            continue
        line = item.pop("__line__")
        at = f"{path}:{line}"
        missing = [k for k in FIELDS if not str(item.get(k) or "").strip()]
        if missing:
            problems.append(f"{at}: event lacks {', '.join(missing)}")
            continue
        date = str(item["date"])
        if not isinstance(item["date"], str) or not DATE.match(date):
            problems.append(f"{at}: date {item['date']!r} must be a quoted 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'")
            continue
        if item["chapter"] not in chapters:
            problems.append(f"{at}: unknown chapter '{item['chapter']}'")
        if not str(item["source"]).startswith("https://"):
            problems.append(f"{at}: source must be an https URL")
        if date < previous:
            problems.append(f"{at}: {date} comes before the previous event ({previous}); keep the list in order")
        previous = date
        events.append({**item, "line": line})
    return events, problems


def format_date(date: str, t: dict) -> str:
    """A date in the words of the ``timeline:`` UI strings ``t`` of one language."""
    year, month, day = DATE.match(date).groups()
    months = t["months"] or []
    fields = {"year": year, "month": int(month) if month else "", "day": int(day) if day else "",
              "month_name": months[int(month) - 1] if month and months else ""}
    return t["date_day" if day else "date_month" if month else "date_year"].format(**fields)


def render(events: list[dict], lang: str, titles: dict[str, str], t: dict) -> str:
    """Markdown for the timeline, one section per year; ``t``: the ``timeline:`` UI strings of ``lang``."""
    out, year = [], None
    for event in events:
        y = event["date"][:4]
        if y != year:
            out += ["", f"## {y} {{#y{y}}}", ""]
            year = y
        chapter = event["chapter"]
        out.append(f"- **{format_date(event['date'], t)}**: {event[lang].strip()} "
                   f"{t['chapter']}: [{titles.get(chapter, chapter)}]({chapter}.md) · "
                   f"[{t['source']}]({event['source']})")
    return "\n".join(out).strip() + "\n"
