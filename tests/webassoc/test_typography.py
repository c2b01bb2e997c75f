"""The site's one French typography filter (`typo_fr`): text changes, markup, addresses and code never do."""

import datetime

import pytest
from django.template import Context, Template
from django.utils.safestring import SafeData, mark_safe
from wagtail.rich_text import RichText

from webassoc.typography import after_colon, french_date, french_html, typo_fr

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("Et vous ?", f"Et vous{NBSP}?"),
        ("Bravo !", f"Bravo{NBSP}!"),
        ("Deux choses : une ; deux", f"Deux choses{NBSP}: une{NBSP}; deux"),
        ("« Manifeste des 1000 »", f"«{NBSP}Manifeste des 1000{NBSP}»"),
        ("«sans espaces»", f"«{NBSP}sans espaces{NBSP}»"),
        ("l'équipe d'aujourd'hui", "l\u2019équipe d\u2019aujourd\u2019hui"),
        ("10 % des dons, 0 €", f"10{NBSP}% des dons, 0{NBSP}€"),
        ("Rendez-vous à 10:30", "Rendez-vous à 10:30"),
        ("1 400 bénévoles, 2 000 000 de visites", f"1{NBSP}400 bénévoles, 2{NBSP}000{NBSP}000 de visites"),
        ("environ 9 h, 3 hommes", f"environ 9{NBSP}h, 3 hommes"),
        ("Appelez le 01 23 45 67 89 en 2026 2027", "Appelez le 01 23 45 67 89 en 2026 2027"),
        ("Titre\n  :\n suite", f"Titre{NBSP}:\n suite"),
    ],
)
def test_french_rules_apply_to_plain_text(typed, shown):
    assert typo_fr(typed) == shown


def test_plain_text_is_escaped_and_marked_safe():
    rendered = typo_fr("<b>Oui</b> ! C'est \"ça\"")

    assert rendered == f"&lt;b&gt;Oui&lt;/b&gt;{NBSP}! C\u2019est &quot;ça&quot;"
    assert isinstance(rendered, SafeData)


def test_web_and_email_addresses_are_left_as_typed():
    text = "Écrivez à jean-o'neil@asso.example ou voyez https://exemple.org/a?b=c&d=e ; www.test.fr/x:y !"

    assert typo_fr(text) == (
        "Écrivez à jean-o&#x27;neil@asso.example ou voyez https://exemple.org/a?b=c&amp;d=e"
        f"{NBSP}; www.test.fr/x:y{NBSP}!"
    )


def test_tags_and_attributes_never_change():
    html = (
        '<a href="https://exemple.org/?q=l\'eau ; ok" title="Qu\'est-ce ? Rien !" data-x="« a »">'
        "l'eau ?</a><img alt=\"Vue d'ensemble : la mer\" src=\"/m/a b.png\">"
    )

    assert french_html(html) == (
        '<a href="https://exemple.org/?q=l\'eau ; ok" title="Qu\'est-ce ? Rien !" data-x="« a »">'
        f"l\u2019eau{NBSP}?</a><img alt=\"Vue d'ensemble : la mer\" src=\"/m/a b.png\">"
    )


def test_code_preformatted_text_scripts_and_form_values_are_left_alone():
    html = (
        "<p>Tapez <code>a ? b : c; d'x</code> puis <kbd>Ctrl !</kbd> :</p>"
        "<pre>if (x) { y ; }\n<span>l'a ?</span></pre>"
        '<script type="application/ld+json">{"name": "L\'eau ?"}</script>'
        "<textarea name=m>Mon message ? l'été</textarea><!-- l'avis ? -->"
        "<p>Fin ?</p>"
    )

    assert french_html(html) == (
        f"<p>Tapez <code>a ? b : c; d'x</code> puis <kbd>Ctrl !</kbd>{NBSP}:</p>"
        "<pre>if (x) { y ; }\n<span>l'a ?</span></pre>"
        '<script type="application/ld+json">{"name": "L\'eau ?"}</script>'
        "<textarea name=m>Mon message ? l'été</textarea><!-- l'avis ? -->"
        f"<p>Fin{NBSP}?</p>"
    )


def test_text_split_by_inline_tags_keeps_its_punctuation_attached():
    assert french_html("<p>Vraiment <strong>gratuit</strong> ?</p>") == f"<p>Vraiment <strong>gratuit</strong>{NBSP}?</p>"


def test_entities_escaped_by_django_are_handled():
    assert french_html("L&#x27;association &amp; ses bénévoles&nbsp;: «&nbsp;oui&nbsp;»") == (
        f"L\u2019association &amp; ses bénévoles{NBSP}: «{NBSP}oui{NBSP}»"
    )


def test_applying_it_twice_changes_nothing_more():
    once = typo_fr("« L'équipe » répond : oui ! Voir https://a.example/?x=1 ; 5 %")

    assert typo_fr(once) == once


