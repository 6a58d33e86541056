// Keeps the reader's place when switching language: the maturity model's dimension anchors
// (#people, #policy, …) are the same in every language, so the switcher carries the current #anchor along.
// A reader who came by one of Hugo's ids (#mitarbeiter, #culture: an empty anchor at the start of a heading)
// is taken to the heading's own, language-neutral id instead.
// Without JavaScript the switcher still works; it opens the top of the translated page.
document.addEventListener("click", function (event) {
  var link = event.target.closest ? event.target.closest(".language-switcher a[hreflang]") : null;
  if (!link || !window.location.hash) return;
  var hash = window.location.hash;
  var id;
  try {
    id = decodeURIComponent(hash.slice(1));
  } catch (error) {
    id = hash.slice(1);
  }
  var target = document.getElementById(id);
  if (target && target.classList.contains("heading-alias") && target.parentElement && target.parentElement.id) {
    hash = "#" + encodeURIComponent(target.parentElement.id);
  }
  link.href = link.href.split("#")[0] + hash;
});
