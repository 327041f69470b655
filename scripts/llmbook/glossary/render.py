"""The glossary pages' bodies in one language: Markdown for their headings, with each
term rendered by a template.

- the index page (``render_index``): download, the pages of entries, and every term in
  dictionary order as a light item (``glossary-item.html``: its names and a link to its
  full entry); each item carries the term's id, so ``glossary/#<id>`` still lands on it;
- a page of entries (``render_part``): the full entries (``glossary-entry.html``) of the
  terms its run of chapters introduces, in dictionary order.

Markup other code relies on (the filter box script, the forwarding script, the tests):
- every index item's root has ``id="<term id>"``, ``data-glossary-entry`` and
  ``data-names`` (every name and alias in both languages, separated by ``|``), and its
  first link goes to the full entry;
- every letter group's root has ``data-glossary-group`` and ends with a link back to the
  page's own jump index, ``#glossary-index``;
- every full entry's root has class ``glossary-entry`` and ``id="<term id>"``.
"""
from __future__ import annotations

from .model import Term, initial, sort_key

MARKER = "<!-- glossary -->"


def _groups(terms: list[Term], lang: str, t: dict) -> dict[tuple[str, str], list[Term]]:
    groups: dict[tuple[str, str], list[Term]] = {}
    for term in sorted(terms, key=lambda term: sort_key(term, lang)):
        groups.setdefault(initial(term, lang, t["latin"], t["other"]), []).append(term)
    return groups


def _letters(groups, t: dict, count: int, items) -> list[str]:
    """The jump index, the count and one section per index letter (``items(term)``: the
    HTML of one term)."""
    out = ['<nav class="glossary-jump" id="glossary-index" aria-label="' + t["index"] + '">' +
           " ".join(f'<a href="#{gid}">{label}</a>' for label, gid in groups) + "</nav>", "",
           f'<p class="glossary-count">{t["count"].format(n=count)}</p>', ""]
    for (label, gid), members in groups.items():
        out += ['<section class="glossary-group" data-glossary-group="" markdown>', "",
                f"## {label} {{#{gid}}}", ""]
        out += items(members)
        out += [f'<p class="glossary-back" data-search-exclude><a href="#glossary-index">{t["back_to_index"]}</a></p>', "",
                "</section>", ""]
    return out


def render_index(terms: list[Term], lang: str, hrefs: dict[str, str], parts: list[tuple[str, str, int]],
                 csv_href: str, strings: dict, templates) -> str:
    """Markdown for the index page of one language.

    ``hrefs``: term id -> the address of its full entry from this page
    (``../glossary-1/#token``); ``parts``: [(title, Markdown link target, term count,
    summary)] of the pages of entries (summary: the titles of their chapters); ``strings``: the ``glossary:`` UI strings of ``lang``;
    ``templates``: a Jinja environment (``llmbook.templates``)."""
    t = strings
    item = templates.get_template("llmbook/glossary-item.html")
    link = f'<a href="{csv_href}" download="llm-textbook-glossary.csv">{t["csv"]}</a>'
    out = [f"## {t['download']} {{#download}}", "", t["download_text"].format(link=link), "",
           f"## {t['parts']} {{#parts}}", "", t["parts_text"], ""]
    out += [f"- [{title}]({target}) <span class=\"glossary-count\">{t['count'].format(n=n)}</span>"
            + (f" <span class=\"chapter-summary\">{summary}</span>" if summary else "")
            for title, target, n, summary in parts]
    out += ["", f"## {t['index']} {{#index}}", ""]

    def items(members):
        return (['<ul class="glossary-list" markdown>'] +
                [item.render(term=term, lang=lang, href=hrefs[term.id]) for term in members] + ["</ul>", ""])

    out += _letters(_groups(terms, lang, t), t, len(terms), items)
    return "\n".join(out)


def render_part(terms: list[Term], lang: str, intro: str, all_terms: dict[str, Term], hrefs: dict[str, str],
                chapter_titles: dict[str, str], usage: dict[str, list[str]], strings: dict, templates) -> str:
    """Markdown for one page of entries of one language: ``intro`` (Markdown), then the
    full entries of ``terms`` (the page's terms) by index letter.

    ``all_terms``: every term by id (for related terms); ``hrefs``: term id -> the address
    of its full entry from this page (``#token`` on the same page,
    ``../glossary-2/#token`` on another); ``usage``: term id -> slugs of the pages
    that link it."""
    t = strings
    entry = templates.get_template("llmbook/glossary-entry.html")

    def items(members):
        out = []
        for term in members:
            used_in = [slug for slug in usage.get(term.id, []) if slug != term.chapter]
            related = [(all_terms[rel], hrefs[rel]) for rel in term.related if rel in all_terms and rel in hrefs]
            out.append(entry.render(term=term, lang=lang, t=t, titles=chapter_titles, used_in=used_in,
                                    related=related))
        return out

    return "\n".join([intro, ""] + _letters(_groups(terms, lang, t), t, len(terms), items))
