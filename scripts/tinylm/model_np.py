"""Reference forward pass of the book's tiny language model, in numpy only.

The site's tests and worked examples use this file and the committed weights in
docs/assets/labs/tinylm/ (model.bin + manifest.json); they never need torch.
The browser lab (docs/assets/labs/tinylm-worker.js) computes the same thing and
is checked against this file.

Architecture (GPT-2 style, pre-LayerNorm, decoder-only):
  x = tok_emb[ids] + pos_emb[:n]
  for each layer:  x += proj(attn(ln1(x)));  x += mlp(ln2(x))
  logits = ln_f(x) @ tok_emb.T            (tied input/output embedding)
attn: causal multi-head scaled dot-product; mlp: fc -> GELU (tanh form) -> proj.
All arithmetic in float64 on the stored float16 weights.
"""
import hashlib
import json
import math
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
MODEL_DIR = ROOT / "docs" / "assets" / "labs" / "tinylm"
LN_EPS = 1e-5


def sha256_file(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def tensor_layout(config):
    """[(name, shape)] in the order the tensors are stored in model.bin."""
    d, v, t, m = config["d_model"], config["vocab_size"], config["context"], config["d_mlp"]
    out = [("tok_emb", (v, d)), ("pos_emb", (t, d))]
    for i in range(config["n_layer"]):
        p = f"h{i}."
        out += [
            (p + "ln1.g", (d,)), (p + "ln1.b", (d,)),
            (p + "attn.w", (d, 3 * d)), (p + "attn.b", (3 * d,)),
            (p + "proj.w", (d, d)), (p + "proj.b", (d,)),
            (p + "ln2.g", (d,)), (p + "ln2.b", (d,)),
            (p + "fc.w", (d, m)), (p + "fc.b", (m,)),
            (p + "out.w", (m, d)), (p + "out.b", (d,)),
        ]
    out += [("ln_f.g", (d,)), ("ln_f.b", (d,))]
    return out


class TinyLM:
    def __init__(self, model_dir=MODEL_DIR, check=True):
        model_dir = Path(model_dir)
        self.manifest = json.loads((model_dir / "manifest.json").read_text(encoding="utf-8"))
        blob_path = model_dir / self.manifest["weights"]["file"]
        if check and sha256_file(blob_path) != self.manifest["weights"]["sha256"]:
            raise ValueError(f"{blob_path}: SHA-256 does not match manifest.json")
        self.config = self.manifest["config"]
        self.vocab = self.manifest["vocab"]
        self.index = {ch: i for i, ch in enumerate(self.vocab)}
        raw = np.frombuffer(blob_path.read_bytes(), dtype="<f2")
        self.w = {}
        offset = 0
        for name, shape in tensor_layout(self.config):
            size = int(np.prod(shape))
            self.w[name] = raw[offset:offset + size].astype(np.float64).reshape(shape)
            offset += size
        if offset != raw.size:
            raise ValueError(f"{blob_path}: {raw.size} values, layout needs {offset}")

    # -- text <-> ids -------------------------------------------------------
    def encode(self, text):
        import unicodedata
        return [self.index.get(ch, 0) for ch in unicodedata.normalize("NFC", text)]

    def decode(self, ids):
        return "".join(self.vocab[i] for i in ids)

    # -- forward -------------------------------------------------------------
    @staticmethod
    def layer_norm(x, g, b):
        mu = x.mean(-1, keepdims=True)
        var = ((x - mu) ** 2).mean(-1, keepdims=True)
        return (x - mu) / np.sqrt(var + LN_EPS) * g + b

    @staticmethod
    def gelu(x):
        return 0.5 * x * (1.0 + np.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * x ** 3)))

    def forward(self, ids):
        """(logits [n, V], attention [n_layer, n_head, n, n]) for ids (at most `context` long)."""
        x, atts = self.hidden(ids)
        x = self.layer_norm(x, self.w["ln_f.g"], self.w["ln_f.b"])
        return x @ self.w["tok_emb"].T, atts

    def hidden(self, ids, mlp=None):
        """(residual stream before the final LayerNorm [n, d], attention weights).

        If ``mlp`` is a list, each layer's hidden MLP activations (after GELU, [n, d_mlp])
        are appended to it (see ``mlp_activations``)."""
        c = self.config
        n = len(ids)
        if not 1 <= n <= c["context"]:
            raise ValueError(f"need 1..{c['context']} tokens, got {n}")
        d, nh = c["d_model"], c["n_head"]
        hd = d // nh
        w = self.w
        x = w["tok_emb"][np.asarray(ids)] + w["pos_emb"][:n]
        mask = np.triu(np.ones((n, n), dtype=bool), 1)
        atts = []
        for i in range(c["n_layer"]):
            p = f"h{i}."
            h = self.layer_norm(x, w[p + "ln1.g"], w[p + "ln1.b"])
            qkv = h @ w[p + "attn.w"] + w[p + "attn.b"]
            q, k, v = (qkv[:, j * d:(j + 1) * d].reshape(n, nh, hd).transpose(1, 0, 2) for j in range(3))
            s = q @ k.transpose(0, 2, 1) / math.sqrt(hd)
            s = np.where(mask, -np.inf, s)
            s = np.exp(s - s.max(-1, keepdims=True))
            a = s / s.sum(-1, keepdims=True)
            atts.append(a)
            y = (a @ v).transpose(1, 0, 2).reshape(n, d)
            x = x + y @ w[p + "proj.w"] + w[p + "proj.b"]
            h = self.layer_norm(x, w[p + "ln2.g"], w[p + "ln2.b"])
            h = self.gelu(h @ w[p + "fc.w"] + w[p + "fc.b"])
            if mlp is not None:
                mlp.append(h)
            x = x + h @ w[p + "out.w"] + w[p + "out.b"]
        return x, np.stack(atts)

    def mlp_activations(self, ids):
        """The MLP neurons' activations (after GELU) for ids: [n_layer, n, d_mlp]."""
        out = []
        self.hidden(ids, mlp=out)
        return np.stack(out)

    # -- a little training, by hand -------------------------------------------
    def loss_and_final_ln_grad(self, ids):
        """(mean cross-entropy of ids[1:] given ids[:-1], d loss/d ln_f.g, d loss/d ln_f.b).

        Backpropagation written out for the last step of the network only (the final
        LayerNorm's gain and bias; tests check it against finite differences and take
        a few gradient steps with it)."""
        x, _ = self.hidden(ids[:-1])
        mu = x.mean(-1, keepdims=True)
        xhat = (x - mu) / np.sqrt(((x - mu) ** 2).mean(-1, keepdims=True) + LN_EPS)
        h = xhat * self.w["ln_f.g"] + self.w["ln_f.b"]
        logits = h @ self.w["tok_emb"].T
        m = logits.max(-1, keepdims=True)
        p = np.exp(logits - m)
        p /= p.sum(-1, keepdims=True)
        n = len(ids) - 1
        target = np.asarray(ids[1:])
        loss = float(-np.log(p[np.arange(n), target]).mean())
        dlogits = p
        dlogits[np.arange(n), target] -= 1.0
        dlogits /= n
        dh = dlogits @ self.w["tok_emb"]
        return loss, (dh * xhat).sum(0), dh.sum(0)

    def next_logits(self, ids):
        """Logits for the token after ids, using at most the last `context` tokens."""
        ids = list(ids)[-self.config["context"]:]
        return self.forward(ids)[0][-1]

    # -- evaluation ------------------------------------------------------------
    def nll(self, ids):
        """(total negative log-likelihood in nats, tokens predicted) over ids.

        The ids are cut into windows of context+1 tokens that overlap by one, so
        every token after the first is predicted exactly once, from the tokens
        before it in its window."""
        t = self.config["context"]
        total, count = 0.0, 0
        for start in range(0, len(ids) - 1, t):
            chunk = ids[start:start + t + 1]
            logits = self.forward(chunk[:-1])[0]
            m = logits.max(-1, keepdims=True)
            logp = logits - m - np.log(np.exp(logits - m).sum(-1, keepdims=True))
            total -= float(logp[np.arange(len(chunk) - 1), chunk[1:]].sum())
            count += len(chunk) - 1
        return total, count


