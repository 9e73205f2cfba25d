// Progressive enhancement for registration step 1: show the family-member questions only when
// a family member is registering, and the state list only for the United States. Without
// JavaScript every question is shown and the server ignores what does not apply.
(function () {
  "use strict";
  var proxy = document.getElementById("proxy-details");
  var stateField = document.getElementById("state-field");
  var country = document.getElementById("country");
  var radios = document.querySelectorAll('input[name="registrant"]');

  function updateProxy() {
    if (!proxy || radios.length === 0) return;
    var family = document.getElementById("registrant-family");
    var self = document.getElementById("registrant-self");
    proxy.hidden = !!(self && self.checked) && !(family && family.checked);
  }

  function updateState() {
    if (!stateField || !country) return;
    stateField.hidden = country.value !== "" && country.value !== "US";
  }

  radios.forEach(function (radio) { radio.addEventListener("change", updateProxy); });
  if (country) country.addEventListener("change", updateState);
  updateProxy();
  updateState();
})();
