// Progressive enhancement for the report form: the draft is saved every 30 seconds while it
// changes, under the same version check as the Save button, so a second tab can never be
// overwritten silently. Without JavaScript the Save button does the same.
(function () {
  "use strict";
  var form = document.querySelector(".report-form");
  if (!form || !window.fetch || !window.FormData) return;
  var status = null;
  var changed = false;

  // Made on the first autosave, so the page starts with one status region (the page's notice).
  function say(text) {
    if (!status) {
      status = document.createElement("p");
      status.className = "hint autosave-status";
      status.setAttribute("aria-live", "polite");
      form.insertBefore(status, form.firstChild);
    }
    status.textContent = text;
  }
  var busy = false;
  form.addEventListener("input", function () { changed = true; });

  function save() {
    if (!changed || busy) return;
    busy = true;
    changed = false;
    var data = new FormData(form);
    data.delete("password");
    data.set("action", "save");
    fetch(form.getAttribute("action"), { method: "POST", body: new URLSearchParams(data), credentials: "same-origin" })
      .then(function (response) {
        return response.text().then(function (text) { return { ok: response.ok, text: text }; });
      })
      .then(function (result) {
        var page = new DOMParser().parseFromString(result.text, "text/html");
        var version = page.querySelector('.report-form input[name="version"]');
        if (result.ok && version) {
          form.querySelector('input[name="version"]').value = version.value;
          // the summary's reading grade, as the server measured the text just saved
          var grade = page.getElementById("patientSummary-grade");
          var mine = document.getElementById("patientSummary-grade");
          if (grade && mine) { mine.textContent = grade.textContent; mine.className = grade.className; }
          say("Draft saved automatically at " + new Date().toLocaleTimeString() + ".");
        } else {
          say("This draft was changed in another window and was not saved automatically. Copy your text, then reload.");
        }
      })
      .catch(function () {
        changed = true;
        say("Could not save automatically; your text is still here.");
      })
      .finally(function () { busy = false; });
  }

  window.setInterval(save, 30000);
})();
