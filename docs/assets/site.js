/* The page language's UI strings for this script (overrides/strings/<lang>.yml, key
   `site:`), which the theme writes into every page as JSON (overrides/main.html). */
function strings(section) {
  "use strict";
  var el = document.getElementById("llmbook-site-strings");
  return ((el && JSON.parse(el.textContent)) || {})[section] || {};
}

/* Glossary tooltips: keep them inside the viewport, close them with Escape (WCAG 1.4.13),
   and on touch screens show the definition on the first tap and follow the link on the
   second. Without this script the tooltips still open on hover and keyboard focus. */
(function () {
  "use strict";
  function place(ref) {
    var tip = ref.querySelector(".glossary-tip");
    if (!tip) return;
    tip.style.left = "0px";
    var box = tip.getBoundingClientRect();
    var room = document.documentElement.clientWidth - 8;
    if (box.right > room) tip.style.left = Math.min(0, room - box.right) + "px";
    box = tip.getBoundingClientRect();
    if (box.left < 8) tip.style.left = (parseFloat(tip.style.left) + 8 - box.left) + "px";
  }
  function closeAll(except) {
    document.querySelectorAll(".glossary-ref.is-open").forEach(function (ref) {
      if (ref !== except) ref.classList.remove("is-open");
    });
  }
  document.addEventListener("mouseover", function (ev) {
    var ref = ev.target.closest && ev.target.closest(".glossary-ref");
    if (ref) { ref.classList.remove("is-dismissed"); place(ref); }
  });
  document.addEventListener("focusin", function (ev) {
    var ref = ev.target.closest && ev.target.closest(".glossary-ref");
    if (ref) { ref.classList.remove("is-dismissed"); place(ref); }
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key !== "Escape") return;
    document.querySelectorAll(".glossary-ref").forEach(function (ref) {
      if (ref.matches(":hover, :focus-within, .is-open")) ref.classList.add("is-dismissed");
      ref.classList.remove("is-open");
    });
  });
  document.addEventListener("click", function (ev) {
    var link = ev.target.closest && ev.target.closest("a.glossary-link");
    var touch = window.matchMedia("(hover: none)").matches;
    if (!link) { closeAll(null); return; }
    if (!touch) return;
    var ref = link.parentNode;
    if (!ref.classList.contains("is-open")) {
      ev.preventDefault();
      closeAll(ref);
      ref.classList.remove("is-dismissed");
      ref.classList.add("is-open");
      place(ref);
    }
  });
})();

/* Wide tables and formulas scroll inside their own box, never the page. Each table is
   wrapped in a .scroll-x box; each display formula is one. A box that actually scrolls
   becomes a labelled region reachable with the keyboard (WCAG 2.1.1), with a line that
   says more lies to the side; a box that fits stays out of the tab order. An inline
   formula wider than its line gets such a box too. */
