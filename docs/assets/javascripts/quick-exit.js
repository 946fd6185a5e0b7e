/* Quick exit: replace this page (so Back does not return) with a neutral local page.
   Shortcut: press Shift three times within two seconds. The plain link works without JavaScript. */
(function () {
  "use strict";
  var exit = document.getElementById("quick-exit");
  if (!exit) return;
  var target = exit.getAttribute("data-exit-to") || exit.getAttribute("href");

  function leave(event) {
    if (event) event.preventDefault();
    document.body.style.visibility = "hidden"; // hide the page at once, before the next one loads
    window.location.replace(new URL(target, window.location.href).href);
  }

  exit.addEventListener("click", leave);

  var presses = [];
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift" || event.repeat) return;
    var now = Date.now();
    presses = presses.filter(function (t) { return now - t < 2000; });
    presses.push(now);
    if (presses.length >= 3) leave(event);
  });
})();
