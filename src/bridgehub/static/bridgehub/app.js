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

  // Shows the tab panel that holds an element (an error's field), selecting its tab.
  function revealPanelOf(element) {
    var panel = element && element.closest("[role=tabpanel]");
    if (!panel) { return; }
    var tab = document.querySelector("[role=tab][aria-controls='" + panel.id + "']");
    if (tab) { tab.click(); }
  }

  // The error summary gets focus (screen readers announce it); its links open the tab of their field.
  function errorSummary() {
    var summary = document.querySelector("[data-error-summary]");
    if (!summary) { return; }
    summary.focus();
    summary.querySelectorAll("a[href^='#']").forEach(function (link) {
      link.addEventListener("click", function (event) {
        var field = document.getElementById(link.getAttribute("href").slice(1));
        if (!field) { return; }
        event.preventDefault();
        revealPanelOf(field);
        field.focus();
      });
    });
  }

  // A time-zone select suggests the browser's zone: preselected on a new form, offered on a saved one.
  function suggestZone() {
    var zone;
    try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (error) { return; }
    document.querySelectorAll("select[data-suggest-zone]").forEach(function (select) {
      var option = select.querySelector("option[value='" + zone + "']");
      if (!option || select.value === zone) { return; }
      if (select.getAttribute("data-suggest-zone") === "preselect") { select.value = zone; return; }
      var hint = document.createElement("button");
      hint.type = "button";
      hint.className = "link zone-suggestion";
      hint.textContent = (select.getAttribute("data-suggest-label") || "Use") + " " + option.textContent;
      hint.addEventListener("click", function () { select.value = zone; hint.remove(); });
      select.insertAdjacentElement("afterend", hint);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    languageSwitch();
    tabs();
    errorSummary();
    suggestZone();
  });
})();
