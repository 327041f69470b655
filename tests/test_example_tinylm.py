"""The book's tiny language model: committed weights, honest numbers, pages that show them.

Needs only numpy and the committed files: docs/assets/labs/tinylm/ (model.bin,
manifest.json) and the corpus snapshot scripts/tinylm/data/. The numbers and samples
in the language-models and transformer chapters come from
scripts/examples/tinylm_model.py and are recomputed here. One test re-runs a short
torch training when torch (requirements-train.txt) is installed.
"""
import gzip
import hashlib
import json
import math
import sys

import numpy as np
import pytest

from conftest import ROOT, chapter_pages, load_example

sys.path.insert(0, str(ROOT / "scripts" / "tinylm"))
import model_np  # noqa: E402

MODEL_DIR = ROOT / "docs" / "assets" / "labs" / "tinylm"


@pytest.fixture(scope="module")
def ex():
    return load_example("tinylm_model")


@pytest.fixture(scope="module")
def model():
    return model_np.TinyLM()


@pytest.fixture(scope="module")
def measured(ex, model):
    return ex.evaluate(model)


@pytest.fixture(scope="module")
def pages():
    return {slug: chapter_pages(slug) for slug in ("language-models", "transformer")}


def test_weights_match_their_checksum_and_size_budget():
    manifest = json.loads((MODEL_DIR / "manifest.json").read_text(encoding="utf-8"))
    blob = (MODEL_DIR / "model.bin").read_bytes()
    assert hashlib.sha256(blob).hexdigest() == manifest["weights"]["sha256"]
    assert len(blob) == manifest["weights"]["bytes"]
    sizes = [int(np.prod(t["shape"])) for t in manifest["weights"]["tensors"]]
    assert 2 * sum(sizes) == len(blob)
    assert len(gzip.compress(blob, 9)) <= 600 * 1024
    c = manifest["config"]
    assert c["vocab_size"] == len(manifest["vocab"])
    assert [t["name"] for t in manifest["weights"]["tensors"]] == [n for n, _ in model_np.tensor_layout(c)]


def test_a_changed_weight_file_is_refused(tmp_path):
    for name in ("manifest.json", "model.bin"):
        (tmp_path / name).write_bytes((MODEL_DIR / name).read_bytes())
    blob = bytearray((tmp_path / "model.bin").read_bytes())
    blob[100] ^= 1
    (tmp_path / "model.bin").write_bytes(bytes(blob))
    with pytest.raises(ValueError, match="SHA-256"):
        model_np.TinyLM(tmp_path)


def test_vocabulary_keeps_hangul_syllables_whole(model):
    assert model.vocab[0] == "<unk>"
    assert all(len(t) == 1 for t in model.vocab[1:])
    hangul = [t for t in model.vocab if "\uac00" <= t <= "\ud7a3"]
    assert len(hangul) > 500
    ids = model.encode("언어 모델은 토큰을 예측합니다")
    assert model.decode(ids) == "언어 모델은 토큰을 예측합니다"


def test_snapshot_is_the_one_trained_on(model):
    ex_train = gzip.decompress((ROOT / "scripts/tinylm/data/train.txt.gz").read_bytes()).decode()
    ex_val = gzip.decompress((ROOT / "scripts/tinylm/data/val.txt.gz").read_bytes()).decode()
    import corpus
    data = model.manifest["data"]
    assert corpus.sha256_text(ex_train, ex_val) == data["sha256"]
    assert (len(ex_train), len(ex_val)) == (data["train_chars"], data["val_chars"])
    assert corpus.make_vocab(ex_train) == model.vocab
    # no validation line was trained on
    train_lines = set(ex_train.splitlines())
    val_lines = [line for line in ex_val.splitlines() if len(line) > 80]
    assert val_lines and sum(line in train_lines for line in val_lines) <= len(val_lines) // 20


def test_recorded_validation_loss_is_reproduced(model, measured):
    ev = model.manifest["eval"]
    assert measured["val_tokens"] == ev["val_tokens"]
    assert abs(measured["model"] - ev["val_loss"]) < 1e-5
    assert abs(math.exp(measured["model"]) - ev["val_perplexity"]) < 1e-3


def test_model_clearly_beats_the_baselines(measured):
    assert measured["model"] < measured["bigram"] - 0.3
    assert measured["bigram"] < measured["unigram"]


