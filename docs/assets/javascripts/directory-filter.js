/* Directory index: filter the country list as you type. Works offline (no fetch); without JavaScript
   the filter box stays hidden and the full list is shown. Runs on every page but only acts on the index. */
(function () {
  "use strict";

  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  }

  function setUp() {
    var input = document.getElementById("dir-filter-input");
    if (!input || input.dataset.ready) { return; }
    input.dataset.ready = "1";
    var box = input.closest(".dir-filter");
    var none = document.querySelector(".dir-filter-none");
    var links = Array.prototype.slice.call(document.querySelectorAll("a[data-terms]"));
    var headings = Array.prototype.slice.call(document.querySelectorAll("h2.dir-region"));
    box.hidden = false;

    input.addEventListener("input", function () {
      var query = fold(input.value);
      var shown = 0;
      links.forEach(function (link) {
        var match = !query || fold(link.dataset.terms + " " + link.textContent).indexOf(query) !== -1;
        link.closest("li").hidden = !match;
        if (match) { shown += 1; }
      });
      headings.forEach(function (heading) {
        var list = heading.nextElementSibling;
        if (!list || list.tagName !== "UL") { return; }
        var any = list.querySelector("li:not([hidden])") !== null;
        heading.hidden = !any;
        list.hidden = !any;
      });
      if (none) { none.hidden = shown !== 0; }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
  /* Material's instant navigation swaps pages without a reload. */
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUp);
  }
})();
