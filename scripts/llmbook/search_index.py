"""One search index per language, and Korean search that finds inflected forms.

Material's search writes one ``search/search_index.json`` holding both languages, so a
Korean query lists English pages and the reverse. Upstream: mkdocs-static-i18n merges
every language into the one index the theme loads and says it cannot do otherwise
(https://github.com/ultrabug/mkdocs-static-i18n/issues/271, also #31 and #129); this
step can go when the i18n plugin or the theme writes one index per language. After the
build this module:

1. splits the index: Korean pages stay in ``search/search_index.json``, English pages go
   to ``en/search/search_index.json`` with locations relative to ``/en/`` (the English
   pages' search looks there: see ``i18n_site.patch_config_base``);
2. adds a hidden ``kw`` field to every Korean entry with what the Kiwi morphological
   analyser finds in its text that a prefix search cannot: runs of nouns written apart
   (``언어 모델`` gives ``언어모델``) and dictionary forms of verbs and adjectives
   (``빠릅니다`` gives ``빠르다``). Nouns themselves need no entry: Material matches
   query words as prefixes, so ``토큰`` already finds ``토큰으로``;
3. gives the Korean index a token separator that also cuts common endings and particles
   off words of three or more syllables (``예측했다`` and ``예측합니다`` both give ``예측``).
   Material applies the same separator to the query and to the text, so a query in any
   of those forms meets the text in the same place.
"""
from __future__ import annotations

import html
import json
import os
import re
from functools import lru_cache

from . import search_terms

BASE_SEPARATOR = r"""[\s\-,:;!?=\[\]()"'/·「」『』“”‘’…]+|\.(?!\d)|&[lg]t;|&amp;"""
KO_ENDINGS = sorted("""
합니다 했습니다 됩니다 되었습니다 였습니다 입니다 습니다 하였다 하다 했다 한다 된다 되다 이다 였다
하는 하고 하면 하여 해서 했던 하며 하지 되는 되어 되고 되며 이라는 라는 이라고 라고 에서는 에서 에게
으로 로는 으로는 과의 와의 까지 부터 보다 처럼 이며 이고 이나 은 는 이 가 을 를 의 에 와 과 도 만 로 한 할 함 된
""".split(), key=len, reverse=True)
KO_SEPARATOR = BASE_SEPARATOR + "|(?<=[가-힣]{2})(?:" + "|".join(KO_ENDINGS) + ")(?=[^가-힣]|$)"

TAG = re.compile(r"<[^>]+>")
NOUN_TAGS = {"NNG", "NNP", "SL", "SH"}
VERB_TAGS = {"VV", "VA"}


@lru_cache(maxsize=1)
def _kiwi():
    from kiwipiepy import Kiwi  # the model ships in the kiwipiepy_model package
    return Kiwi()


def _keywords_of(tokens) -> list[str]:
    found: dict[str, None] = {}
    run: list[str] = []

    def flush() -> None:
        for size in (2, 3):
            for i in range(len(run) - size + 1 if len(run) >= size else 0):
                found.setdefault("".join(run[i:i + size]))
        run.clear()

    for token in tokens:
        tag = token.tag.split("-")[0]
        if tag in NOUN_TAGS:
            run.append(token.form.lower())
        else:
            flush()
            if tag in VERB_TAGS:
                found.setdefault(token.form + "다")
    flush()
    return [k for k in found if len(k) > 1]


def keywords_for(texts: list[str]) -> list[list[str]]:
    """For each Korean ``text`` (HTML allowed): joined noun runs and dictionary forms of
    verbs and adjectives, in order, unique. All texts go to Kiwi in one batch."""
    plain = [html.unescape(TAG.sub(" ", text)) for text in texts]
    todo = [i for i, text in enumerate(plain) if re.search("[가-힣]", text)]
    out: list[list[str]] = [[] for _ in texts]
    if todo:
        for i, tokens in zip(todo, _kiwi().tokenize([plain[i] for i in todo])):
            out[i] = _keywords_of(tokens)
    return out


