// The tiny model's worker (MIT), shared by the next-token and attention labs: loads the
// weights once and runs forward passes off the main thread.
// In:  {id, op: "info"} | {id, op: "next", text} | {id, op: "attention", text}
//      | {id, op: "forward", ids, allLogits, attention}   (tests)
// Out: {id, ...result, ms} or {id, error}. Posts {ready: true} once the model is loaded;
// a model that cannot load is thrown as the worker's error event.
import { loadModel } from "./model.js";

let model = null;

/** The ids the model sees for text: its last `context` characters. */
function contextOf(text) {
  const all = model.encode(text);
  const ids = all.slice(-model.config.context);
  return { ids, tokens: ids.map((i) => model.vocab[i]), dropped: all.length - ids.length,
    chars: Array.from(text.normalize("NFC")).slice(-model.config.context) };
}

function handle(data) {
  switch (data.op) {
    case "info":
      return { vocab: model.vocab, config: model.config, eval: model.manifest.eval };
    case "next": {
      const c = contextOf(data.text);
      if (!c.ids.length) return { ...c, logits: null };
      return { ...c, logits: model.forward(c.ids).logits };
    }
    case "attention": {
      const c = contextOf(data.text);
      if (!c.ids.length) return { ...c, attention: [] };
      return { ...c, attention: model.forward(c.ids, { attention: true }).attention };
    }
    case "forward":
      return model.forward(data.ids, { attention: !!data.attention, allLogits: !!data.allLogits });
    default:
      throw new Error(`unknown op ${data.op}`);
  }
}

self.onmessage = ({ data }) => {
  const t0 = performance.now();
  try {
    const result = handle(data);
    self.postMessage({ id: data.id, ...result, ms: performance.now() - t0 });
  } catch (err) {
    self.postMessage({ id: data.id, error: String((err && err.message) || err) });
  }
};

loadModel(new URL("./", import.meta.url)).then(
  (m) => { model = m; self.postMessage({ ready: true }); },
  (err) => { setTimeout(() => { throw err; }); },
);
