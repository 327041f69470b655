// Shared by the next-token and attention labs (MIT): their stylesheet and token display.

/** Add ./lab.css (this folder) to the page once; resolves when it has loaded. */
export function ensureStyles() {
  const href = new URL("./lab.css", import.meta.url).href;
  if (document.querySelector(`link[href="${href}"]`)) return Promise.resolve();
  return new Promise((resolve) => {
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = href;
    link.addEventListener("load", resolve, { once: true });
    link.addEventListener("error", resolve, { once: true });
    document.head.append(link);
  });
}

/** A token as the labs print it: ␣ for a space, ↵ for a line break. */
export function visibleToken(t) {
  return t === " " ? "␣" : t === "\n" ? "↵" : t;
}
