// On every page: after a form comes back with errors, move focus to the error summary, so a
// screen reader announces the problems and a keyboard user starts from them (as GOV.UK does).
// A link in the summary moves focus to its field rather than only scrolling. Without
// JavaScript the summary is still first in the page and its links still jump to the fields.
(function () {
  "use strict";
  var summary = document.querySelector(".error-summary");
  if (!summary) return;
  summary.focus();
  summary.addEventListener("click", function (event) {
    var link = event.target.closest("a[href^='#']");
    if (!link) return;
    var field = document.getElementById(link.getAttribute("href").slice(1));
    if (!field) return;
    event.preventDefault();
    var target = field.matches("input, select, textarea, button") ? field : field.querySelector("input, select, textarea");
    (target || field).focus();
    (field.closest(".field") || field).scrollIntoView({ block: "start" });
  });
})();
