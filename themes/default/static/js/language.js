// Keeps the reader's place when switching language: the maturity model's dimension anchors
// (#people, #policy, …) are the same in every language, so the switcher carries the current #anchor along.
// Without JavaScript the switcher still works; it opens the top of the translated page.
document.addEventListener("click", function (event) {
  var link = event.target.closest ? event.target.closest(".language-switcher a[hreflang]") : null;
  if (!link || !window.location.hash) return;
  link.href = link.href.split("#")[0] + window.location.hash;
});
