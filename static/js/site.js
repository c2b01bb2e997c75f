// Progressive enhancements only: every page works without JavaScript.
(function () {
  "use strict";

  // The header's "Menu" disclosure (<details>): always open on wide screens (older browsers lack
  // ::details-content), closed by Escape or a click elsewhere on narrow ones.
  function siteMenu() {
    var menu = document.querySelector("[data-site-menu]");
    if (!menu || !window.matchMedia) {
      return;
    }
    var wide = window.matchMedia("(min-width: 76rem)");
    function follow() {
      menu.open = wide.matches;
    }
    follow();
    if (wide.addEventListener) {
      wide.addEventListener("change", follow);
    }
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && menu.open && !wide.matches) {
        menu.open = false;
        menu.querySelector("summary").focus();
      }
    });
    document.addEventListener("click", function (event) {
      if (menu.open && !wide.matches && !menu.contains(event.target)) {
        menu.open = false;
      }
    });
  }
  siteMenu();

  // A form sent back with errors: move focus to the summary so it is announced.
  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.querySelector("[data-error-summary]");
    if (summary) {
      summary.focus();
    }

    // Links in the summary: focus the field itself, not only scroll to it.
    document.querySelectorAll(".error-summary a[href^='#']").forEach(function (link) {
      link.addEventListener("click", function (event) {
        var container = document.getElementById(link.getAttribute("href").slice(1));
        if (!container) {
          return;
        }
        var field = container.querySelector("input:not([type=hidden]), select, textarea");
        if (field) {
          event.preventDefault();
          container.scrollIntoView({ block: "center" });
          field.focus();
        }
      });
    });

    // Buttons that copy a URL to the clipboard (share blocks).
    document.querySelectorAll("[data-copy-url]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        var status = document.getElementById(button.getAttribute("aria-describedby") || "");
        navigator.clipboard.writeText(button.getAttribute("data-copy-url")).then(function () {
          if (status) {
            status.textContent = button.getAttribute("data-copied-text") || "Lien copié";
          }
        });
      });
    });
  });
})();
