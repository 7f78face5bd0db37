// Progressive enhancement for the registration form. A second click on the submit
// button would send the form twice (the second then fails as a duplicate), so the
// button is disabled once the form is on its way. Without this file the form still works.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form[data-submit-once]").forEach(function (form) {
      form.addEventListener("submit", function () {
        form.querySelectorAll("button[type=submit]").forEach(function (button) {
          // Disabled after the submission has started, so the form is still sent.
          window.setTimeout(function () { button.disabled = true; }, 0);
        });
      });
    });
  });
  // A form sent back with errors: its summary takes the focus (autofocus does not reach
  // every browser), so that screen readers read it first. After the load, and a turn
  // later: going to the page's #register fragment would otherwise take the focus back.
  window.addEventListener("load", function () {
    var summary = document.querySelector("[data-error-summary]");
    if (summary) {
      window.setTimeout(function () { summary.focus(); }, 0);
    }
  });
  // Coming back with the browser's Back button shows the page from its cache: enable again.
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form[data-submit-once] button[type=submit]").forEach(function (button) {
      button.disabled = false;
    });
  });
})();