def split_index(index: dict, prefix: str = "en/") -> tuple[dict, dict]:
    """(default-language index, ``prefix`` language index) from Material's merged index."""
    default_docs, other_docs = [], []
    for doc in index["docs"]:
        if doc["location"].startswith(prefix):
            other_docs.append({**doc, "location": doc["location"][len(prefix):]})
        else:
            default_docs.append(doc)
    return ({"config": dict(index["config"]), "docs": default_docs},
            {"config": dict(index["config"]), "docs": other_docs})


def korean_index(index: dict) -> dict:
    """The Korean index with the ``kw`` field and the Korean separator."""
    config = dict(index["config"])
    config["separator"] = KO_SEPARATOR
    config["fields"] = {"kw": {"boost": 1.0}, **config.get("fields", {})}   # mkdocs.yml's boost wins
    docs = []
    all_words = keywords_for([f"{doc.get('title', '')}\n{doc.get('text', '')}" for doc in index["docs"]])
    for doc, words in zip(index["docs"], all_words):
        docs.append({**doc, "kw": " ".join(words)} if words else dict(doc))
    return {"config": config, "docs": docs}


def english_index(index: dict, pipeline: list[str] | None = None) -> dict:
    """The other language's index: the base separator and, when given, that language's
    own search pipeline (the merged index carries the default language's: for Korean,
    Material's ``[" "]``, which turns English stop-word filtering off)."""
    config = dict(index["config"])
    config["separator"] = BASE_SEPARATOR
    # the Korean keywords field (mkdocs.yml declares it for the merged index) is Korean only
    config["fields"] = {k: v for k, v in config.get("fields", {}).items() if k != "kw"}
    if pipeline is not None:
        config["pipeline"] = pipeline
    return {"config": config, "docs": index["docs"]}


def theme_pipeline(theme_dirs, lang: str) -> list[str] | None:
    """Material's default search pipeline for ``lang`` (``search.config.pipeline`` in its
    ``partials/languages/<lang>.html``), as its search plugin would compute it for a site in
    that language; None if the theme has no such file."""
    for folder in theme_dirs:
        path = os.path.join(folder, "partials", "languages", f"{lang}.html")
        if os.path.isfile(path):
            with open(path, encoding="utf-8") as fh:
                m = re.search(r'"search\.config\.pipeline":\s*"([^"]*)"', fh.read())
            if m:
                return [p for p in re.split(r"\s*,\s*", m.group(1)) if p]
    return None


def write_language_indexes(site_dir: str, other_lang: str = "en", korean: bool = True,
                           other_pipeline: list[str] | None = None, terms=None,
                           glossary_field: str = "", default_lang: str = "ko") -> tuple[int, int]:
    """Rewrite the built site's search index as one index per language; returns doc counts.
    ``korean``: give the default language's index the Korean keywords and separator;
    ``other_pipeline``: the other language's own search pipeline; ``terms`` and
    ``glossary_field``: the glossary terms each section uses, in every spelling
    (``llmbook.search_terms``). Sections without text get their subsections' titles."""
    path = os.path.join(site_dir, "search", "search_index.json")
    with open(path, encoding="utf-8") as fh:
        merged = json.load(fh)
    ko, en = split_index(merged, f"{other_lang}/")
    ko, en = (korean_index(ko) if korean else ko), english_index(en, other_pipeline)
    for data, lang in ((ko, default_lang), (en, other_lang)):
        if terms and glossary_field:
            search_terms.add_glossary_field(data["docs"], terms, lang, glossary_field)
        search_terms.fill_empty_snippets(data["docs"])
    for target, data in ((path, ko), (os.path.join(site_dir, other_lang, "search", "search_index.json"), en)):
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, separators=(",", ":"))
    return len(ko["docs"]), len(en["docs"])
