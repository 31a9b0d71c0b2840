/* guide — the "Copy" buttons of a paper's citation (BibTeX, RIS, CSL-JSON). The text stays selectable without JavaScript. */
(function () {
  "use strict";

  function selectText(el) {
    var range = document.createRange();
    range.selectNodeContents(el);
    var sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }

  document.querySelectorAll("button[data-copy-target]").forEach(function (button) {
    var target = document.getElementById(button.getAttribute("data-copy-target"));
    if (!target) return;
    var status = button.closest(".bibtex") && button.closest(".bibtex").querySelector(".copy-status");
    var label = button.textContent;
    var what = button.getAttribute("data-copy-label") || "BibTeX";
    var timer = 0;
    button.hidden = false;

    function done(message, state) {
      button.textContent = state === "copied" ? "Copied" : label;
      button.setAttribute("data-state", state);
      if (status) status.textContent = message;
      clearTimeout(timer);
      timer = setTimeout(function () {
        button.textContent = label;
        button.removeAttribute("data-state");
      }, 2000);
    }

    button.addEventListener("click", function () {
      var text = target.textContent;
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(function () {
          done(what + " copied to the clipboard.", "copied");
        }, function () {
          selectText(target);
          done("Copying failed. The " + what + " is selected: press Ctrl+C or ⌘C to copy it.", "failed");
        });
      } else {
        selectText(target);
        var ok = false;
        try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
        done(ok ? what + " copied to the clipboard." : "The " + what + " is selected: press Ctrl+C or ⌘C to copy it.", ok ? "copied" : "failed");
      }
    });
  });
})();