def test_rich_text_values_are_treated_as_html():
    value = RichText('<p>Qu\'en pensez-vous ? <a href="https://x.example/?a=1">lien</a></p>')

    assert str(typo_fr(value)) == f'<p>Qu\u2019en pensez-vous{NBSP}? <a href="https://x.example/?a=1">lien</a></p>'


def test_the_filter_is_available_to_templates():
    template = Template("{% load site_tags %}{{ title|typo_fr }} {{ body|typo_fr }}")

    rendered = template.render(Context({"title": "Qui sommes-nous ?", "body": mark_safe("<em>l'aide</em> !")}))

    assert rendered == f"Qui sommes-nous{NBSP}? <em>l\u2019aide</em>{NBSP}!"


def test_moments_read_the_french_way_in_local_time_in_templates():
    import datetime

    from django.utils import timezone

    summer_morning = datetime.datetime(2026, 7, 14, 7, 30, tzinfo=datetime.UTC)  # 9 h 30 in Paris
    winter_evening = datetime.datetime(2026, 12, 1, 17, 0, tzinfo=datetime.UTC)  # 18 h in Paris
    html = Template(
        "{% load site_tags %}{{ a|french_datetime }}|{{ b|french_datetime:'d/m/Y' }}|"
        "{{ b|french_time }}|{{ none|french_datetime }}"
    ).render(Context({"a": summer_morning, "b": winter_evening, "none": None}))

    assert html == "14 juillet 2026 à 9\u00a0h\u00a030|01/12/2026 à 18\u00a0h|18\u00a0h|"
    assert timezone.is_aware(summer_morning)  # the filter converts, the value is untouched


@pytest.mark.parametrize(("name", "after_de"), [
    ("Les Pousses Solidaires", "des Pousses Solidaires"),
    ("Le Secours des Collines", "du Secours des Collines"),
    ("Eau Claire International", "d’Eau Claire International"),
    ("Alice Moreau", "d’Alice Moreau"),
    ("Écoute et Partage", "d’Écoute et Partage"),
    ("La Ruche", "de La Ruche"),
    ("L’Atelier", "de L’Atelier"),
    ("Habitat Solidaire", "de Habitat Solidaire"),
    ("Camille", "de Camille"),
    ("Les", "de Les"),  # a name, not an article
])
def test_a_name_after_de_contracts_and_elides_as_french_does(name, after_de):
    from webassoc.typography import with_de

    assert with_de(name) == after_de


@pytest.mark.django_db
def test_the_association_is_introduced_with_the_right_article_on_the_mission_page(client):
    from tests.missions.factories import AssociationFactory, MissionFactory, MissionIndexPageFactory

    MissionIndexPageFactory()
    mission = MissionFactory(association=AssociationFactory(name="Les Pousses Solidaires", website="https://p.example"))

    html = client.get(f"/missions/{mission.slug}/").content.decode()

    assert "À propos des Pousses Solidaires" in html and "Site web des Pousses Solidaires" in html
    assert "de Les" not in html


@pytest.mark.parametrize(
    "message, shown",
    [
        ("Vous avez déjà candidaté.", "vous avez déjà candidaté."),
        ("À renseigner pour une mission sur place.", "à renseigner pour une mission sur place."),
        ("URL invalide.", "URL invalide."),
        ("", ""),
    ],
)
def test_a_message_after_a_colon_starts_with_a_small_letter_unless_an_acronym(message, shown):
    assert after_colon(message) == shown


def test_a_safe_message_stays_safe_after_a_colon():
    assert isinstance(after_colon(mark_safe("Voir <a href='/'>le lien</a>.")), SafeData)


@pytest.mark.parametrize(
    "day, date_format, shown",
    [
        (datetime.date(2027, 1, 1), "j F Y", "1er janvier 2027"),
        (datetime.date(2027, 2, 1), "l j F Y", "lundi 1er février 2027"),
        (datetime.date(2027, 1, 11), "j F Y", "11 janvier 2027"),
        (datetime.date(2027, 1, 21), "j F Y", "21 janvier 2027"),
        (datetime.date(2027, 1, 1), "d/m/Y", "01/01/2027"),
    ],
)
def test_the_first_of_a_month_is_written_1er(day, date_format, shown):
    assert french_date(day, date_format) == shown


@pytest.mark.django_db
def test_a_mission_card_says_apply_before_the_1er(client):
    from tests.missions.factories import MissionFactory, MissionIndexPageFactory

    MissionIndexPageFactory()
    today = datetime.date.today()
    first = datetime.date(today.year + 1, 1, 1)
    MissionFactory(slug="audit", apply_before=first)

    html = client.get("/missions/").content.decode()

    assert f"Candidater avant le 1er janvier {first.year}" in html
    assert f"1er janvier {first.year}" in client.get("/missions/audit/").content.decode()
