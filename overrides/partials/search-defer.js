{#- Load the search index when the reader starts to search, not with every page.
   Material for MkDocs requests search/search_index.json (hundreds of KiB for the Korean
   pages) as soon as any page loads. This script, loaded in <head> before Material's
   bundle, holds that one request back until the search box gets focus (a click or tap,
   the / S F shortcuts) or the page was opened with a ?q= search or from a search result
   (?h=, whose words Material highlights with the index); everything else is
   untouched. Without JavaScript nothing changes: search needs JavaScript anyway.
   (A Jinja comment, so that it is not sent with every page.) -#}
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json(?:[?#]|$)/;
  var released = /[?&][qh]=/.test(location.search);
  var waiting = [];
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;

  function release() {
    if (released) return;
    released = true;
    waiting.splice(0).forEach(function (go) { go(); });
  }

  XMLHttpRequest.prototype.open = function (method, url) {
    this.deferredSearchIndex = !released && INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.deferredSearchIndex && !released) {
      var xhr = this, args = arguments;
      waiting.push(function () { send.apply(xhr, args); });
      return;
    }
    return send.apply(this, arguments);
  };

  document.addEventListener("focusin", function (ev) {
    var el = ev.target;
    if (el && el.matches && el.matches("input.md-search__input")) release();
  });
  document.addEventListener("change", function (ev) {
    if (ev.target && ev.target.id === "__search" && ev.target.checked) release();
  });
})();
