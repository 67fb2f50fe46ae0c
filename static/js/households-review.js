// Shows the classification while the review form is filled in, by asking the portal's preview
// endpoint (the same rules as saving). Without JavaScript the "Xem kết quả phân loại" button does it.
(function () {
  "use strict";
  var form = document.getElementById("review-form");
  var result = document.getElementById("review-result");
  if (!form || !result) { return; }
  var url = form.getAttribute("data-preview-url");
  var timer = null;

  function show(text, ok) {
    result.className = "alert " + (ok ? "alert-primary" : "alert-warning");
    result.textContent = text;
  }

  function preview() {
    var data = new FormData(form);
    fetch(url, { method: "POST", body: data, credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
      .then(function (response) { return response.json(); })
      .then(function (json) {
        if (json.ok) {
          show("Kết quả phân loại: " + json.label + " (" + json.deprivation_count + " chỉ số thiếu hụt). Bấm “Lưu kết quả” để ghi nhận.", true);
        } else {
          show(json.errors.join(" "), false);
        }
      })
      .catch(function () { /* the preview button still works */ });
  }

  form.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(preview, 300);
  });
  form.addEventListener("change", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(preview, 100);
  });
}());
