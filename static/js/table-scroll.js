// Wide tables (.table-scroll, see portal.css): a hint line above a table wider than its box, and the
// "is-scrolled" class while scrolled so the fixed first column shows its edge. A file, not an inline
// script: the Content Security Policy allows scripts from 'self' only.
(function () {
  "use strict";
  var boxes = document.querySelectorAll(".table-scroll");

  function update(box) {
    var overflow = box.scrollWidth > box.clientWidth + 1;
    box.classList.toggle("has-overflow", overflow);
    box.classList.toggle("is-scrolled", box.scrollLeft > 0);
    box.previousElementSibling.hidden = !overflow;
  }

  boxes.forEach(function (box) {
    var hint = document.createElement("p");
    hint.className = "table-scroll-hint small text-muted mb-1";
    hint.setAttribute("data-testid", "table-scroll-hint");
    hint.textContent = "Bảng rộng: cột đầu đứng yên, vuốt ngang để xem các cột khác →";
    hint.hidden = true;
    box.parentNode.insertBefore(hint, box);
    box.addEventListener("scroll", function () { update(box); }, { passive: true });
    update(box);
  });
  window.addEventListener("resize", function () { boxes.forEach(update); });
})();
