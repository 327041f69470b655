// The lab loader (MIT). Loaded as a deferred module only on pages that have a lab. It
// shows each lab's start control (the build renders it hidden, so that without
// JavaScript the page's static text stands alone) and, on the first click or focus
// inside the lab, imports that lab's module from this site: ./<name>/lab.js, whose
// start(root, context) builds the lab, and the labs' stylesheet labs.css. Nothing else
// is fetched before that.
const base = new URL("./", import.meta.url);

let css;
/** The labs' stylesheet, added once, when the first lab starts. */
function stylesheet() {
  css ??= new Promise((resolve, reject) => {
    const link = Object.assign(document.createElement("link"), { rel: "stylesheet", href: new URL("labs.css", base).href });
    link.onload = resolve;
    link.onerror = () => reject(new Error("labs.css failed to load"));
    document.head.append(link);
  });
  return css;
}

function start(root) {
  if (root.dataset.labState) return;
  root.dataset.labState = "loading";
  const name = root.dataset.lab;
  const status = root.querySelector(".lab__size");
  Promise.all([import(new URL(`${name}/lab.js`, base).href), stylesheet()])
    .then(([lab]) => lab.start(root, { base, lang: document.documentElement.lang || "en" }))
    .then(() => { root.dataset.labState = "ready"; })
    .catch((err) => {
      root.dataset.labState = "failed";
      // "The lab could not load: {error}" in the page's language (data-lab-failed, from the
      // build); a worker's uncaught error arrives as "Uncaught Error: ...".
      const reason = String(err && err.message || err).replace(/^Uncaught (?:\w*Error: )?/, "");
      if (status) {
        status.setAttribute("role", "alert");
        status.textContent = (root.dataset.labFailed || "{error}").replace("{error}", reason);
      }
      console.error(err);
    });
}

for (const root of document.querySelectorAll("[data-lab]")) {
  root.hidden = false;
  const go = () => start(root);
  root.querySelector("[data-lab-start]")?.addEventListener("click", go, { once: true });
  root.addEventListener("focusin", go, { once: true });
}
