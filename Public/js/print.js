// A "Print" button where a page is meant to be printed. Hidden without JavaScript, where the
// browser's own print menu does the same (the page says so).
(function () {
  "use strict";
  var buttons = document.querySelectorAll("[data-print]");
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].hidden = false;
    buttons[i].addEventListener("click", function () { window.print(); });
  }
})();
