"""The glossary page's body in one language: Markdown for its headings (download, index,
one section per index letter), with each entry rendered by the ``glossary-entry.html``
template.

Markup other code relies on (the filter box script, the tests):
- every entry's root has ``data-glossary-entry`` and ``data-names`` (every name and
  alias in both languages, separated by ``|``);
- every letter group's root has ``data-glossary-group`` and ends with a link back to the
  jump index, ``#glossary-index``.
"""
from __future__ import annotations

from .model import Term, initial, sort_key

MARKER = "<!-- glossary -->"


def render_page(terms: list[Term], lang: str, chapter_titles: dict[str, str],
                usage: dict[str, list[str]], csv_href: str, strings: dict, templates) -> str:
    """Markdown for the glossary body of one language.

    ``strings``: the ``glossary:`` UI strings of ``lang``; ``templates``: a Jinja
    environment (``llmbook.templates``)."""
    t = strings
    by_id = {term.id: term for term in terms}
    ordered = sorted(terms, key=lambda term: sort_key(term, lang))
    groups: dict[tuple[str, str], list[Term]] = {}
    for term in ordered:
        groups.setdefault(initial(term, lang, t["latin"], t["other"]), []).append(term)
    entry = templates.get_template("llmbook/glossary-entry.html")
    link = f'<a href="{csv_href}" download="llm-textbook-glossary.csv">{t["csv"]}</a>'
    out = [f"## {t['download']} {{#download}}", "", t["download_text"].format(link=link), "",
           f"## {t['index']} {{#index}}", "",
           '<nav class="glossary-jump" id="glossary-index" aria-label="' + t["index"] + '">' +
           " ".join(f'<a href="#{gid}">{label}</a>' for label, gid in groups) + "</nav>", "",
           f'<p class="glossary-count">{t["count"].format(n=len(terms))}</p>', ""]
    for (label, gid), members in groups.items():
        out += ['<section class="glossary-group" data-glossary-group="" markdown>', "",
                f"## {label} {{#{gid}}}", ""]
        for term in members:
            used_in = [slug for slug in usage.get(term.id, []) if slug != term.chapter]
            related = [by_id[rel] for rel in term.related if rel in by_id]
            out.append(entry.render(term=term, lang=lang, t=t, titles=chapter_titles,
                                    used_in=used_in, related=related))
        out += [f'<p class="glossary-back" data-search-exclude><a href="#glossary-index">{t["back_to_index"]}</a></p>', "",
                "</section>", ""]
    return "\n".join(out)
