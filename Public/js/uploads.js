// Progressive enhancement for the records form: each chosen file is sent on its own request so
// that it gets its own progress bar. Without JavaScript the form posts all files at once.
// When all are sent, the list of records received is brought up to date in place and the file
// picker is cleared; a refused file is marked as an error in words and styling, not by colour.
(function () {
  "use strict";
  var form = document.querySelector(".upload-form");
  if (!form || !window.XMLHttpRequest || !window.FormData) return;
  var input = form.querySelector('input[type="file"]');
  var list = form.querySelector(".upload-progress");
  // The words come from the page, in its language (the catalogs), never from this file.
  function words(name) { return list.getAttribute("data-" + name) || ""; }

  function send(file) {
    return new Promise(function (resolve) {
      var item = document.createElement("li");
      var label = document.createElement("span");
      label.textContent = file.name + ": ";
      var bar = document.createElement("progress");
      bar.max = 100;
      bar.value = 0;
      bar.setAttribute("aria-label", words("progress") + " " + file.name);
      var status = document.createElement("span");
      item.appendChild(label);
      item.appendChild(bar);
      item.appendChild(status);
      list.appendChild(item);

      var data = new FormData();
      // The token goes first: the server checks it before it stores anything.
      data.append("_csrf", form.querySelector('input[name="_csrf"]').value);
      data.append("category", form.querySelector('[name="category"]').value);
      data.append("description", form.querySelector('[name="description"]').value);
      data.append("files", file, file.name);
      var request = new XMLHttpRequest();
      request.open("POST", form.getAttribute("action"));
      request.upload.addEventListener("progress", function (event) {
        if (event.lengthComputable) bar.value = Math.round((event.loaded / event.total) * 100);
      });
      request.addEventListener("load", function () {
        var ok = request.status >= 200 && request.status < 300 && request.responseText.indexOf("upload-error") === -1;
        bar.value = ok ? 100 : bar.value;
        if (ok) {
          item.className = "upload-ok";
          status.textContent = " ✓ " + words("received");
        } else {
          var page = new DOMParser().parseFromString(request.responseText, "text/html");
          var message = page.querySelector(".upload-error p");
          refused(item, bar, status, message ? message.textContent : words("try-again"));
        }
        resolve(ok);
      });
      request.addEventListener("error", function () {
        refused(item, bar, status, words("connection-failed"));
        resolve(false);
      });
      request.send(data);
    });
  }

  function refused(item, bar, status, reason) {
    item.className = "upload-refused";
    bar.hidden = true;
    var strong = document.createElement("strong");
    strong.textContent = " ✗ " + words("not-received") + " ";
    status.textContent = "";
    status.appendChild(strong);
    status.appendChild(document.createTextNode(reason));
  }

  // The list of records received, as the server now has it.
  function refreshReceived() {
    var current = document.getElementById("records-received");
    if (!current || !window.fetch) return Promise.resolve();
    return fetch(window.location.pathname, { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html) return;
        var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("records-received");
        if (fresh) current.replaceWith(document.importNode(fresh, true));
      })
      .catch(function () {});
  }

  form.addEventListener("submit", function (event) {
    if (!input.files || input.files.length === 0) return;
    event.preventDefault();
    var files = Array.prototype.slice.call(input.files);
    list.innerHTML = "";
    files.reduce(function (previous, file) {
      return previous.then(function (results) {
        return send(file).then(function (ok) { return results.concat([ok]); });
      });
    }, Promise.resolve([])).then(function (results) {
      input.value = "";
      var sent = results.filter(Boolean).length;
      var summary = document.createElement("li");
      summary.className = "upload-summary";
      summary.textContent = words("summary") + " " + sent + " / " + results.length + "." +
        (sent < results.length ? " " + words("summary-refused") : "");
      list.appendChild(summary);
      return refreshReceived();
    });
  });
})();
