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
    // Lead each excerpt with the article's date, written the Vietnamese way (21/6/2024).
    processResult: function (result) {
      var iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec((result.meta && result.meta.date) || "");
      if (iso) {
        var date = Number(iso[3]) + "/" + Number(iso[2]) + "/" + iso[1];
        result.excerpt = "<strong>" + date + "</strong> — " + result.excerpt;
        delete result.meta.date; // shown in the excerpt, not again as a tag
      }
      return result;
    },
  });
  var query = new URLSearchParams(window.location.search).get("q");
  var header = document.getElementById("tim-kiem");
  if (query) {
    ui.triggerSearch(query);
    if (header) header.value = query;
  }
})();
