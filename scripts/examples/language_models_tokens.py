"""Token counts for parallel Korean/English sentences (chapter: language-models).

Uses the `bpe-openai` package, which ships OpenAI's cl100k_base and o200k_base
vocabularies inside the wheel, so nothing is downloaded at run time. Both
language pages show the table this script prints; tests/test_example_language_models.py
recomputes it and checks the pages.

Run: python3 scripts/examples/language_models_tokens.py
"""
import bpe_openai

ENCODINGS = ("cl100k_base", "o200k_base")

# Parallel sentences written for this book (Korean, English).
PAIRS = (
    ("오늘은 날씨가 정말 좋습니다.", "The weather is really nice today."),
    ("언어 모델은 다음 토큰을 예측합니다.", "A language model predicts the next token."),
    ("어제 도서관에서 책을 두 권 빌렸습니다.", "Yesterday I borrowed two books from the library."),
    ("저녁으로 우리는 피자를 시켰습니다.", "For dinner we ordered pizza."),
)

# The sentence whose pieces the pages show one by one.
SPLIT_EXAMPLE = PAIRS[1]


def version():
    """Version of the tokenizer package, named on both pages."""
    return bpe_openai.__version__


def _encoders():
    return {name: bpe_openai.get_encoding(name) for name in ENCODINGS}


def count_row(text, encoders=None):
    """Characters, UTF-8 bytes and token counts of one sentence."""
    encoders = encoders or _encoders()
    row = {"text": text, "chars": len(text), "bytes": len(text.encode("utf-8"))}
    for name, enc in encoders.items():
        row[name] = len(enc.encode(text))
    return row


def table():
    """One row per sentence, Korean then English for each pair."""
    encoders = _encoders()
    rows = []
    for ko, en in PAIRS:
        rows.append(count_row(ko, encoders))
        rows.append(count_row(en, encoders))
    return rows


def totals(rows=None):
    """Total tokens per language and encoding, and the Korean/English ratio."""
    rows = rows or table()
    ko_rows, en_rows = rows[0::2], rows[1::2]
    out = {}
    for name in ENCODINGS:
        ko = sum(r[name] for r in ko_rows)
        en = sum(r[name] for r in en_rows)
        out[name] = {"ko": ko, "en": en, "ratio": f"{ko / en:.1f}"}
    return out


def pieces(text, name):
    """The token pieces of `text`, each decoded to text where it is valid UTF-8.

    A piece that is only part of a character's bytes is shown as its bytes in
    hex, e.g. <ec 96>.
    """
    enc = bpe_openai.get_encoding(name)
    out = []
    for token in enc.encode(text):
        raw = enc.decode_single_token_bytes(token)
        try:
            out.append(raw.decode("utf-8").replace(" ", "␣"))
        except UnicodeDecodeError:
            out.append("<" + " ".join(f"{b:02x}" for b in raw) + ">")
    return out


def markdown_row(row):
    """The exact table row both pages contain."""
    return f"| {row['text']} | {row['chars']} | {row['bytes']} | {row['cl100k_base']} | {row['o200k_base']} |"


def main():
    print(f"bpe-openai {version()}")
    rows = table()
    print("| sentence | chars | UTF-8 bytes | cl100k_base | o200k_base |")
    for row in rows:
        print(markdown_row(row))
    for name, t in totals(rows).items():
        print(f"{name}: Korean {t['ko']} tokens, English {t['en']} tokens, ratio {t['ratio']}")
    for name in ENCODINGS:
        for text in SPLIT_EXAMPLE:
            print(f"{name}: " + " | ".join(pieces(text, name)))


if __name__ == "__main__":
    main()
