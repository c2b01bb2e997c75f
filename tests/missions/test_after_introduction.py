"""After the introduction: check-ins with signed links, follow-up cases ("Suivis") and the
dashboard panel, outcomes and one feedback per side, the association's request status emails."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from missions import services, tokens
from missions.models import Checkin, Feedback, FollowUpCase, MissionRequest
from tests.factories import SuperUserFactory
from webassoc.signed_links import LinkInvalid

from .factories import ApplicationFactory, MissionFactory, MissionRequestFactory

pytestmark = pytest.mark.django_db


def link(body, path):
    return re.search(rf"https?://[^/\s]+({re.escape(path)}\?jeton=\S+)", body).group(1)


@pytest.fixture
def introduced(index_page):
    mission = MissionFactory(title="Refonte du site", contact_email="asso@example.org")
    application = ApplicationFactory(mission=mission, email="vol@example.org", name="Camille")
    application = services.introduce(application)
    mail.outbox.clear()
    return application


def test_both_sides_get_the_check_in_after_14_days_once(introduced):
    matched = introduced.matched_at

    assert services.send_checkins(now=matched + timedelta(days=13)) == 0
    assert services.send_checkins(now=matched + timedelta(days=14, minutes=1)) == 1
    assert services.send_checkins(now=matched + timedelta(days=20)) == 0

    assert sorted(m.to[0] for m in mail.outbox) == ["asso@example.org", "vol@example.org"]
    for message in mail.outbox:
        assert message.subject.startswith("Tout se passe bien\u00a0?")
        assert link(message.body, "/mises-en-relation/tout-va-bien/")
        assert link(message.body, "/mises-en-relation/besoin-d-aide/")
        assert "vol@example.org" not in link(message.body, "/mises-en-relation/besoin-d-aide/")
    assert Checkin.objects.filter(application=introduced).count() == 2


def checkin_email(to):
    return next(m for m in mail.outbox if m.to == [to])


def test_tout_va_bien_asks_for_a_click_then_records_once(client, introduced):
    services.send_checkins(now=introduced.matched_at + timedelta(days=15))
    path = link(checkin_email("vol@example.org").body, "/mises-en-relation/tout-va-bien/")

    assert "Oui, tout va bien" in client.get(path).content.decode()
    assert not Checkin.objects.filter(answer="ok").exists()  # GET records nothing (mail scanners)
    assert "c’est noté" in client.post(path).content.decode()
    again = client.post(path).content.decode()

    checkin = Checkin.objects.get(application=introduced, side="benevole")
    assert checkin.answer == "ok" and checkin.answered_at is not None
    assert "déjà enregistrée" in again


def test_besoin_d_aide_opens_a_case_emails_the_team_and_never_the_other_side(client, introduced):
    services.send_checkins(now=introduced.matched_at + timedelta(days=15))
    path = link(checkin_email("asso@example.org").body, "/mises-en-relation/besoin-d-aide/")
    mail.outbox.clear()

    form = client.get(path).content.decode()
    response = client.post(path, {"description": "Le bénévole ne répond plus.", "urgency": "haute"}, follow=True)

    case = FollowUpCase.objects.get()
    assert 'name="description"' in form
    assert (case.side, case.urgency, case.status) == ("association", "haute", "ouvert")
    assert [m.to for m in mail.outbox] == [["equipe@webassoc.localhost"]]
    assert "Le bénévole ne répond plus." in mail.outbox[0].body
    html = response.content.decode()
    assert "l’équipe a bien reçu votre message" in html and 'name="description"' not in html


def test_a_help_link_used_twice_answers_politely_and_opens_one_case(client, introduced):
    services.send_checkins(now=introduced.matched_at + timedelta(days=15))
    path = link(checkin_email("vol@example.org").body, "/mises-en-relation/besoin-d-aide/")
    client.post(path, {"description": "Besoin d'un avis.", "urgency": "faible"}, follow=True)

    again = client.get(path).content.decode()
    client.post(path, {"description": "Encore.", "urgency": "faible"})

    assert "déjà transmise" in again
    assert FollowUpCase.objects.count() == 1


def test_the_help_form_is_rate_limited(client, introduced, settings):
    settings.RATELIMIT_ENABLED = True
    path = f"/mises-en-relation/besoin-d-aide/?jeton={tokens.make(tokens.CHECKIN, introduced, 'benevole')}"

    # Valid posts count (a form sent back with an error would not: webassoc.forms.accept).
    statuses = [client.post(path, {"description": "Besoin d’un avis.", "urgency": "faible"}).status_code
                for _ in range(11)]

    assert statuses[-1] == 429


def test_a_check_in_token_speaks_for_one_side_only(introduced):
    token = tokens.make(tokens.CHECKIN, introduced, "benevole")

    with pytest.raises(LinkInvalid):
        tokens.read(tokens.CHECKIN, token.replace(".benevole", ".association", 1))
    with pytest.raises(LinkInvalid):
        tokens.read(tokens.FOLLOW, token)


def test_open_cases_show_on_the_dashboard_most_urgent_first(client, introduced):
    services.open_case(introduced, side="benevole", description="Pas urgent", urgency="faible")
    services.open_case(introduced, side="association", description="Urgent", urgency="haute")
    client.force_login(SuperUserFactory())

    html = client.get("/admin/").content.decode()

    assert "Suivis ouverts après une mise en relation" in html
    assert html.index("Urgent</td>") < html.index("Pas urgent</td>")


def test_the_dashboard_panel_runs_a_constant_number_of_queries(client, index_page):
    from missions.admin_panels import OpenCasesPanel

    def count(cases):
        for _ in range(cases):
            application = services.introduce(ApplicationFactory())
            services.open_case(application, side="benevole", description="…")
        with CaptureQueriesContext(connection) as queries:
            OpenCasesPanel().get_context_data({})
        return len(queries)

    assert count(2) == count(15)


def test_a_case_moves_to_in_progress_then_resolved_with_an_internal_note(client, introduced):
    case = services.open_case(introduced, side="benevole", description="Aide")
    client.force_login(SuperUserFactory())

    client.post(f"/admin/suivis/edit/{case.pk}/", {"status": "en_cours", "note": "Appelé le bénévole"})
    case.refresh_from_db()
    assert (case.status, case.note, case.resolved_at) == ("en_cours", "Appelé le bénévole", None)
    client.post(f"/admin/suivis/edit/{case.pk}/", {"status": "resolu", "note": "Réglé"})
    case.refresh_from_db()
    assert case.status == "resolu" and case.resolved_at is not None
    assert "Aide" in client.get("/admin/suivis/").content.decode()


# --- outcome and feedback -----------------------------------------------------------------------

def test_recording_the_outcome_asks_both_sides_for_feedback_once(introduced):
    services.record_outcome(introduced, outcome="realisee", reason="Site en ligne")
    services.record_outcome(introduced, outcome="partielle", reason="Correction")

    introduced.refresh_from_db()
    assert (introduced.outcome, introduced.outcome_reason) == ("partielle", "Correction")
    assert sorted(m.to[0] for m in mail.outbox) == ["asso@example.org", "vol@example.org"]
    assert Feedback.objects.filter(application=introduced).count() == 2


def test_only_an_introduction_has_an_outcome(index_page):
    with pytest.raises(services.OutcomeRefused):
        services.record_outcome(ApplicationFactory(), outcome="realisee")


def test_the_outcome_is_recorded_from_the_application_form(client, introduced):
    client.force_login(SuperUserFactory())

    response = client.post(f"/admin/candidatures/edit/{introduced.pk}/", {
        "status": "mise_en_relation", "note": "", "outcome": "abandonnee", "outcome_reason": "L'association a fermé",
    }, follow=True)

    introduced.refresh_from_db()
    assert introduced.outcome == "abandonnee"
    message = " ".join(str(m) for m in response.context["messages"])
    assert message.startswith("Issue enregistrée pour la candidature")
    assert "«\u00a0Abandonnée\u00a0»" in message and "Mise en relation" not in message
    assert "avis (Bénévole, vol@example.org)" in message
    page = client.get(f"/admin/candidatures/edit/{introduced.pk}/").content.decode()
    assert "<strong>Abandonnée</strong>, enregistrée le" in page and "a fermé" in page


def test_an_abandoned_mission_needs_its_reason(client, introduced):
    with pytest.raises(services.OutcomeRefused) as refused:
        services.record_outcome(introduced, outcome="abandonnee", reason="  ")
    assert refused.value.field == "outcome_reason"
    client.force_login(SuperUserFactory())

    response = client.post(f"/admin/candidatures/edit/{introduced.pk}/", {
        "status": "mise_en_relation", "note": "", "outcome": "abandonnee", "outcome_reason": "",
    })

    introduced.refresh_from_db()
    assert introduced.outcome == "" and not Feedback.objects.exists()
    assert "Dites pourquoi la mission ne s’est pas faite." in response.content.decode()
    services.record_outcome(introduced, outcome="partielle")  # it happened, in part: no reason needed


def test_outcome_fields_are_offered_only_on_an_introduction(client, introduced):
    new = ApplicationFactory(mission=introduced.mission)
    client.force_login(SuperUserFactory())

    new_form = client.get(f"/admin/candidatures/edit/{new.pk}/").content.decode()
    introduced_form = client.get(f"/admin/candidatures/edit/{introduced.pk}/").content.decode()

    assert 'name="outcome"' not in new_form and 'name="outcome_reason"' not in new_form
    assert "Issue de la mission" not in new_form
    assert 'name="outcome"' in introduced_form and 'name="outcome_reason"' in introduced_form


def test_the_history_of_an_introduction_says_both_sides_were_emailed(client, introduced):
    client.force_login(SuperUserFactory())

    page = client.get(f"/admin/candidatures/edit/{introduced.pk}/").content.decode()

    assert "e-mails envoyés au bénévole et à l’association" in page
    assert "e-mail envoyé au bénévole)" not in page


def test_feedback_is_given_once_per_side_and_seen_by_coordinators_only(client, introduced):
    services.record_outcome(introduced, outcome="realisee")
    path = link(next(m for m in mail.outbox if m.to == ["vol@example.org"]).body, "/mises-en-relation/avis/")

    assert 'name="rating"' in client.get(path).content.decode()
    first = client.post(path, {"rating": "5", "comment": "Super équipe"}, follow=True).content.decode()
    second = client.post(path, {"rating": "1", "comment": "Autre"}, follow=True).content.decode()

    feedback = Feedback.objects.get(application=introduced, side="benevole")
    assert (feedback.rating, feedback.comment) == (5, "Super équipe")
    assert "Merci pour votre avis" in first and 'name="rating"' not in first
    assert "déjà donné votre avis" in second
    assert "Super équipe" not in client.get(f"/missions/{introduced.mission.slug}/").content.decode()
    client.force_login(SuperUserFactory())
    assert "Super équipe" in client.get("/admin/avis/").content.decode()


def test_anonymising_the_application_forgets_what_both_sides_wrote(introduced):
    services.open_case(introduced, side="benevole", description="Camille ne peut plus venir")
    services.record_outcome(introduced, outcome="realisee")
    services.give_feedback(introduced, side="benevole", rating=4, comment="Camille était top")

    introduced.anonymise()

    assert "Camille" not in FollowUpCase.objects.get().description
    assert Feedback.objects.get(side="benevole").comment == "" and Feedback.objects.get(side="benevole").rating == 4


# --- the association's request ------------------------------------------------------------------

def test_the_request_contact_follows_its_request_from_conversion_to_introduction(index_page):
    mission_request = MissionRequestFactory(email="paul@asso.example.org", title="Un site plus lisible")

    mission = services.convert_request(mission_request)
    assert mail.outbox[-1].to == ["paul@asso.example.org"] and "devient un appel" in mail.outbox[-1].subject

    mission.contact_email = "autre@asso.example.org"
    mission.save()
    mission.save_revision().publish()
    published = mail.outbox[-1]
    assert published.to == ["paul@asso.example.org"] and "est publié" in published.subject
    mission.refresh_from_db()  # the slug is fixed at the first publication
    assert mission.slug and f"/missions/{mission.slug}/" in published.body
    mission.save_revision().publish()  # published again: no second email
    assert sum("est publié" in m.subject for m in mail.outbox) == 1

    mission.refresh_from_db()
    first = services.apply(mission, name="A", email="a@example.org", message="…", consent=True)
    services.apply(mission, name="B", email="b@example.org", message="…", consent=True)
    assert sum("Premières candidatures" in m.subject for m in mail.outbox) == 1

    services.introduce(first)
    assert "Mise en relation faite" in mail.outbox[-1].subject and mail.outbox[-1].to == ["paul@asso.example.org"]
    assert MissionRequest.objects.get().published_notified_at is not None


def test_when_the_request_contact_is_the_mission_contact_the_introduction_email_is_enough(index_page):
    mission_request = MissionRequestFactory(email="paul@asso.example.org")
    mission = services.convert_request(mission_request)
    mission.save_revision().publish()
    application = ApplicationFactory(mission=mission)
    mail.outbox.clear()

    services.introduce(application)

    assert sorted(m.to[0] for m in mail.outbox) == [application.email, "paul@asso.example.org"]
    assert not any("Mise en relation faite" in m.subject for m in mail.outbox)


def test_check_ins_skip_introductions_with_an_outcome(introduced):
    services.record_outcome(introduced, outcome="realisee")

    assert services.send_checkins(now=timezone.now() + timedelta(days=30)) == 0


def test_forgetting_a_volunteer_leaves_no_trace_of_the_loop(index_page):
    """Digest, withdrawal, check-ins, case, outcome and feedback: after forget(), no table holds
    the volunteer's name or address (their copies in stored emails included)."""
    from tests.webassoc.test_purge_leaves_no_trace import rows_holding
    from webassoc.privacy import forget

    mission = MissionFactory(contact_email="asso@example.org")
    name, email = "Maëlys Quéméner", "maelys.quemener@example.org"
    waiting = ApplicationFactory(mission=MissionFactory(), name=name, email=email,
                                 created_at=timezone.now() - timedelta(days=8))
    services.send_application_reminders()
    services.withdraw(waiting)
    application = services.introduce(ApplicationFactory(mission=mission, name=name, email=email))
    services.send_checkins(now=application.matched_at + timedelta(days=15))
    services.open_case(application, side="association", description=f"{name} ne répond plus")
    services.record_outcome(application, outcome="abandonnee", reason=f"{name} a déménagé")
    services.give_feedback(application, side="association", rating=2, comment=f"{name} absente")

    forget(email)

    assert rows_holding({"Maëlys", "Quéméner", email}) == {}


