// The admin's change form of a translated page (progressive enhancement, after
// modeltranslation has built its language tabs):
// - the language menu next to the title, which switches every tab of the form at once,
//   gets a visible label;
// - each tab whose language misses a field the page needs there to be published is
//   marked with an asterisk and says so in its title.
"use strict";

window.addEventListener("load", () => {
  const help = document.querySelector("[data-required-translations]");
  if (!help) {
    return;
  }
  const menu = document.getElementById("modeltranslation-main-switch");
  if (menu && !document.querySelector("label[for='modeltranslation-main-switch']")) {
    const label = document.createElement("label");
    label.htmlFor = menu.id;
    label.className = "review-switch-label";
    label.textContent = help.dataset.switchLabel;
    menu.before(label);
    menu.setAttribute("aria-describedby", help.id);
  }
  const required = help.dataset.requiredTranslations.split(" ").filter(Boolean);
  for (const link of document.querySelectorAll("a[href^='#tab_id_']")) {
    const input = document.getElementById(link.getAttribute("href").slice(5));
    const name = input ? input.id.slice(3).replace(/_[a-z]{2}$/, "") : "";
    if (input && required.includes(name) && !input.value.trim()) {
      link.classList.add("review-tab-missing");
      link.textContent += " *";
      link.title += ` — ${help.dataset.missingLabel}`;
    }
  }
});
