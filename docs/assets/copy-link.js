/* A "copy link" button on every section heading: copies the section's address, shows
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
