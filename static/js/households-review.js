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

  // On a slow network the officer may type before this script arrives: what is already changed is
  // previewed at once, or the result would wait for the next keystroke.
  var changed = Array.prototype.some.call(form.elements, function (field) {
    if (field.type === "checkbox" || field.type === "radio") { return field.checked !== field.defaultChecked; }
    return typeof field.defaultValue === "string" && field.type !== "hidden" && field.value !== field.defaultValue;
  });
  if (changed) { preview(); }

  form.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(preview, 300);
  });
  form.addEventListener("change", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(preview, 100);
  });
}());
