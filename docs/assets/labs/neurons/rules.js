// The explanation language, simulator and score of the neurons lab (MIT): the same
// functions as scripts/neurons/rules.py, line for line, so the browser's score equals the
// pipeline's (the tests compare them in Chromium). See that file for the language.
const QUOTED = /'([^']*)'|"([^"]*)"|‘([^’]*)’|“([^”]*)”/g;
const NUMBER = /[0-9]+(?:\.[0-9]+)?/g;
const AFTER = /(?<![A-Za-z])after(?![A-Za-z])/i;
const SEPARATOR = /[;\n]/;
const VISIBLE = { "␣": " ", "↵": "\n" };

const pattern = (text) => Array.from(text, (ch) => VISIBLE[ch] ?? ch).join("");

/** [[pattern, activation]] of an explanation, in the order written. */
export function parse(explanation) {
  const rules = [];
  for (const clause of explanation.normalize("NFC").split(SEPARATOR)) {
    const quoted = [...clause.matchAll(QUOTED)].map((m) => pattern(m.slice(1).find((g) => g !== undefined)));
    const rest = clause.replace(QUOTED, " ");
    const numbers = rest.match(NUMBER) || [];
    const weight = numbers.length ? Math.min(10, parseFloat(numbers[numbers.length - 1])) : 10;
    let patterns;
    if (AFTER.test(rest) && quoted.length >= 2) patterns = [quoted[1] + quoted[0]];
    else if (rest.includes("뒤") && quoted.length >= 2) patterns = [quoted[0] + quoted[1]];
    else patterns = quoted;
    for (const p of patterns) if (p) rules.push([p, weight]);
  }
  return rules;
}

/** The simulated activation (0-10) of every character of text. */
export function simulate(rules, text) {
  const out = new Array(text.length).fill(0);
  for (const [p, weight] of rules) {
    let start = text.indexOf(p);
    while (start >= 0) {
      const end = start + p.length - 1;
      if (weight > out[end]) out[end] = weight;
      start = text.indexOf(p, start + 1);
    }
  }
  return out;
}

/** Pearson correlation; null when either list is constant. */
export function pearson(xs, ys) {
  const n = xs.length;
  if (n !== ys.length || n < 2) throw new Error("need two lists of the same length, at least 2");
  let sx = 0, sy = 0;
  for (let i = 0; i < n; i++) { sx += xs[i]; sy += ys[i]; }
  const mx = sx / n, my = sy / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) * (xs[i] - mx);
    syy += (ys[i] - my) * (ys[i] - my);
  }
  if (sxx === 0 || syy === 0) return null;
  return sxy / Math.sqrt(sxx * syy);
}

/** {score, sims} of an explanation (or parsed rules) on excerpts [[text, [activation…]]]. */
export function score(explanation, excerpts) {
  const rules = typeof explanation === "string" ? parse(explanation) : explanation;
  const sim = [], real = [], sims = [];
  for (const [text, acts] of excerpts) {
    const s = simulate(rules, text);
    sims.push(s);
    sim.push(...s);
    real.push(...acts.map(Number));
  }
  return { score: pearson(sim, real), sims, rules };
}

function quote(text) {
  const t = Array.from(text, (ch) => ({ " ": "␣", "\n": "↵" })[ch] ?? ch).join("");
  return t.includes("'") ? `"${t}"` : `'${t}'`;
}

const fmt = (w) => String(Number(w));

/** Rules [[context, target, activation]] in words (as scripts/neurons/rules.py render). */
export function render(rules, lang) {
  return rules.map(([context, target, w]) => (lang === "ko"
    ? (context ? `${quote(context)} 뒤의 ${quote(target)}: ${fmt(w)}` : `${quote(target)}: ${fmt(w)}`)
    : (context ? `on ${quote(target)} after ${quote(context)}: ${fmt(w)}` : `on ${quote(target)}: ${fmt(w)}`))).join("; ");
}
