"""Train the book's tiny language model on its own chapters (needs requirements-train.txt).

    python3 -m pip install -r requirements-train.txt
    nice -n 19 python3 scripts/tinylm/train.py            # full run, writes the model
    python3 scripts/tinylm/train.py --steps 20 --dry-run  # a few steps, writes nothing

Writes docs/assets/labs/tinylm/model.bin (float16 weights, little-endian, in the
order of model_np.tensor_layout), manifest.json (config, vocabulary, shapes,
SHA-256, data hashes, losses), scripts/tinylm/loss-curve.tsv, and the corpus snapshot it was
trained on (scripts/tinylm/data/{train,val}.txt.gz) so that tests can recompute
the baselines and the validation loss without rebuilding the corpus from chapters
that have changed since.
"""
import argparse
import gzip
import json
import math
import platform
import sys
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402
import model_np  # noqa: E402

HERE = Path(__file__).resolve().parent
DATA_DIR = HERE / "data"
CONFIG = dict(n_layer=2, n_head=4, d_model=64, d_mlp=256, context=64)
TRAIN = dict(seed=1234, steps=4000, batch=32, lr=3e-3, min_lr=3e-4, warmup=200,
             weight_decay=0.05, dropout=0.1, eval_every=250, eval_batches=20)


class Block(nn.Module):
    def __init__(self, c, dropout):
        super().__init__()
        d = c["d_model"]
        self.nh = c["n_head"]
        self.ln1 = nn.LayerNorm(d)
        self.attn = nn.Linear(d, 3 * d)
        self.proj = nn.Linear(d, d)
        self.ln2 = nn.LayerNorm(d)
        self.fc = nn.Linear(d, c["d_mlp"])
        self.out = nn.Linear(c["d_mlp"], d)
        self.drop = nn.Dropout(dropout)

    def forward(self, x):
        b, n, d = x.shape
        q, k, v = self.attn(self.ln1(x)).split(d, dim=2)
        q, k, v = (t.view(b, n, self.nh, d // self.nh).transpose(1, 2) for t in (q, k, v))
        y = F.scaled_dot_product_attention(q, k, v, is_causal=True,
                                           dropout_p=self.drop.p if self.training else 0.0)
        x = x + self.drop(self.proj(y.transpose(1, 2).reshape(b, n, d)))
        x = x + self.drop(self.out(F.gelu(self.fc(self.ln2(x)), approximate="tanh")))
        return x


class GPT(nn.Module):
    def __init__(self, c, dropout):
        super().__init__()
        self.tok_emb = nn.Embedding(c["vocab_size"], c["d_model"])
        self.pos_emb = nn.Embedding(c["context"], c["d_model"])
        self.blocks = nn.ModuleList(Block(c, dropout) for _ in range(c["n_layer"]))
        self.ln_f = nn.LayerNorm(c["d_model"])
        self.drop = nn.Dropout(dropout)
        for m in self.modules():
            if isinstance(m, (nn.Linear, nn.Embedding)):
                nn.init.normal_(m.weight, std=0.02)
            if isinstance(m, nn.Linear):
                nn.init.zeros_(m.bias)

    def forward(self, idx):
        x = self.drop(self.tok_emb(idx) + self.pos_emb(torch.arange(idx.shape[1])))
        for blk in self.blocks:
            x = blk(x)
        return self.ln_f(x) @ self.tok_emb.weight.T


def export(model, c):
    """{name: float16 array} in model_np's layout (Linear weights transposed to [in, out])."""
    sd = {k: v.detach().cpu().numpy() for k, v in model.state_dict().items()}
    out = {"tok_emb": sd["tok_emb.weight"], "pos_emb": sd["pos_emb.weight"]}
    for i in range(c["n_layer"]):
        p, q = f"h{i}.", f"blocks.{i}."
        for ln in ("ln1", "ln2"):
            out[p + ln + ".g"] = sd[q + ln + ".weight"]
            out[p + ln + ".b"] = sd[q + ln + ".bias"]
        for lin in ("attn", "proj", "fc", "out"):
            out[p + lin + ".w"] = sd[q + lin + ".weight"].T
            out[p + lin + ".b"] = sd[q + lin + ".bias"]
    out["ln_f.g"], out["ln_f.b"] = sd["ln_f.weight"], sd["ln_f.bias"]
    return out


def write_gz(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as f, gzip.GzipFile(fileobj=f, mode="wb", mtime=0, filename="") as gz:
        gz.write(text.encode("utf-8"))


def batches(data, rng, batch, t):
    starts = rng.integers(0, len(data) - t - 1, size=batch)
    x = np.stack([data[s:s + t] for s in starts])
    y = np.stack([data[s + 1:s + t + 1] for s in starts])
    return torch.from_numpy(x), torch.from_numpy(y)


def train(steps, dry_run=False, log=print):
    torch.manual_seed(TRAIN["seed"])
    torch.use_deterministic_algorithms(True)
    torch.set_num_threads(1)
    rng = np.random.default_rng(TRAIN["seed"])
    train_text, val_text = corpus.build()
    vocab = corpus.make_vocab(train_text)
    c = dict(CONFIG, vocab_size=len(vocab))
    tr = np.array(corpus.encode(train_text, vocab), dtype=np.int64)
    va = np.array(corpus.encode(val_text, vocab), dtype=np.int64)
    model = GPT(c, TRAIN["dropout"])
    decay = [p for n, p in model.named_parameters() if p.dim() >= 2]
    no_decay = [p for n, p in model.named_parameters() if p.dim() < 2]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": TRAIN["weight_decay"]},
                             {"params": no_decay, "weight_decay": 0.0}], lr=TRAIN["lr"])
    t = c["context"]
    eval_rng = np.random.default_rng(TRAIN["seed"] + 1)
    eval_sets = {name: [batches(d, eval_rng, TRAIN["batch"], t) for _ in range(TRAIN["eval_batches"])]
                 for name, d in (("train", tr), ("val", va))}

    def evaluate():
        model.eval()
        with torch.no_grad():
            res = {name: float(np.mean([F.cross_entropy(model(x).reshape(-1, c["vocab_size"]),
                                                        y.reshape(-1)).item() for x, y in sets]))
                   for name, sets in eval_sets.items()}
        model.train()
        return res

    curve, losses = [], []
    cpu0, wall0 = time.process_time(), time.time()
    for step in range(steps + 1):
        if step % TRAIN["eval_every"] == 0 or step == steps:
            e = evaluate()
            curve.append((step, e["train"], e["val"]))
            log(f"step {step:5d}  train {e['train']:.4f}  val {e['val']:.4f}  "
                f"cpu {time.process_time() - cpu0:.0f}s")
        if step == steps:
            break
        lr = TRAIN["lr"] * min(1.0, (step + 1) / TRAIN["warmup"])
        if step >= TRAIN["warmup"]:
            frac = (step - TRAIN["warmup"]) / max(1, steps - TRAIN["warmup"])
            lr = TRAIN["min_lr"] + 0.5 * (TRAIN["lr"] - TRAIN["min_lr"]) * (1 + math.cos(math.pi * frac))
        for g in opt.param_groups:
            g["lr"] = lr
        x, y = batches(tr, rng, TRAIN["batch"], t)
        loss = F.cross_entropy(model(x).reshape(-1, c["vocab_size"]), y.reshape(-1))
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        losses.append(loss.item())
    cpu = time.process_time() - cpu0
    wall = time.time() - wall0
    if dry_run:
        return dict(losses=losses, curve=curve, cpu=cpu)

    out_dir = model_np.MODEL_DIR
    out_dir.mkdir(parents=True, exist_ok=True)
    tensors = export(model, c)
    blob = b"".join(tensors[name].astype("<f2").reshape(shape).tobytes()
                    for name, shape in model_np.tensor_layout(c))
    (out_dir / "model.bin").write_bytes(blob)
    write_gz(DATA_DIR / "train.txt.gz", train_text)
    write_gz(DATA_DIR / "val.txt.gz", val_text)
    (HERE / "loss-curve.tsv").write_text(
        "step\ttrain_loss\tval_loss\n" + "".join(f"{s}\t{a:.4f}\t{b:.4f}\n" for s, a, b in curve),
        encoding="utf-8")
    manifest = {
        "name": "tinylm",
        "about": "A tiny bilingual character-level Transformer trained on this book's chapters "
                 "by scripts/tinylm/train.py. CC BY 4.0, like the text it learned from.",
        "config": c,
        "weights": {"file": "model.bin", "dtype": "float16", "byteorder": "little",
                    "bytes": len(blob), "sha256": model_np.hashlib.sha256(blob).hexdigest(),
                    "tensors": [{"name": n, "shape": list(s)} for n, s in model_np.tensor_layout(c)]},
        "vocab": vocab,
        "data": {"train_chars": len(train_text), "val_chars": len(val_text),
                 "sha256": corpus.sha256_text(train_text, val_text),
                 "split": f"every {corpus.VAL_EVERY}th line from line {corpus.VAL_OFFSET} of each chapter",
                 "min_count": corpus.MIN_COUNT},
        "training": dict(TRAIN, steps=steps, cpu_seconds=round(cpu), wall_seconds=round(wall),
                         torch=torch.__version__, numpy=np.__version__, python=platform.python_version()),
        "eval": {},
    }
    (out_dir / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n",
                                           encoding="utf-8")
    # Validation loss of the float16 weights, with the numpy reference (what the tests re-check).
    ref = model_np.TinyLM(out_dir)
    total, count = ref.nll(corpus.encode(val_text, vocab))
    manifest["eval"] = {"val_loss": round(total / count, 6), "val_tokens": count,
                        "val_perplexity": round(math.exp(total / count), 4)}
    (out_dir / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n",
                                           encoding="utf-8")
    log(f"val loss (numpy, float16 weights) {total / count:.4f}  cpu {cpu:.0f}s  wall {wall:.0f}s")
    return manifest


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--steps", type=int, default=TRAIN["steps"])
    ap.add_argument("--dry-run", action="store_true", help="train, print, write nothing")
    a = ap.parse_args()
    train(a.steps, dry_run=a.dry_run, log=lambda s: print(s, flush=True))


if __name__ == "__main__":
    main()