def test_a_case_is_handed_over_by_name_and_the_list_and_csv_say_who_follows_it(client):
    import csv
    import io

    from django.contrib.auth.models import Group

    from home import roles
    from tests.factories import UserFactory
    from tests.missions.factories import FollowUpCaseFactory

    me = SuperUserFactory(first_name="Alex", last_name="Durand")
    claire = UserFactory(first_name="Claire", last_name="Martin")
    claire.groups.add(Group.objects.get(name=roles.MISSION_COORDINATORS))
    case = FollowUpCaseFactory(application__name="Camille", application__mission__title="Refonte")
    client.force_login(me)

    form = client.get(f"/admin/suivis/edit/{case.pk}/").content.decode()
    assert ">Claire Martin<" in form
    client.post(f"/admin/suivis/edit/{case.pk}/", {"status": "en_cours", "note": "", "handled_by": claire.pk})

    case.refresh_from_db()
    assert case.handled_by == claire
    assert "Claire Martin" in client.get("/admin/suivis/").content.decode()
    export = client.get("/admin/suivis/?export=csv")
    text = b"".join(export.streaming_content).decode("utf-8-sig")
    row = next(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert (row["Mission"], row["Bénévole"], row["Suivi par"]) == ("Refonte", "Camille", "Claire Martin")


def test_every_row_of_the_cases_list_opens_its_case_resolved_ones_and_search_results_included(client):
    """The first column is not a field of the case: it must still link each row to the case."""
    from tests.missions.factories import FollowUpCaseFactory

    open_case = FollowUpCaseFactory(application__mission__title="Refonte du site")
    resolved = FollowUpCaseFactory(application__mission__title="Collecte en ligne", status="resolu")
    client.force_login(SuperUserFactory())

    listing = client.get("/admin/suivis/").content.decode()
    found = client.get("/admin/suivis/", {"q": "Collecte"}).content.decode()
    closed = client.get("/admin/suivis/", {"status": "resolu"}).content.decode()

    for case in (open_case, resolved):
        assert f'href="/admin/suivis/edit/{case.pk}/"' in listing
    assert f'href="/admin/suivis/edit/{resolved.pk}/"' in found
    assert f'href="/admin/suivis/edit/{open_case.pk}/"' not in found
    assert f'href="/admin/suivis/edit/{resolved.pk}/"' in closed


def test_every_row_of_the_feedback_list_opens_the_answer(client, introduced):
    services.record_outcome(introduced, outcome="realisee")
    for side, rating in (("benevole", 5), ("association", 4)):
        services.give_feedback(introduced, side=side, rating=rating, comment="Très bien")
    client.force_login(SuperUserFactory())

    listing = client.get("/admin/avis/").content.decode()

    for feedback in Feedback.objects.all():
        assert f'href="/admin/avis/inspect/{feedback.pk}/"' in listing
