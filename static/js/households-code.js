// The new-household form: the code follows the chosen khu phố's suggestion (KP1-0036) until the
// officer types a code of their own; the server assigns the suggestion when the field is left blank.
document.addEventListener("DOMContentLoaded", () => {
  const select = document.querySelector("select[data-code-suggestions]");
  const code = document.querySelector("input[name=code]");
  if (!select || !code) return;
  const suggestions = JSON.parse(select.dataset.codeSuggestions);
  const suggested = new Set(Object.values(suggestions));
  let typed = code.value !== "" && !suggested.has(code.value);
  code.addEventListener("input", () => {
    typed = code.value !== "" && !suggested.has(code.value);
  });
  const follow = () => {
    if (!typed) code.value = suggestions[select.value] || "";
  };
  select.addEventListener("change", follow);
  if (code.value === "") follow();
});
