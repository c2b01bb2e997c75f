"""The site addresses people without gender placeholders: neither in parentheses ("intéressé(e)",
"inscrit(e)s", "un(e)") nor with a middle dot ("prévenu·e", which screen readers spell out). A
sentence is reworded instead ("Ce n’est plus d’actualité ?", "une personne bénévole", "Me
prévenir"), or both forms are written ("coordinateur ou coordinatrice").

Wagtail's own messages are not the project's: its generic "un(e)" is reworded in
locale/fr/LC_MESSAGES/django.po, and the admin tests check those (tests/webassoc/test_french_admin.py).
"""

import re

from scripts.french_strings import BASE_DIR, python_files, template_files

# A word followed by a feminine ending in parentheses: intéressé(e), inscrit(e)s, un(e), Ce(tte), acteur(trice).
GENDER_PLACEHOLDER = re.compile(r"\w\((?:e|es|le|ne|se|ve|tte|rice|trice|euse)\)s?", re.IGNORECASE)


def placeholders(paths):
    found = []
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
            found += [f"{path.relative_to(BASE_DIR)}:{number}: {match.group()}"
                      for match in GENDER_PLACEHOLDER.finditer(line)]
    return found


def test_emails_address_people_without_gender_placeholders():
    emails = [path for path in template_files() if "emails" in path.relative_to(BASE_DIR).parts]

    assert len(emails) > 30
    assert placeholders(emails) == []


def test_no_template_nor_python_string_of_the_project_has_a_gender_placeholder():
    assert placeholders(template_files()) == []
    assert placeholders(python_files()) == []


# A word followed by a plural ending in parentheses: "rappel(s) envoyé(s)". Counts use ngettext instead.
PLURAL_PLACEHOLDER = re.compile(r"[^\W\d_]\(s\)")


def test_no_template_nor_python_string_of_the_project_writes_a_plural_in_parentheses():
    found = [f"{path.relative_to(BASE_DIR)}:{number}"
             for path in [*template_files(), *python_files()]
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
             if PLURAL_PLACEHOLDER.search(line)]

    assert found == []


# A middle dot inside a word: prévenu·e, Un·e, affiché·es (a dot between spaced words is a separator).
MIDDLE_DOT_FORM = re.compile(r"[^\W\d_]·[^\W\d_]")


def test_no_template_nor_python_string_of_the_project_uses_a_middle_dot_form():
    found = [f"{path.relative_to(BASE_DIR)}:{number}"
             for path in [*template_files(), *python_files()]
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
             if MIDDLE_DOT_FORM.search(line)]

    assert found == []
    assert MIDDLE_DOT_FORM.findall("prévenu·e, Un·e, a · b") == ["u·e", "n·e"]


def test_the_pattern_finds_placeholders_and_leaves_plurals_and_middle_dots():
    assert GENDER_PLACEHOLDER.findall("Vous n’êtes plus intéressé(e) ? Un(e) bénévole, inscrit(e)s") == [
        "é(e)", "n(e)", "t(e)s"]
    assert GENDER_PLACEHOLDER.findall("2 rappel(s) envoyé(s), prévenu·e, f(x)") == []
