// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    // "Copy link" buttons stay hidden where the Clipboard API is missing.
    if (!navigator.clipboard) {
      return;
    }
    document.querySelectorAll("[data-copy-url]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        var status = button.closest(".share").querySelector(".share-status");
        navigator.clipboard.writeText(button.dataset.copyUrl).then(function () {
          if (status) {
            status.textContent = button.dataset.copiedLabel;
          }
          button.textContent = button.dataset.copiedLabel;
        });
      });
    });
  });
})();
