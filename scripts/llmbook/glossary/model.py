"""The glossary's data model: one term, and the dictionary order and index letter of
a term's name in each language."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

CHOSEONG = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
BASE_CHOSEONG = {"ㄲ": "ㄱ", "ㄸ": "ㄷ", "ㅃ": "ㅂ", "ㅆ": "ㅅ", "ㅉ": "ㅈ"}
CHOSEONG_IDS = {"ㄱ": "g", "ㄴ": "n", "ㄷ": "d", "ㄹ": "r", "ㅁ": "m", "ㅂ": "b", "ㅅ": "s",
                "ㅇ": "ng", "ㅈ": "j", "ㅊ": "ch", "ㅋ": "k", "ㅌ": "t", "ㅍ": "p", "ㅎ": "h"}


@dataclass
class Term:
    id: str
    ko: str
    en: str
    ko_short: str
    en_short: str
    ko_long: str
    en_long: str
    chapter: str
    ko_aliases: list[str] = field(default_factory=list)
    en_aliases: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    source: str = ""
    line: int = 0

    def name(self, lang: str) -> str:
        return getattr(self, lang)

    def other(self, lang: str) -> str:
        return self.en if lang == "ko" else self.ko

    def other_lang(self, lang: str) -> str:
        return "en" if lang == "ko" else "ko"

    def short(self, lang: str) -> str:
        return getattr(self, f"{lang}_short")

    def long(self, lang: str) -> str:
        return getattr(self, f"{lang}_long")

    def aliases(self, lang: str) -> list[str]:
        return getattr(self, f"{lang}_aliases")

    def all_names(self) -> list[str]:
        """Every name and alias in both languages, each once, in a stable order."""
        names = [self.ko, self.en] + self.ko_aliases + self.en_aliases
        return list(dict.fromkeys(names))


def fold(text: str) -> str:
    """The form names are compared and sorted in: NFC, no spaces, hyphens or middle dots, case-folded."""
    return re.sub(r"[\s\-·]", "", unicodedata.normalize("NFC", text)).casefold()


def sort_key(term: Term, lang: str) -> tuple:
    """Dictionary order: 가나다 for Korean (Latin-initial names after Hangul), A–Z for English."""
    name = fold(term.name(lang))
    if lang == "ko":
        group = 0 if "가" <= name[:1] <= "힣" else 1
        return (group, name)
    return (0 if name[:1].isalpha() else 1, name)


def initial(term: Term, lang: str, latin: str, other: str) -> tuple[str, str]:
    """(heading label, heading id) of the index letter a term is filed under. Korean names
    that start with a Latin letter go under ``latin``; English names that do not start
    with a letter under ``other`` (both labels come from the UI strings)."""
    first = fold(term.name(lang))[:1]
    if lang == "ko":
        if "가" <= first <= "힣":
            jamo = CHOSEONG[(ord(first) - ord("가")) // 588]
            jamo = BASE_CHOSEONG.get(jamo, jamo)
            return jamo, f"index-{CHOSEONG_IDS[jamo]}"
        return latin, "index-latin"
    if first.isascii() and first.isalpha():
        return first.upper(), f"index-{first}"
    return other, "index-other"
