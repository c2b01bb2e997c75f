"""Moving around a page with the keyboard only, as the browser tests' people do."""

FOCUSED = """(() => { const el = document.activeElement;
  const label = el.labels && el.labels[0] ? el.labels[0].textContent : '';
  return {id: el.id, tag: el.tagName, text: (el.textContent || '').trim(),
          name: (label || el.textContent || el.value || '').trim()}; })()"""


def focused(page):
    """The focused element: id, tag, text, and name (its label's text for a form field)."""
    return page.evaluate(FOCUSED)


def tab_to(page, *, selector=None, text=None, name_starts=None, limit=80):
    """Press Tab until the focused element matches `selector`, has exactly `text`, or has a
    name (label or text) starting with `name_starts`. Fails if it is never reached."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if selector is not None:
            if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
                return
            continue
        element = focused(page)
        if (text is not None and element["text"] == text) or (
            name_starts is not None and element["name"].startswith(name_starts)
        ):
            return
    raise AssertionError(f"« {selector or text or name_starts} » n'est jamais atteint avec Tab")