def softmax(logits, temperature=1.0):
    z = np.asarray(logits, dtype=np.float64) / temperature
    z = np.exp(z - z.max())
    return z / z.sum()


class Mulberry32:
    """The small seeded generator the browser lab uses too (same numbers in both)."""

    def __init__(self, seed):
        self.a = seed & 0xFFFFFFFF

    def __call__(self):
        self.a = (self.a + 0x6D2B79F5) & 0xFFFFFFFF
        t = self.a
        t = ((t ^ (t >> 15)) * (t | 1)) & 0xFFFFFFFF
        t ^= (t + (((t ^ (t >> 7)) * (t | 61)) & 0xFFFFFFFF)) & 0xFFFFFFFF
        return ((t ^ (t >> 14)) & 0xFFFFFFFF) / 4294967296.0


def filtered(probs, top_k=0, top_p=1.0):
    """[(id, renormalised prob)] by falling probability after top-k then top-p.

    Ties keep the lower id first. top_k=0 means no limit; top_p=1 means no limit."""
    order = sorted(range(len(probs)), key=lambda i: (-probs[i], i))
    if top_k:
        order = order[:top_k]
    if top_p < 1.0:
        kept, cum = [], 0.0
        for i in order:
            kept.append(i)
            cum += probs[i]
            if cum >= top_p:
                break
        order = kept
    total = sum(probs[i] for i in order)
    return [(i, probs[i] / total) for i in order]


def sample(model, prompt, n_tokens, seed, temperature=1.0, top_k=0, top_p=1.0):
    """The prompt followed by n_tokens sampled tokens (the lab's step button, repeated)."""
    rng = Mulberry32(seed)
    ids = model.encode(prompt)
    for _ in range(n_tokens):
        cands = filtered(list(softmax(model.next_logits(ids), temperature)), top_k, top_p)
        u, cum = rng(), 0.0
        pick = cands[-1][0]
        for i, p in cands:
            cum += p
            if u < cum:
                pick = i
                break
        ids.append(pick)
    return model.decode(ids)
