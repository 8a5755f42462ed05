// The desk's only script (no inline script anywhere: the Content-Security-Policy forbids it).
// While a check runs, ask for its state every second and go on to the result when it is done.
"use strict";
(function () {
  var box = document.getElementById("progress");
  if (!box) { return; }
  var url = box.getAttribute("data-status");
  var elapsed = box.querySelector(".elapsed");
  function poll() {
    fetch(url, { credentials: "same-origin", cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (state) {
        if (state.done) { window.location.assign(state.next); return; }
        if (elapsed) { elapsed.textContent = state.text; }
        window.setTimeout(poll, 1000);
      })
      .catch(function () { window.setTimeout(poll, 2000); });
  }
  window.setTimeout(poll, 500);
})();
