// The admin's change form of a translated page (progressive enhancement, once
// modeltranslation has built its language tabs, which it does after the page loads):
// - the language menu next to the title, which switches every tab of the form at once,
//   gets a visible label;
// - each tab whose language misses a field the page needs there to be published is
//   marked with an asterisk and says so in its title.
"use strict";

function labelTheLanguageMenu(help) {
  const menu = document.getElementById("modeltranslation-main-switch");
  if (!menu || document.querySelector("label[for='modeltranslation-main-switch']")) {
    return Boolean(menu);
  }
  const label = document.createElement("label");
  label.htmlFor = menu.id;
  label.className = "review-switch-label";
  label.textContent = help.dataset.switchLabel;
  menu.before(label);
  menu.setAttribute("aria-describedby", help.id);
  return true;
}

function markTabsMissingRequiredFields(help) {
  const required = help.dataset.requiredTranslations.split(" ").filter(Boolean);
  const links = document.querySelectorAll("a[href^='#tab_id_']:not([data-review-checked])");
  for (const link of links) {
    link.dataset.reviewChecked = "true";
    const input = document.getElementById(link.getAttribute("href").slice(5));
    const name = input ? input.id.slice(3).replace(/_[a-z]{2}$/, "") : "";
    if (input && required.includes(name) && !input.value.trim()) {
      link.classList.add("review-tab-missing");
      link.textContent += " *";
      link.title += ` — ${help.dataset.missingLabel}`;
    }
  }
  return links.length > 0;
}

document.addEventListener("DOMContentLoaded", () => {
  const help = document.querySelector("[data-required-translations]");
  if (!help) {
    return;
  }
  const enhance = () => {
    const labelled = labelTheLanguageMenu(help);
    const marked = markTabsMissingRequiredFields(help);
    return labelled && marked;
  };
  if (enhance()) {
    return;
  }
  // The tabs and the menu are not built yet: watch the form until they are.
  const observer = new MutationObserver(() => {
    if (enhance()) {
      observer.disconnect();
    }
  });
  observer.observe(document.body, { childList: true, subtree: true });
  window.setTimeout(() => observer.disconnect(), 10000);
});
