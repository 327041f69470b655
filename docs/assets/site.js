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
