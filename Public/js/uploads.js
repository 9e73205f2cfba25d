// Progressive enhancement for the records form: each chosen file is sent on its own request so
// that it gets its own progress bar. Without JavaScript the form posts all files at once.
(function () {
  "use strict";
  var form = document.querySelector(".upload-form");
  if (!form || !window.XMLHttpRequest || !window.FormData) return;
  var input = form.querySelector('input[type="file"]');
  var list = form.querySelector(".upload-progress");

  function send(file) {
    return new Promise(function (resolve) {
      var item = document.createElement("li");
      var label = document.createElement("span");
      label.textContent = file.name + ": ";
      var bar = document.createElement("progress");
      bar.max = 100;
      bar.value = 0;
      bar.setAttribute("aria-label", "Progress of " + file.name);
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
          status.textContent = " received";
        } else {
          var page = new DOMParser().parseFromString(request.responseText, "text/html");
          var message = page.querySelector(".upload-error p");
          status.textContent = " not received: " + (message ? message.textContent : "please try again");
        }
        resolve(ok);
      });
      request.addEventListener("error", function () {
        status.textContent = " not received: the connection failed";
        resolve(false);
      });
      request.send(data);
    });
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
      if (results.every(Boolean)) window.location.reload();
    });
  });
})();
