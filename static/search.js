// Search page: start Pagefind's UI and run the query of the plain GET form (?q=…).
// Loaded as a file (no inline script) so the page's Content-Security-Policy holds.
(function () {
  "use strict";
  var box = document.getElementById("search");
  if (!box || typeof PagefindUI === "undefined") return;
  // Result URLs are site-root relative; the site may live under any sub-path.
  var baseUrl = new URL(box.getAttribute("data-root") || "./", window.location.href).pathname;
  var ui = new PagefindUI({
    element: "#search",
    baseUrl: baseUrl,
    showSubResults: false,
    showImages: false,
    resetStyles: false,
    autofocus: true,
    pageSize: 10,
    // Pagefind folds diacritics ("dan van" finds "dân vận"); rank exact accents first.
    ranking: { diacriticSimilarity: 1.0 },
  });
  var query = new URLSearchParams(window.location.search).get("q");
  var header = document.getElementById("tim-kiem");
  if (query) {
    ui.triggerSearch(query);
    if (header) header.value = query;
  }
})();
