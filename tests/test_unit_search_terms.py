"""The glossary field and snippet filling of the search index (llmbook.search_terms)."""
from __future__ import annotations

from dataclasses import dataclass, field

from llmbook import search_terms as st


@dataclass
class T:
    ko: str
    en: str
    chapter: str = ""
    ko_aliases: list = field(default_factory=list)
    en_aliases: list = field(default_factory=list)

    def name(self, lang):
        return getattr(self, lang)

    def aliases(self, lang):
        return getattr(self, f"{lang}_aliases")


HALLUCINATION = T("환각", "hallucination", "limits", ["할루시네이션"], ["confabulation"])
MLM = T("마스크 언어 모델(MLM)", "masked language model", "pretraining", ["마스크드 언어 모델"], ["MLM"])


def test_spellings_split_a_parenthesised_abbreviation():
    assert st.spellings(["순환 신경망(RNN)", "RNN", "순환신경망"]) == ["순환 신경망", "RNN", "순환신경망"]


def test_korean_index_gets_every_spelling_joined_and_english_names_too():
    assert st.term_spellings(MLM, "ko") == ["마스크 언어 모델", "MLM", "마스크드 언어 모델", "masked language model"]
    docs = [{"location": "pretraining/#bert", "title": "BERT", "text": "<p>마스크 언어 모델은 가린 토큰을 맞힙니다.</p>"}]
    assert st.add_glossary_field(docs, [MLM], "ko") == 1
    words = docs[0]["gt"].split()
    assert "마스크드언어모델" in words and "maskedlanguagemodel" in words and "mlm" in words


def test_an_alias_the_text_does_not_use_reaches_the_sections_that_use_the_term():
    docs = [{"location": "limits/#hallucination", "title": "환각", "text": "<p>모델이 환각을 일으킵니다.</p>"},
            {"location": "scale/#x", "title": "규모", "text": "<p>관계없는 글</p>"}]
    st.add_glossary_field(docs, [HALLUCINATION], "ko")
    assert "할루시네이션" in docs[0]["gt"].split()
    assert "gt" not in docs[1]


def test_use_count_is_capped_and_the_introducing_chapter_counts_more():
    text = "<p>" + "환각 " * 10 + "</p>"
    prepared = st.prepare_terms([HALLUCINATION], "ko")
    elsewhere = st.glossary_field(text, prepared, page="chatgpt", cap=3).split()
    home = st.glossary_field(text, prepared, page="limits", cap=3).split()
    assert elsewhere.count("환각") == 3 and home.count("환각") == 6


def test_english_index_gets_english_spellings_only_and_latin_names_match_whole_words():
    prepared = st.prepare_terms([MLM, T("검색 증강 생성(RAG)", "retrieval-augmented generation (RAG)")], "en")
    assert prepared[0][1] == ["maskedlanguagemodel", "mlm"]
    # "MLM" and "RAG" inside unrelated words are not uses of the terms
    assert st.glossary_field("<p>The fragment was filmlmx.</p>", prepared) == ""
    assert st.glossary_field("<p>We use RAG and retrieval augmented generation.</p>", prepared).split() == \
        ["retrievalaugmentedgeneration", "rag"] * 2


def test_markup_and_spacing_do_not_hide_a_term():
    docs = [{"location": "pretraining/", "title": "t", "text": "<p>masked <em>language</em>\nmodel</p>"}]
    st.add_glossary_field(docs, [MLM], "en")
    assert "maskedlanguagemodel" in docs[0]["gt"]


def test_sections_without_text_get_the_titles_of_their_subsections():
    docs = [{"location": "understanding/#opposing-view", "title": "반대편의 견해", "text": ""},
            {"location": "understanding/#parrots", "title": "확률적 앵무새", "text": "<p>…</p>"},
            {"location": "understanding/#form", "title": "형식", "text": "<p>…</p>"},
            {"location": "limits/#empty-last", "title": "끝", "text": ""}]
    assert st.fill_empty_snippets(docs) == 1
    assert docs[0]["text"] == "<p>확률적 앵무새</p>"
    assert docs[3]["text"] == ""    # nothing follows it on its page: left alone
