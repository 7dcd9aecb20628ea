// The site's only script besides htmx. No inline scripts or handlers anywhere: the Content-Security-Policy
// allows scripts from this site only. Everything here is an enhancement; pages work without it.
(function () {
  "use strict";

  // The language menu submits itself when changed (a button is there for readers without scripts).
  function languageSwitch() {
    document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
      select.addEventListener("change", function () { select.form.submit(); });
    });
  }

  // Tabs: buttons with role="tab" in a role="tablist" show one panel each; arrow keys move between them.
  function tabs() {
    document.querySelectorAll("[role=tablist]").forEach(function (list) {
      var buttons = Array.prototype.slice.call(list.querySelectorAll("[role=tab]"));
      function select(button, focus) {
        buttons.forEach(function (other) {
          var selected = other === button;
          other.setAttribute("aria-selected", selected ? "true" : "false");
          other.tabIndex = selected ? 0 : -1;
          other.classList.toggle("active", selected);
          var panel = document.getElementById(other.getAttribute("aria-controls"));
          if (panel) { panel.classList.toggle("hidden", !selected); }
        });
        if (focus) { button.focus(); }
      }
      buttons.forEach(function (button, index) {
        button.addEventListener("click", function () { select(button, false); });
        button.addEventListener("keydown", function (event) {
          var step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
          if (step) {
            event.preventDefault();
            select(buttons[(index + step + buttons.length) % buttons.length], true);
          }
        });
      });
      var start = list.querySelector("[role=tab][aria-selected=true]") || buttons[0];
      if (start) { select(start, false); }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    languageSwitch();
    tabs();
  });
})();
