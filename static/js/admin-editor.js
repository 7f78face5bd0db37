// The admin's rich-text editor (django-prose-editor) in the staff member's language.
// The editor translates the words of its dialogs with Django's JavaScript catalogue
// (window.gettext, loaded by the admin before this script) and names its buttons in
// English. The page gives the editor's words translated, in this script's
// data-editor-words attribute (JSON: the editor's English -> the staff member's words):
// - they join the catalogue now, before the editor's modules run (they are deferred);
// - each editor's menu is renamed once drawn, and again whenever it draws a button anew
//   (the paragraph/heading menu shows a copy of the current one's button).
"use strict";

(() => {
  const words = JSON.parse(document.currentScript.dataset.editorWords || "{}");
  const django = (window.django = window.django || {});
  django.catalog = Object.assign(django.catalog || {}, words);

  const rename = (menu) => {
    for (const button of menu.querySelectorAll("button")) {
      for (const attribute of ["title", "aria-label"]) {
        const word = words[button.getAttribute(attribute)];
        if (word) {
          button.setAttribute(attribute, word);
        }
      }
    }
    for (const option of menu.querySelectorAll(".prose-menubar__option > *")) {
      const word = words[option.textContent];
      if (word && word !== option.textContent) {
        option.textContent = word;
      }
    }
  };

  const translate = (menu) => {
    rename(menu);
    new MutationObserver(() => rename(menu)).observe(menu, { childList: true, subtree: true });
  };

  document.addEventListener("prose-editor:ready", (event) => {
    const editor = event.target.closest(".prose-editor");
    if (!editor) {
      return;
    }
    // The editor draws its menu just after it says it is ready.
    const menu = editor.querySelector(".prose-menubar");
    if (menu) {
      translate(menu);
      return;
    }
    const observer = new MutationObserver(() => {
      const drawn = editor.querySelector(".prose-menubar");
      if (drawn) {
        observer.disconnect();
        translate(drawn);
      }
    });
    observer.observe(editor, { childList: true });
  });
})();
