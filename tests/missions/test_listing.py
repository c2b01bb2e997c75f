"""The public mission list: filters in the URL, count, pagination, empty state, sort, query count."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from .factories import AssociationFactory, MissionFactory, bulk_missions

pytestmark = pytest.mark.django_db


def titles(response):
    return [mission.title for mission in response.context["missions"]]


def test_the_list_shows_published_open_missions(client, index_page):
    MissionFactory(title="Audit d'accessibilité")

    response = client.get("/missions/")

    assert response.status_code == 200
    assert titles(response) == ["Audit d'accessibilité"]
    assert "1 mission ouverte" in response.content.decode()


def test_drafts_are_never_listed(client, index_page):
    MissionFactory(title="Brouillon", live=False)

    assert titles(client.get("/missions/")) == []


def test_filled_closed_and_past_deadline_missions_are_not_listed(client, index_page):
    MissionFactory(title="Pourvue", status="pourvue")
    MissionFactory(title="Clôturée", status="cloturee")
    MissionFactory(title="Expirée", apply_before=timezone.localdate() - datetime.timedelta(days=1))
    MissionFactory(title="Dernier jour", apply_before=timezone.localdate())

    assert titles(client.get("/missions/")) == ["Dernier jour"]


def test_several_skills_keep_only_missions_having_all_of_them(client, index_page):
    MissionFactory(title="Collecte seule", skills=["collecte"])
    MissionFactory(title="Emailing seul", skills=["emailing"])
    MissionFactory(title="Collecte et emailing", skills=["collecte", "emailing", "analytics"])

    response = client.get("/missions/?competences=collecte&competences=emailing")

    assert titles(response) == ["Collecte et emailing"]


def test_format_filter(client, index_page):
    MissionFactory(title="À distance", format="a_distance")
    MissionFactory(title="Sur place", format="sur_place")

    assert titles(client.get("/missions/?format=sur_place")) == ["Sur place"]


def test_cause_filter_uses_the_association_cause(client, index_page):
    MissionFactory(title="Forêts", association=AssociationFactory(cause="environnement"))
    MissionFactory(title="Urgence", association=AssociationFactory(cause="humanitaire"))

    assert titles(client.get("/missions/?cause=environnement")) == ["Forêts"]


def test_free_text_search_looks_in_title_summary_and_association(client, index_page):
    MissionFactory(title="Vidéo de présentation")
    MissionFactory(title="Autre", association=AssociationFactory(name="Vidéastes solidaires"))
    MissionFactory(title="Sans rapport")

    assert set(titles(client.get("/missions/?q=vid"))) == {"Vidéo de présentation", "Autre"}


def test_filters_combine(client, index_page):
    MissionFactory(title="Bonne", format="sur_place", skills=["video"])
    MissionFactory(title="Mauvais format", format="a_distance", skills=["video"])
    MissionFactory(title="Mauvaise compétence", format="sur_place", skills=["referencement"])

    assert titles(client.get("/missions/?competences=video&format=sur_place")) == ["Bonne"]


def test_unknown_filter_values_are_ignored_rather_than_failing(client, index_page):
    MissionFactory(title="Visible")

    response = client.get("/missions/?competences=inconnue&format=fusee&tri=hasard&page=abc")

    assert response.status_code == 200
    assert titles(response) == ["Visible"]


def test_newest_first_by_default_and_by_deadline_on_request(client, index_page):
    now = timezone.now()
    today = timezone.localdate()
    MissionFactory(title="Ancienne, urgente", first_published_at=now - datetime.timedelta(days=5),
                   apply_before=today + datetime.timedelta(days=2))
    MissionFactory(title="Récente, lointaine", first_published_at=now,
                   apply_before=today + datetime.timedelta(days=60))

    assert titles(client.get("/missions/")) == ["Récente, lointaine", "Ancienne, urgente"]
    assert titles(client.get("/missions/?tri=echeance")) == ["Ancienne, urgente", "Récente, lointaine"]


def test_result_count_and_pagination_keep_the_filters(client, index_page):
    bulk_missions(15, skills=[])
    response = client.get("/missions/?format=a_distance")
    html = response.content.decode()

    assert response.context["result_count"] == 15
    assert len(response.context["missions"]) == 12
    assert "15 missions ouvertes" in html
    assert 'href="?format=a_distance&amp;page=2"' in html
    assert len(client.get("/missions/?format=a_distance&page=2").context["missions"]) == 3


def test_empty_state_when_no_mission_matches(client, index_page):
    MissionFactory(skills=["video"])

    html = client.get("/missions/?competences=search").content.decode()

    assert "Aucune mission ne correspond à ces filtres." in html
    assert "Voir toutes les missions ouvertes" in html


def test_empty_state_when_there_is_no_mission_at_all(client, index_page):
    html = client.get("/missions/").content.decode()

    assert "Aucune mission ouverte pour le moment." in html


def test_each_card_shows_association_skill_links_format_effort_and_deadline(client, index_page):
    MissionFactory(
        title="Carte", association=AssociationFactory(name="Les Abeilles"), skills=["video"],
        format="hybride", effort_hours=12, apply_before=datetime.date(2031, 3, 5),
    )

    response = client.get("/missions/")
    html = response.content.decode()

    assert "components/card.html" in [template.name for template in response.templates]
    assert '<article class="card mission-card">' in html
    assert "Les Abeilles" in html
    assert '<a class="tag" href="/missions/competences/video/">Vidéo</a>' in html
    assert "Hybride" in html
    assert "Environ 12 heures" in html
    assert "Candidater avant le 5 mars 2031" in html


def test_filter_form_keeps_the_chosen_values(client, index_page):
    html = client.get("/missions/?competences=video&q=site&format=hybride").content.decode()

    assert re.findall(r'name="competences" value="([^"]+)" id="[^"]+" checked', html) == ["video"]
    assert 'value="site"' in html
    assert '<option value="hybride" selected>' in html


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_list_query_count_is_the_same_with_10_and_1000_missions(client, index_page):
    url = "/missions/?competences=collecte&competences=emailing&tri=echeance"
    association = AssociationFactory()
    bulk_missions(10, association=association, skills=[*_skills("collecte", "emailing", "video")])
    client.get(url)  # warm caches (site root, content types)
    with_10 = count_queries(client, url)

    bulk_missions(990, association=association, skills=[*_skills("collecte", "emailing", "video")])
    with_1000 = count_queries(client, url)

    assert with_10 == with_1000
    # Site, page routing, menu and settings included; with the fragment cache on (production), the
    # skills in use and the filter counts are kept per content change and the list takes 9.
    assert with_1000 <= 17


def test_the_place_filter_adds_no_query(client, index_page):
    bulk_missions(10, skills=_skills("collecte"))
    client.get("/missions/?competences=collecte")

    without = count_queries(client, "/missions/?competences=collecte")

    assert count_queries(client, "/missions/?competences=collecte&lieu=75") == without
    assert count_queries(client, "/missions/?competences=collecte&lieu=Gironde") == without


def test_skill_page_query_count_does_not_grow_with_missions(client, index_page):
    bulk_missions(5, skills=_skills("video"))
    client.get("/missions/competences/video/")
    with_5 = count_queries(client, "/missions/competences/video/")
    bulk_missions(100, skills=_skills("video"))

    assert count_queries(client, "/missions/competences/video/") == with_5


def _skills(*slugs):
    from missions.models import Skill

    return list(Skill.objects.filter(slug__in=slugs))


def test_a_page_past_the_end_shows_the_last_page(client, index_page):
    bulk_missions(14)

    response = client.get("/missions/?page=99")

    assert response.context["page_obj"].number == 2
    assert len(response.context["missions"]) == 2


# --- time commitment, place, counts per option ----------------------------------------------

def test_time_commitment_filter_uses_the_estimated_effort(client, index_page):
    MissionFactory(title="Deux heures", effort_hours=2)
    MissionFactory(title="Dix heures", effort_hours=10)
    MissionFactory(title="Trois jours", effort_hours=20)
    MissionFactory(title="Des semaines", effort_hours=80)
    MissionFactory(title="Sans estimation", effort_hours=None)

    assert set(titles(client.get("/missions/?engagement=heures"))) == {"Deux heures", "Dix heures"}
    assert titles(client.get("/missions/?engagement=jours")) == ["Trois jours"]
    assert titles(client.get("/missions/?engagement=semaines")) == ["Des semaines"]
    assert len(titles(client.get("/missions/?engagement=toujours"))) == 5  # unknown value ignored


def test_place_filter_finds_a_town_or_a_department_and_keeps_remote_missions(client, index_page):
    MissionFactory(title="Lyon", format="sur_place", location="Lyon (69)")
    MissionFactory(title="Villeurbanne", format="hybride", location="69100 Villeurbanne")
    MissionFactory(title="Brest", format="sur_place", location="Brest")
    MissionFactory(title="Rue 169", format="sur_place", location="169 rue de Paris, Brest")
    MissionFactory(title="À distance", format="a_distance", location="")

    assert set(titles(client.get("/missions/?lieu=lyon"))) == {"Lyon", "À distance"}
    assert set(titles(client.get("/missions/?lieu=69"))) == {"Lyon", "Villeurbanne", "À distance"}
    assert set(titles(client.get("/missions/?lieu=Brest&format=sur_place"))) == {"Brest", "Rue 169"}


@pytest.fixture
def towns(index_page):
    """On-site missions typed as bare town names, and one remote mission."""
    for title, location in [("Paris", "Paris"), ("Paris 20e", "Paris 20e"), ("Lyon", "Lyon"),
                            ("Rennes", "Rennes"), ("Ajaccio", "Ajaccio"), ("Bastia", "Bastia"),
                            ("Bordeaux", "Bordeaux"), ("Saint-Étienne", "Saint-Étienne"),
                            ("Rue de Paris", "169 rue de Paris, Brest")]:
        MissionFactory(title=title, format="sur_place", location=location)
    MissionFactory(title="Rennes hybride", format="hybride", location="Rennes")
    MissionFactory(title="À distance", format="a_distance", location="")


def test_a_department_number_finds_its_prefecture_typed_as_a_bare_town_name(client, towns):
    assert set(titles(client.get("/missions/?lieu=75"))) == {"Paris", "Paris 20e", "À distance"}
    assert set(titles(client.get("/missions/?lieu=69"))) == {"Lyon", "À distance"}
    assert titles(client.get("/missions/?lieu=35&format=hybride")) == ["Rennes hybride"]


def test_corsica_is_2a_and_2b_whatever_the_case(client, towns):
    assert set(titles(client.get("/missions/?lieu=2A&format=sur_place"))) == {"Ajaccio"}
    assert set(titles(client.get("/missions/?lieu=2b&format=sur_place"))) == {"Bastia"}


def test_a_department_name_finds_its_prefecture_accents_and_case_ignored(client, towns):
    assert titles(client.get("/missions/?lieu=Gironde&format=sur_place")) == ["Bordeaux"]
    assert set(titles(client.get("/missions/?lieu=ille et vilaine"))) == {"Rennes", "Rennes hybride", "À distance"}
    assert titles(client.get("/missions/?lieu=Rhone&format=sur_place")) == ["Lyon"]
    assert titles(client.get("/missions/?lieu=42&format=sur_place")) == ["Saint-Étienne"]


def test_a_town_finds_itself_accents_and_case_ignored(client, towns):
    assert set(titles(client.get("/missions/?lieu=Rennes"))) == {"Rennes", "Rennes hybride", "À distance"}
    assert titles(client.get("/missions/?lieu=saint etienne&format=sur_place")) == ["Saint-Étienne"]
    # A town typed is looked for anywhere in the location, a street name included (as before);
    # a department number finds its préfecture only where it stands as the place.
    assert set(titles(client.get("/missions/?lieu=Paris&format=sur_place"))) == {"Paris", "Paris 20e", "Rue de Paris"}
    assert "Rue de Paris" not in titles(client.get("/missions/?lieu=75"))


def test_la_reunion_finds_its_own_saint_denis_not_the_one_near_paris(client, index_page):
    for title, location in [("Saint-Denis 93", "Saint-Denis"), ("Saint-Denis 93 code", "93200 Saint-Denis"),
                            ("Réunion code", "97400 Saint-Denis"), ("Réunion nom", "Saint-Denis (Réunion)"),
                            ("Réunion long", "Saint-Pierre, La Réunion")]:
        MissionFactory(title=title, format="sur_place", location=location)

    expected = {"Réunion code", "Réunion nom", "Réunion long"}
    assert set(titles(client.get("/missions/?lieu=974&format=sur_place"))) == expected
    assert set(titles(client.get("/missions/?lieu=La Réunion&format=sur_place"))) == expected
    assert set(titles(client.get("/missions/?lieu=93&format=sur_place"))) == {"Saint-Denis 93 code"}
    assert set(titles(client.get("/missions/?lieu=Saint-Denis&format=sur_place"))) == {
        "Saint-Denis 93", "Saint-Denis 93 code", "Réunion code", "Réunion nom"}


def test_the_departments_table_has_the_101_departments():
    from missions.places import DEPARTMENTS

    numbers = [number for number, _name, _prefecture in DEPARTMENTS]
    assert len(set(numbers)) == 101
    assert {"2A", "2B", "971", "972", "973", "974", "976"} <= set(numbers)
    assert ("75", "Paris", "Paris") in DEPARTMENTS


def test_each_filter_option_shows_how_many_missions_it_would_list(client, index_page):
    MissionFactory(format="a_distance", effort_hours=4, skills=["video", "collecte"],
                   association=AssociationFactory(cause="environnement"))
    MissionFactory(format="a_distance", effort_hours=30, skills=["video"])
    MissionFactory(format="sur_place", effort_hours=30, skills=["collecte"])

    html = client.get("/missions/?competences=video").content.decode()

    # Skills combine (AND): "Collecte" would leave 1 of the 2 video missions.
    assert re.search(r'value="video"[^>]*checked[^>]*> Vidéo \(2\)', html)
    assert re.search(r'value="collecte"[^>]*> Collecte[^<(]*\(1\)', html)
    # Single-choice filters count among the video missions, their own choice left out.
    assert '<option value="a_distance">À distance (2)</option>' in html
    assert '<option value="sur_place">Sur place (0)</option>' in html
    assert '<option value="environnement">Environnement (1)</option>' in html
    assert '<option value="heures">Quelques heures (1)</option>' in html
    assert '<option value="jours">Quelques jours (1)</option>' in html

    html = client.get("/missions/?competences=video&format=sur_place").content.decode()
    assert '<option value="a_distance">À distance (2)</option>' in html  # choosing replaces
    assert '<option value="sur_place" selected>Sur place (0)</option>' in html


def test_filter_counts_take_the_same_number_of_queries_whatever_the_options(client, index_page):
    from missions.models import Mission, Skill

    MissionFactory(skills=["video"])
    filters = {"skills": [], "format": "", "cause": "", "commitment": "", "place": "", "q": ""}
    with CaptureQueriesContext(connection) as few:
        Mission.objects.open().facet_counts(**filters)
    for n in range(30):
        Skill.objects.create(name=f"Compétence {n}", slug=f"competence-{n}")
        MissionFactory(skills=[f"competence-{n}"], format="hybride", effort_hours=n * 3)
    with CaptureQueriesContext(connection) as many:
        counts = Mission.objects.open().facet_counts(**filters)

    assert len(few) == len(many) == 2
    assert sum(counts["skills"].values()) == 31


def test_filter_counts_are_kept_per_filters_until_the_content_changes(client, index_page, settings,
                                                                       django_capture_on_commit_callbacks):
    settings.FRAGMENT_CACHE_SECONDS = 300
    with django_capture_on_commit_callbacks(execute=True):
        MissionFactory(format="a_distance", skills=["video"])

    def counted(url):
        with CaptureQueriesContext(connection) as queries:
            html = client.get(url).content.decode()
        return html, sum("GROUP BY" in query["sql"] for query in queries)

    first, grouped_first = counted("/missions/")
    again, grouped_again = counted("/missions/")
    video, grouped_video = counted("/missions/?competences=video&format=sur_place")
    with django_capture_on_commit_callbacks(execute=True):  # a content change
        MissionFactory(format="a_distance", skills=["video"])
    after, _grouped = counted("/missions/")

    assert (grouped_first, grouped_again, grouped_video) == (2, 0, 2)
    assert '<option value="a_distance">À distance (1)</option>' in first and '>À distance (1)<' in again
    assert '<option value="a_distance">À distance (1)</option>' in video  # its own counts
    assert '<option value="a_distance">À distance (2)</option>' in after


def test_past_the_count_cap_the_list_says_more_than_and_goes_on_page_after_page(client, index_page, settings):
    from webassoc import pagination

    settings.DEBUG = False
    bulk_missions(40)
    original = pagination.COUNT_CAP
    pagination.page_of_ids.__defaults__ = (25,)  # a cap of 25 rather than 1,000
    try:
        first = client.get("/missions/")
        third = client.get("/missions/?page=3")
        last = client.get("/missions/?page=4")
        past = client.get("/missions/?page=99")
    finally:
        pagination.page_of_ids.__defaults__ = (original,)

    assert first.context["page_obj"].count_is_lower_bound
    assert "Plus de 25 missions ouvertes" in first.content.decode()
    assert "Page 1</p>" in first.content.decode()  # not "Page 1 sur 3": the last page is unknown
    assert first.context["page_obj"].has_next()
    assert len(third.context["missions"]) == 12 and third.context["page_obj"].number == 3
    assert third.context["page_obj"].has_next()
    # The last page knows the exact total again.
    assert last.context["page_obj"].paginator.count == 40
    assert not last.context["page_obj"].count_is_lower_bound
    assert [m.title for m in last.context["missions"]] == [f"Mission en nombre {n}" for n in (36, 37, 38, 39)]
    assert past.context["page_obj"].number == 4


def test_the_count_is_exact_under_the_cap(client, index_page):
    bulk_missions(30)

    response = client.get("/missions/?page=2")

    assert response.context["page_obj"].paginator.count == 30
    assert not response.context["page_obj"].count_is_lower_bound
    assert "Page 2 sur 3" in response.content.decode()


def test_pages_follow_each_other_without_gap_nor_repeat_in_both_sort_orders(client, index_page):
    today = timezone.localdate()
    bulk_missions(10)
    bulk_missions(10, apply_before=today + datetime.timedelta(days=3))
    bulk_missions(10, apply_before=today + datetime.timedelta(days=1))

    pages = {}
    for sort in ("recentes", "echeance"):
        pages[sort] = [title for n in (1, 2, 3) for title in titles(client.get(f"/missions/?tri={sort}&page={n}"))]
        assert len(pages[sort]) == len(set(pages[sort])) == 30, sort

    def numbers(titles):
        return [int(title.rsplit(" ", 1)[1]) for title in titles]

    # Soonest deadline first, the missions without a deadline last; the latest created first among equals.
    assert numbers(pages["echeance"]) == [*range(29, 19, -1), *range(19, 9, -1), *range(9, -1, -1)]
    # bulk_missions publishes its n-th mission n minutes before the call: the batches interleave.
    assert numbers(pages["recentes"]) == [batch * 10 + n for n in range(10) for batch in (2, 1, 0)]


def test_the_list_walks_an_index_in_its_sort_order(index_page):
    """The page query must not sort every matching row: the database walks the sort's index."""
    from missions.enums import MissionSort
    from missions.models import Mission

    bulk_missions(300)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # the statistics PostgreSQL's autovacuum keeps
    for sort in (MissionSort.NEWEST, MissionSort.DEADLINE):
        queryset = Mission.objects.open().matching(sort=sort).values_list("pk")[:13]
        plan = queryset.explain()
        if connection.vendor == "sqlite":
            assert "USE TEMP B-TREE FOR ORDER BY" not in plan, plan
            assert ("mission_newest_first" if sort == MissionSort.NEWEST else "mission_by_deadline") in plan, plan


def test_a_listing_that_can_match_nothing_is_an_empty_first_page(index_page):
    from missions.models import Mission

    bulk_missions(3)
    page = Mission.objects.none().page(4, 12)

    assert list(page.object_list) == []
    assert page.number == 1 and page.paginator.count == 0