(function () {
  "use strict";
  var T = strings("scroll");
  var boxes = [];
  var formulas = 0;
  // Run after Material has mounted its components (it wraps tables in its own boxes on
  // each document$ emission); without Material's bundle, run at once.
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(setup);
  else setup();

  function text(el) { return (el.textContent || "").replace(/\s+/g, " ").trim(); }

  function tableLabel(table) {
    var cap = table.querySelector("caption");
    if (cap && text(cap)) return text(cap);
    var heads = Array.prototype.map.call(table.querySelectorAll("thead th"), text).filter(Boolean);
    var prev = table.parentNode.previousElementSibling;
    var title = prev && /^(P|H[2-6])$/.test(prev.tagName) && /[:：]$/.test(text(prev)) ? text(prev) : "";
    return T.table + (title ? ": " + title : "") + (heads.length ? " (" + heads.join(", ") + ")" : "");
  }

  // Reads, then writes, for all boxes at once: reading a size after a write forces the
  // browser to lay the page out again, and a long chapter has dozens of boxes.
  function wide(box) { return box.el.scrollWidth > box.el.clientWidth + 1; }
  function show(box, isWide) {
    if (isWide) {
      box.el.setAttribute("tabindex", "0");
      box.el.setAttribute("role", "region");
      box.el.setAttribute("aria-label", box.label);
    } else {
      ["tabindex", "role", "aria-label"].forEach(function (a) { box.el.removeAttribute(a); });
    }
    box.el.classList.toggle("is-scrollable", isWide);
    if (box.hint) box.hint.hidden = !isWide;
  }
  function updateAll(list) {
    var widths = list.map(wide);
    list.forEach(function (box, i) { show(box, widths[i]); });
  }

  function add(el, label, hintText) {
    var hint = document.createElement("span");
    hint.className = "scroll-hint";
    hint.setAttribute("aria-hidden", "true");
    hint.textContent = hintText;
    hint.hidden = true;
    el.parentNode.insertBefore(hint, el.nextSibling);
    boxes.push({ el: el, label: label, hint: hint });
  }

  function setup() {
    boxes = [];
    document.querySelectorAll(".md-typeset table:not([class])").forEach(function (table) {
      if (table.parentNode.classList.contains("scroll-x")) return;
      // Numbers and vectors such as "[0.371, 0.860]" never wrap (see site.css td.num).
      table.querySelectorAll("td").forEach(function (td) {
        if (/^[\s\d.,:;%×+\-−–()\[\]]+$/.test(td.textContent) && /\d/.test(td.textContent)) td.classList.add("num");
      });
      var wrap = document.createElement("div");
      wrap.className = "scroll-x";
      table.parentNode.insertBefore(wrap, table);
      wrap.appendChild(table);
      add(wrap, tableLabel(table), T.hint);
    });
    formulas = 0;
    document.querySelectorAll(".md-typeset div.math:not(.scroll-x)").forEach(function (div) {
      div.classList.add("scroll-x");
      add(div, T.math + " " + (++formulas), T.mhint);
    });
    // Sizes are read where the browser has just laid the page out anyway: in a
    // ResizeObserver's callback (it reports every observed element once at the start),
    // all reads before any write. Reading sizes here, after the writes above, would make
    // the browser lay out the whole chapter once more.
    var maths = Array.prototype.slice.call(document.querySelectorAll(".md-typeset math:not([display=block])"));
    if (!window.ResizeObserver) {
      wrapWide(maths.filter(tooWide));
      updateAll(boxes);
      return;
    }
    var observer = new ResizeObserver(function (seen) {
      var targets = seen.map(function (entry) { return entry.target; });
      var grown = targets.filter(function (el) { return el.tagName.toLowerCase() === "math" && tooWide(el); });
      updateAll(boxes.filter(function (box) { return targets.indexOf(box.el) >= 0; }));
      // an inline formula wider than its line gets its own scroll box (checked at once)
      grown.forEach(function (math) { observer.unobserve(math); });
      wrapWide(grown).forEach(function (box) { observer.observe(box.el); });
    });
    boxes.forEach(function (box) { observer.observe(box.el); });
    maths.forEach(function (math) { observer.observe(math); });
  }

  function tooWide(math) { return math.parentNode && math.getBoundingClientRect().width > math.parentNode.clientWidth; }
  function wrapWide(list) {
    var n = boxes.length;
    list.forEach(function (math) {
      var span = document.createElement("span");
      span.className = "scroll-x math-scroll";
      math.parentNode.insertBefore(span, math);
      span.appendChild(math);
      add(span, T.math + " " + (++formulas), T.mhint);
    });
    return boxes.slice(n);
  }
  window.addEventListener("resize", function () { updateAll(boxes); });
})();

/* The language switcher keeps the reader's place: both languages share every section
   id, so the link carries the current #section along. The current language is marked. */
(function () {
  "use strict";
  var lang = document.documentElement.lang;
  document.querySelectorAll("a.md-select__link[hreflang]").forEach(function (link) {
    if (link.getAttribute("hreflang") === lang) link.setAttribute("aria-current", "true");
    var base = link.getAttribute("href").split("#")[0];
    function carry() { link.setAttribute("href", base + location.hash); }
    ["click", "focus", "pointerdown", "contextmenu"].forEach(function (ev) { link.addEventListener(ev, carry); });
    carry();
  });
})();

/* Glossary index: an old link to glossary/#<term> lands on the term's index item; go on
   to its full entry on its page of entries (the item's first link), replacing the history entry. */
(function () {
  "use strict";
  function forward() {
    var item = location.hash.length > 1 && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    var link = item && item.hasAttribute("data-glossary-entry") && item.querySelector("a[href]");
    if (link) location.replace(link.href);
  }
  forward();
  window.addEventListener("hashchange", forward);
})();

/* Glossary filter: a search box above the letter index that narrows the entries as one
   types, in Korean or English; a Korean initial consonant matches every syllable that
   starts with it (ㅌ finds 토큰, ㅌㅋ finds 토큰 too). Markup contract: each entry root has
   data-glossary-entry and data-names="name|alias|…" (both languages); each letter group
   root has data-glossary-group; the jump index has id glossary-index. */
