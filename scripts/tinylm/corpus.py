"""The tiny model's corpus: the book's own chapters as plain text (no MkDocs needed).

Strips front matter, code blocks, maths, HTML, Markdown markup and link targets
from docs/ko/*.md and docs/en/*.md, normalises to NFC and splits every chapter
into a training part and a validation part: every tenth paragraph (line) of a
chapter, counting from its sixth, is held out for validation. The split is
fixed: it depends only on the text. Reference lists (everything from the
"{#references}" heading on) are left out: they are citations, not prose.

The vocabulary is one token per Unicode character (so a Hangul syllable is always
one whole token) for every character seen at least MIN_COUNT times in the
training text; everything else becomes <unk>.

Run: python3 scripts/tinylm/corpus.py   (prints sizes; writes nothing)
"""
import hashlib
import re
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LANGS = ("ko", "en")
# Generated or list-like pages are not prose: leave them out.
SKIP = {"glossary.md", "references.md", "timeline.md"}
VAL_EVERY = 10
VAL_OFFSET = 5
MIN_COUNT = 3
UNK = "<unk>"

_REFERENCES = re.compile(r"^#+ .*\{#references\}.*$", re.M)
_FRONT = re.compile(r"\A---\n.*?\n---\n", re.S)
_FENCE = re.compile(r"^[ \t]*(```|~~~).*?^[ \t]*\1[^\n]*$", re.S | re.M)
_MATH_BLOCK = re.compile(r"\$\$.*?\$\$", re.S)
_MATH_INLINE = re.compile(r"(?<![\\$])\$[^$\n]+?\$")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TAG = re.compile(r"<[^>\n]+>")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_REFLINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_ATTR = re.compile(r"\s*\{[#.:][^}]*\}")
_ADMON = re.compile(r"^(!!!|\?\?\?\+?)\s*[\w-]+(\s+\"([^\"]*)\")?.*$", re.M)
_FOOTREF = re.compile(r"\[\^[^\]]+\]:?")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}.*$", re.M)
_SNIPPET = re.compile(r"^-{2,}8<-{2,}.*$", re.M)


def strip_markdown(text):
    """Plain prose from one chapter's Markdown source."""
    text = text.replace("\r\n", "\n")
    text = _FRONT.sub("", text)
    text = _REFERENCES.split(text)[0]
    text = _COMMENT.sub("", text)
    text = _FENCE.sub("", text)
    text = _SNIPPET.sub("", text)
    text = _MATH_BLOCK.sub("", text)
    text = _MATH_INLINE.sub("", text)
    text = _ADMON.sub(lambda m: m.group(3) or "", text)
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _REFLINK.sub(r"\1", text)
    text = _FOOTREF.sub("", text)
    text = _ATTR.sub("", text)
    text = _TAG.sub("", text)
    text = _TABLE_RULE.sub("", text)
    lines = []
    for line in text.split("\n"):
        line = line.strip()
        line = re.sub(r"^#{1,6}\s+", "", line)        # headings
        line = re.sub(r"^([-*+]|\d+\.)\s+", "", line)  # list markers
        line = re.sub(r"^>\s?", "", line)              # quotes
        line = line.replace("|", " ").replace("`", "")
        line = re.sub(r"(\*\*|__|\*|~~)", "", line)
        line = re.sub(r"[ \t]+", " ", line).strip()
        if line:
            lines.append(line)
    return unicodedata.normalize("NFC", "\n".join(lines)) + "\n"


def chapter_files(root=ROOT):
    files = []
    for lang in LANGS:
        for path in sorted((root / "docs" / lang).glob("*.md")):
            if path.name not in SKIP:
                files.append(path)
    return files


def split_text(text):
    """(train, val): lines 5, 15, 25, ... (0-based) are validation, the rest training."""
    train, val = [], []
    for i, line in enumerate(text.splitlines(keepends=True)):
        (val if i % VAL_EVERY == VAL_OFFSET else train).append(line)
    return "".join(train), "".join(val)


def build(root=ROOT):
    """(train, val) strings for the whole book, chapters in a fixed order."""
    train, val = [], []
    for path in chapter_files(root):
        tr, va = split_text(strip_markdown(path.read_text(encoding="utf-8")))
        train.append(tr)
        val.append(va)
    return "".join(train), "".join(val)


def make_vocab(train, min_count=MIN_COUNT):
    """[<unk>, then characters seen at least min_count times, by Unicode order]."""
    counts = Counter(train)
    return [UNK] + sorted(ch for ch, n in counts.items() if n >= min_count)


def encode(text, vocab):
    index = {ch: i for i, ch in enumerate(vocab)}
    return [index.get(ch, 0) for ch in unicodedata.normalize("NFC", text)]


def decode(ids, vocab):
    return "".join(vocab[i] for i in ids)


def sha256_text(*parts):
    h = hashlib.sha256()
    for p in parts:
        h.update(p.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


def main():
    train, val = build()
    vocab = make_vocab(train)
    hangul = sum(1 for ch in vocab if "\uac00" <= ch <= "\ud7a3")
    unk_val = sum(1 for i in encode(val, vocab) if i == 0)
    print(f"train {len(train)} chars, val {len(val)} chars, vocab {len(vocab)} "
          f"({hangul} Hangul syllables), <unk> in val {unk_val}")


if __name__ == "__main__":
    main()