def test_reference_forward_is_causal_and_normalised(model):
    ids = model.encode("트랜스포머는 어텐션으로 앞의 토큰을 봅니다.")
    logits, att = model.forward(ids)
    assert att.shape == (model.config["n_layer"], model.config["n_head"], len(ids), len(ids))
    assert np.allclose(att.sum(-1), 1.0)
    assert np.all(np.triu(att, 1) == 0)
    # changing a later token does not change earlier predictions
    other = ids[:-1] + [model.index["."]]
    assert np.allclose(model.forward(other)[0][:-1], logits[:-1])


def test_final_layer_gradient_matches_finite_differences(model):
    ids = model.encode("언어 모델은 다음 토큰을 예측합니다. A model predicts the next token.")
    loss, dg, db = model.loss_and_final_ln_grad(ids)
    rng = np.random.default_rng(0)
    for name, grad in (("ln_f.g", dg), ("ln_f.b", db)):
        for j in rng.choice(len(grad), 6, replace=False):
            saved = model.w[name][j]
            eps = 1e-5
            model.w[name][j] = saved + eps
            up = model.loss_and_final_ln_grad(ids)[0]
            model.w[name][j] = saved - eps
            down = model.loss_and_final_ln_grad(ids)[0]
            model.w[name][j] = saved
            assert abs((up - down) / (2 * eps) - grad[j]) < 1e-6, (name, j)


def test_a_few_training_steps_lower_the_loss():
    m = model_np.TinyLM()   # its own copy: this test changes weights
    ids = m.encode("바나나 바나나 바나나 바나나 바나나 바나나 바나나 바나나")
    losses = []
    for _ in range(5):
        loss, dg, db = m.loss_and_final_ln_grad(ids)
        losses.append(loss)
        m.w["ln_f.g"] -= 0.5 * dg
        m.w["ln_f.b"] -= 0.5 * db
    assert all(b < a for a, b in zip(losses, losses[1:])), losses


def test_short_torch_training_lowers_the_loss():
    pytest.importorskip("torch", reason="torch comes from requirements-train.txt")
    import train
    result = train.train(steps=12, dry_run=True, log=lambda s: None)
    assert result["curve"][-1][1] < result["curve"][0][1] - 0.15   # 12 steps, still in warm-up
    assert np.mean(result["losses"][-3:]) < np.mean(result["losses"][:3])


def test_training_record_is_complete(model):
    t = model.manifest["training"]
    for key in ("seed", "steps", "batch", "lr", "torch", "numpy", "cpu_seconds"):
        assert key in t, key
    curve = (ROOT / "scripts" / "tinylm" / "loss-curve.tsv").read_text(encoding="utf-8").splitlines()
    assert curve[0] == "step\ttrain_loss\tval_loss"
    rows = [tuple(map(float, line.split("\t"))) for line in curve[1:]]
    assert rows[0][0] == 0 and rows[-1][0] == t["steps"]
    assert rows[-1][2] < rows[0][2] - 3


def test_pages_show_the_measured_numbers(ex, measured, pages, model):
    numbers = [f"{measured[k]:.3f}" for k in ("model", "unigram", "bigram")]
    numbers += [f"{measured['ppl_' + k]:.1f}" for k in ("model", "unigram", "bigram")]
    numbers += [f"{model.config['vocab_size']}", f"{ex.params(model):,}"]
    for lang, text in pages["language-models"].items():
        missing = [n for n in numbers if n not in text]
        assert not missing, f"docs/{lang}/language-models.md lacks {missing}"


def test_pages_show_the_real_samples_and_candidates(ex, model, pages):
    for lang, sample in ex.samples(model).items():
        shown = sample.replace("\n", "↵")
        for page_lang, text in pages["language-models"].items():
            assert shown in text, (page_lang, lang, shown)
    for lang, prompt in ex.NEXT_PROMPTS.items():
        for tok, p in ex.top_candidates(model, prompt, k=3):
            for page_lang, text in pages["language-models"].items():
                assert f"{100 * p:.1f}%" in text, (page_lang, prompt, tok, p)


def test_transformer_pages_show_the_head_habits(ex, model, pages):
    habits = ex.head_habits(model)
    prev = max(habits, key=lambda k: habits[k][0])
    own = max(habits, key=lambda k: habits[k][1])
    assert habits[prev][0] > 0.3, "a clear previous-token head"
    texts = pages["transformer"]
    for lang, text in texts.items():
        assert ex.ATTENTION_PROMPT in text, lang
        assert f"{100 * habits[prev][0]:.0f}%" in text and f"{100 * habits[own][1]:.0f}%" in text, lang
    assert f"layer {prev[0] + 1}, head {prev[1] + 1} puts" in texts["en"]
    assert f"{prev[0] + 1}층 헤드 {prev[1] + 1}" in texts["ko"]
