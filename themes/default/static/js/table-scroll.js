// A table wider than the content column scrolls sideways in its own box (css/style.css). A box that scrolls can be
// scrolled with the arrow keys only once it has the keyboard's focus, and Safari gives a box no focus of itself when
// it holds no link: such a table gets tabindex="0" (a stop for the Tab key, with the focus ring) for as long as it is
// wider than its box. Without JavaScript the table still scrolls by touch and mouse, and by keyboard in Chromium and
// Firefox.
(function () {
  var tables = document.querySelectorAll(".content table");
  if (!tables.length) return;
  function update() {
    for (var i = 0; i < tables.length; i++) {
      var table = tables[i];
      var scrolls = table.scrollWidth > table.clientWidth + 1;
      if (scrolls && !table.hasAttribute("tabindex")) {
        table.setAttribute("tabindex", "0");
        table.setAttribute("data-scroll-focus", "");
      } else if (!scrolls && table.hasAttribute("data-scroll-focus")) {
        table.removeAttribute("tabindex");
        table.removeAttribute("data-scroll-focus");
      }
    }
  }
  update();
  window.addEventListener("resize", update);
})();
