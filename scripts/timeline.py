"""The Timeline page, rendered from ``docs/_data/timeline.yml`` in each language.

Each event has a date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, as a string), one sentence
in Korean and one in English, the chapter that explains it and its primary source. The
page's ``<!-- timeline -->`` marker becomes one section per year (ids ``y1997``, the same
in both languages). Malformed data fails with the file and line.
"""
from __future__ import annotations

import re

import datafile

MARKER = "<!-- timeline -->"
DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
FIELDS = ("date", "ko", "en", "chapter", "source")
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]
TEXT = {"ko": {"chapter": "설명하는 장", "source": "출처"},
        "en": {"chapter": "Explained in", "source": "Source"}}


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


def format_date(date: str, lang: str) -> str:
    year, month, day = DATE.match(date).groups()
    if lang == "ko":
        return f"{year}년" + (f" {int(month)}월" if month else "") + (f" {int(day)}일" if day else "")
    return " ".join(p for p in (str(int(day)) if day else "", MONTHS_EN[int(month) - 1] if month else "", year) if p)


def render(events: list[dict], lang: str, titles: dict[str, str]) -> str:
    """Markdown for the timeline, one section per year."""
    t = TEXT[lang]
    out, year = [], None
    for event in events:
        y = event["date"][:4]
        if y != year:
            out += ["", f"## {y} {{#y{y}}}", ""]
            year = y
        chapter = event["chapter"]
        out.append(f"- **{format_date(event['date'], lang)}**: {event[lang].strip()} "
                   f"{t['chapter']}: [{titles.get(chapter, chapter)}]({chapter}.md) · "
                   f"[{t['source']}]({event['source']})")
    return "\n".join(out).strip() + "\n"
