"""Rich text (HTML) as plain text, for the feeds' text: blocks keep their
line breaks and list items their bullets, so that words of two paragraphs never run together
("…pour Instagram.Vous travaillerez…", as `strip_tags` alone gives)."""

import html
import re

from django.utils.html import strip_tags

_BREAK = re.compile(r"<br\s*/?>", re.I)
_ITEM = re.compile(r"<li[^>]*>", re.I)
_ITEM_END = re.compile(r"</li\s*>", re.I)
_BLOCK_END = re.compile(r"</(p|div|h[1-6]|ul|ol|blockquote|figure|table|tr)\s*>", re.I)
_SPACES = re.compile(r"[ \t]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")


def from_html(value):
    """`value` (HTML, e.g. a RichTextField's contents) as plain text: paragraphs separated by a
    blank line, "• " before each list item, entities decoded, spaces tidied."""
    text = _BREAK.sub("\n", str(value or ""))
    text = _ITEM.sub("\n• ", text)
    text = _ITEM_END.sub("", text)
    text = _BLOCK_END.sub("\n\n", text)
    text = html.unescape(strip_tags(text))
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
