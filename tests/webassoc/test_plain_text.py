"""Rich text read as plain text (feeds, structured data): words of two blocks never run together."""

from webassoc.plain_text import from_html


def test_paragraphs_are_separated_by_a_blank_line_and_line_breaks_kept():
    assert from_html("<p>Pour Instagram.</p><p>Fin<br/>ligne</p>") == "Pour Instagram.\n\nFin\nligne"


def test_list_items_get_a_bullet_each():
    assert from_html("<p>Il faut :</p><ul><li>un</li><li>deux</li></ul>") == "Il faut :\n\n• un\n• deux"


def test_entities_are_decoded_and_non_breaking_spaces_kept():
    assert from_html("<p>L&#x27;aide&nbsp;: «&nbsp;oui&nbsp;» &amp; plus</p>") == "L'aide\u00a0: «\u00a0oui\u00a0» & plus"


def test_nothing_gives_an_empty_text():
    assert from_html(None) == "" and from_html("") == ""