(function () {
  "use strict";
  var index = document.getElementById("glossary-index");
  var entries = Array.prototype.slice.call(document.querySelectorAll("[data-glossary-entry]"));
  if (!index || !entries.length) return;
  var T = strings("glossary_filter");
  var CHO = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";

  function initial(ch) {
    var c = ch.charCodeAt(0) - 0xac00;
    return c >= 0 && c < 11172 ? CHO.charAt(Math.floor(c / 588)) : ch;
  }
  function norm(s) { return (s || "").normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim(); }
  // While a Korean IME is still composing, the last syllable may lack its final
  // consonant: "토크" on the way to "토큰". A last syllable without one matches any
  // syllable with the same initial and vowel.
  function open(q, c) {
    var a = q.charCodeAt(0) - 0xac00, b = c.charCodeAt(0) - 0xac00;
    return a >= 0 && a < 11172 && a % 28 === 0 && b >= 0 && b < 11172 && Math.floor(b / 28) === a / 28;
  }
  function same(q, c, last) {
    return q === c || (CHO.indexOf(q) >= 0 && initial(c) === q) || (last && open(q, c));
  }
  function matches(name, query) {
    for (var i = 0; i + query.length <= name.length; i++) {
      var ok = true;
      for (var j = 0; j < query.length && ok; j++) ok = same(query.charAt(j), name.charAt(i + j), j === query.length - 1);
      if (ok) return true;
    }
    return false;
  }
  var names = entries.map(function (e) { return norm(e.getAttribute("data-names")).split("|"); });
  var groups = Array.prototype.slice.call(document.querySelectorAll("[data-glossary-group]"));

  var box = document.createElement("div");
  box.className = "glossary-filter";
  box.setAttribute("role", "search");
  box.innerHTML = '<label for="glossary-filter-input"></label>' +
    '<input id="glossary-filter-input" type="search" autocomplete="off" spellcheck="false" aria-describedby="glossary-filter-hint glossary-filter-status">' +
    '<p id="glossary-filter-hint" class="glossary-filter-status"></p>' +
    '<p id="glossary-filter-status" class="glossary-filter-status" role="status" aria-live="polite"></p>';
  box.querySelector("label").textContent = T.label;
  box.querySelector("#glossary-filter-hint").textContent = T.hint;
  var input = box.querySelector("input");
  var status = box.querySelector("#glossary-filter-status");
  index.parentNode.insertBefore(box, index);

  function apply() {
    var query = norm(input.value);
    var shown = 0;
    entries.forEach(function (entry, i) {
      var hit = !query || names[i].some(function (name) { return matches(name, query); });
      entry.hidden = !hit;
      if (hit) shown++;
    });
    groups.forEach(function (group) {
      group.hidden = !group.querySelector("[data-glossary-entry]:not([hidden])");
    });
    index.hidden = !!query;
    status.textContent = query ? (shown ? T.count.replace("{n}", shown) : T.none) : "";
  }
  input.addEventListener("input", apply);
  if (/[?&]filter=/.test(location.search)) {
    input.value = decodeURIComponent(location.search.split(/[?&]filter=/)[1].split("&")[0]);
    apply();
  }
})();

/* ---- A "copy link" button on every section heading: copies the section's address, shows
   what was copied next to the button for a moment and announces it through the page's
   live region (#copy-link-status, written by the llmbook-print plugin with this
   language's strings). Without JavaScript the ¶ permalink stays the way to a section. */
(function () {
  "use strict";
  var status = document.getElementById("copy-link-status");
  if (!status) return;
  var t = status.dataset;
  var ICON = '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M10.6 13.4a1 1 0 0 1 0-1.4l3.5-3.5a1 1 0 1 1 1.4 1.4L12 13.4a1 1 0 0 1-1.4 0zm-2.1 5.3a3.5 3.5 0 0 1-2.5-6l2.1-2.1a1 1 0 1 1 1.4 1.4l-2.1 2.1a1.5 1.5 0 0 0 2.1 2.1l2.1-2.1a1 1 0 1 1 1.4 1.4L11 17.7a3.5 3.5 0 0 1-2.5 1zm7-5.3a1 1 0 0 1-.7-1.7l2.1-2.1a1.5 1.5 0 0 0-2.1-2.1l-2.1 2.1a1 1 0 1 1-1.4-1.4L13 6.1a3.5 3.5 0 0 1 5 5l-2.1 2.1a1 1 0 0 1-.7.3z"/></svg>';

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (m, key) { return key in values ? values[key] : m; });
  }
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      document.body.removeChild(area);
      if (ok) { resolve(); } else { reject(new Error("copy refused")); }
    });
  }
  function announce(message) {
    status.textContent = "";
    window.setTimeout(function () { status.textContent = message; }, 50);
  }
  document.querySelectorAll("article.md-content__inner h2[id], article.md-content__inner h3[id]").forEach(function (h) {
    var title = (h.textContent || "").replace(/\u00b6\s*$/, "").trim();
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-link";
    button.setAttribute("aria-label", fill(t.label, { title: title }));
    button.title = fill(t.label, { title: title });
    button.innerHTML = ICON + '<span class="copy-link__done" aria-hidden="true"></span>';
    h.appendChild(button);
    button.addEventListener("click", function () {
      var url = location.origin + location.pathname + "#" + h.id;
      var done = button.querySelector(".copy-link__done");
      copyText(url).then(function () {
        button.classList.add("is-copied");
        done.textContent = t.copiedShort;
        announce(fill(t.copied, { url: url }));
      }, function () {
        done.textContent = "";
        announce(fill(t.failed, { url: url }));
      });
      window.clearTimeout(button.copyTimer);
      button.copyTimer = window.setTimeout(function () {
        button.classList.remove("is-copied");
        done.textContent = "";
      }, 2500);
    });
  });
})();
