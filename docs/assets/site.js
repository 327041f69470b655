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

  function update(box) {
    var wide = box.el.scrollWidth > box.el.clientWidth + 1;
    if (wide) {
      box.el.setAttribute("tabindex", "0");
      box.el.setAttribute("role", "region");
      box.el.setAttribute("aria-label", box.label);
    } else {
      ["tabindex", "role", "aria-label"].forEach(function (a) { box.el.removeAttribute(a); });
    }
    box.el.classList.toggle("is-scrollable", wide);
    if (box.hint) box.hint.hidden = !wide;
  }

  function add(el, label, hintText) {
    var hint = document.createElement("span");
    hint.className = "scroll-hint";
    hint.setAttribute("aria-hidden", "true");
    hint.textContent = hintText;
    hint.hidden = true;
    el.parentNode.insertBefore(hint, el.nextSibling);
    var box = { el: el, label: label, hint: hint };
    boxes.push(box);
    update(box);
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
    var n = 0;
    document.querySelectorAll(".md-typeset div.math:not(.scroll-x)").forEach(function (div) {
      div.classList.add("scroll-x");
      add(div, T.math + " " + (++n), T.mhint);
    });
    document.querySelectorAll(".md-typeset math:not([display=block])").forEach(function (math) {
      var line = math.parentNode;
      if (!line || math.getBoundingClientRect().width <= line.clientWidth) return;
      var span = document.createElement("span");
      span.className = "scroll-x math-scroll";
      line.insertBefore(span, math);
      span.appendChild(math);
      add(span, T.math + " " + (++n), T.mhint);
    });
    // Re-check when a box changes size: a resized window, an opened quiz answer, a tab.
    if (window.ResizeObserver) {
      var observer = new ResizeObserver(function (seen) {
        seen.forEach(function (entry) { boxes.forEach(function (box) { if (box.el === entry.target) update(box); }); });
      });
      boxes.forEach(function (box) { observer.observe(box.el); });
    }
  }
  window.addEventListener("resize", function () { boxes.forEach(update); });
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
