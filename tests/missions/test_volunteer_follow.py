"""The volunteer's side of the loop: what happens next, the signed follow link, withdrawal, and
every decision emailed in kind words (declines with a fixed reason and other missions)."""

import re
import time

import pytest
from django.core import mail

from missions import services, tokens
from missions.models import Application, ApplicationStep
from webassoc.signed_links import LinkInvalid

from .factories import ApplicationFactory, MissionFactory

pytestmark = pytest.mark.django_db

VALID = {"name": "Camille", "email": "camille@example.org", "message": "Je peux aider.", "consent": "on"}
FOLLOW = re.compile(r"https?://[^/\s]+(/candidatures/suivi/\?jeton=\S+)")


def follow_path_in(body):
    return FOLLOW.search(body).group(1)


def apply(client, mission, **data):
    return client.post(f"/missions/{mission.slug}/", {**VALID, **data}, follow=True)


def test_the_thank_you_page_says_what_happens_next_links_to_follow_and_shows_no_form(client, index_page):
    mission = MissionFactory(slug="audit")

    html = apply(client, mission).content.decode()
    text = html.replace("&nbsp;", " ").replace("&#x27;", "'").replace("’", "'").replace(" ", " ").replace("\xa0", " ")

    assert "Et maintenant ?" in text
    assert "l'équipe de coordination" in text
    assert "s'engage à vous répondre sous 2 jours" in text  # the team's target
    assert "Suivre ma candidature" in html and "/candidatures/suivi/?jeton=" in html
    assert 'name="email"' not in html  # no empty form under the thank-you
    # a reload shows the mission again, with its form, and no follow link
    again = client.get("/missions/audit/").content.decode()
    assert 'name="email"' in again and "jeton=" not in again


def test_the_confirmation_email_says_what_happens_next_and_gives_the_follow_link(client, index_page):
    mission = MissionFactory()
    apply(client, mission)

    body = mail.outbox[0].body
    assert mail.outbox[0].to == ["camille@example.org"]
    assert "Et maintenant\u00a0?" in body and "2 jours" in body
    assert follow_path_in(body)
    assert "camille" not in follow_path_in(body).lower()  # nothing personal in the URL


def test_the_usual_answer_time_is_measured_once_there_are_enough_answers(index_page):
    from datetime import timedelta

    from django.utils import timezone

    now = timezone.now()
    for _ in range(10):
        ApplicationFactory(created_at=now - timedelta(days=6), first_answered_at=now - timedelta(days=1))

    assert services.usual_answer_days() == (5, True)


def test_the_follow_page_shows_the_status_the_steps_and_the_mission(client, index_page):
    mission = MissionFactory(title="Audit RGAA")
    apply(client, mission)

    html = client.get(follow_path_in(mail.outbox[0].body)).content.decode()

    assert "Nouvelle" in html and "Audit RGAA" in html and "Candidature reçue" in html
    assert "Retirer ma candidature" in html
    assert 'name="robots" content="noindex"' in html


def test_withdrawing_asks_for_confirmation_then_leaves_the_queue_with_a_note(client, index_page):
    mission = MissionFactory()
    apply(client, mission)
    path = follow_path_in(mail.outbox[0].body).replace("/suivi/", "/retrait/")
    application = Application.objects.get()

    assert client.get(path).status_code == 200
    assert Application.objects.get().status == "nouvelle"  # GET changes nothing
    response = client.post(path, follow=True)

    application.refresh_from_db()
    assert application.status == "retiree"
    assert "Retirée par le bénévole" in application.note
    assert "Votre candidature est retirée" in response.content.decode()
    step = application.steps.last()
    assert step.status == "retiree" and step.by_volunteer
    assert any("a retiré sa candidature" in m.body for m in mail.outbox)
    assert not Application.objects.filter(status="nouvelle").exists()  # out of the coordinator's queue


def test_withdrawing_twice_answers_politely(client, index_page):
    mission = MissionFactory()
    apply(client, mission)
    path = follow_path_in(mail.outbox[0].body).replace("/suivi/", "/retrait/")
    client.post(path)
    sent = len(mail.outbox)

    response = client.post(path, follow=True)

    assert response.status_code == 200
    assert "Vous avez déjà retiré cette candidature : il n’y a plus rien à faire." in response.content.decode()
    assert len(mail.outbox) == sent


def test_the_withdraw_link_visited_again_says_the_application_is_withdrawn_already(client, index_page):
    mission = MissionFactory()
    apply(client, mission)
    path = follow_path_in(mail.outbox[0].body).replace("/suivi/", "/retrait/")
    client.post(path)

    html = client.get(path).content.decode()

    assert "<h1>Candidature déjà retirée</h1>" in html
    assert "Vous avez déjà retiré cette candidature : il n’y a plus rien à faire." in html
    assert "Oui, retirer ma candidature" not in html and "Retirer ma candidature" not in html


def test_a_broken_or_foreign_token_gets_a_polite_page_and_changes_nothing(client, index_page):
    application = ApplicationFactory()
    other_purpose = tokens.make(tokens.FEEDBACK, application, "benevole")

    for token in ["", "abc", f"{application.pk}.:forged", other_purpose]:
        response = client.post(f"/candidatures/retrait/?jeton={token}")
        assert response.status_code == 400
        assert "Lien non valide" in response.content.decode()
    application.refresh_from_db()
    assert application.status == "nouvelle"


def test_a_follow_token_cannot_be_edited_to_reach_another_application(index_page):
    first, second = ApplicationFactory(), ApplicationFactory()
    token = tokens.make(tokens.FOLLOW, first)

    forged = token.replace(f"{first.pk}.", f"{second.pk}.", 1)

    with pytest.raises(LinkInvalid):
        tokens.read(tokens.FOLLOW, forged)


def test_follow_links_expire_after_the_documented_time(client, index_page, settings, monkeypatch):
    settings.FOLLOW_LINK_DAYS = 30
    application = ApplicationFactory()
    token = tokens.make(tokens.FOLLOW, application)
    real_time = time.time
    monkeypatch.setattr(time, "time", lambda: real_time() + 31 * 86400)

    response = client.get(f"/candidatures/suivi/?jeton={token}")

    assert response.status_code == 410
    assert "Lien expiré" in response.content.decode()


def test_shortlisting_emails_the_volunteer_once(index_page):
    application = ApplicationFactory(email="vol@example.org")

    services.change_status(application, status="preselectionnee")

    assert [m.to for m in mail.outbox] == [["vol@example.org"]]
    assert "présélectionnée" in mail.outbox[0].subject
    assert "/candidatures/suivi/?jeton=" in mail.outbox[0].body


def test_a_decline_gives_the_fixed_reason_and_up_to_three_open_missions_with_matching_skills(index_page):
    mission = MissionFactory(title="Audit", skills=["accessibilite"])
    application = ApplicationFactory(mission=mission, skills=["accessibilite"])
    others = [MissionFactory(title=f"Autre {n}", skills=["accessibilite"]) for n in range(4)]
    MissionFactory(title="Sans rapport", skills=["collecte"])

    services.change_status(application, status="declinee", decline_reason="pourvue")

    body = mail.outbox[0].body
    assert "Motif\u00a0: Mission pourvue" in body
    assert sum(f"Autre {n}" in body for n in range(4)) == 3
    assert "Sans rapport" not in body
    assert sum(f"/missions/{other.slug}/" in body for other in others) == 3


def test_a_free_text_reason_reaches_the_volunteer_only_when_the_coordinator_ticks_it(index_page):
    hidden = ApplicationFactory()
    shown = ApplicationFactory()

    services.change_status(hidden, status="declinee", decline_reason="autre", decline_detail="Note interne XYZ")
    services.change_status(shown, status="declinee", decline_reason="autre", decline_detail="Profil junior",
                           show_decline_detail=True)

    hidden_body, shown_body = mail.outbox[0].body, mail.outbox[1].body
    assert "XYZ" not in hidden_body and "Motif" not in hidden_body
    assert "Motif\u00a0: Profil junior" in shown_body


def test_declining_needs_a_fixed_reason(index_page):
    with pytest.raises(services.StatusChangeRefused):
        services.change_status(ApplicationFactory(), status="declinee")


def test_the_follow_page_of_a_declined_application_shows_the_reason_and_suggestions(client, index_page):
    mission = MissionFactory(skills=["accessibilite"])
    application = ApplicationFactory(mission=mission, skills=["accessibilite"])
    MissionFactory(title="Une autre mission", skills=["accessibilite"])
    services.change_status(application, status="declinee", decline_reason="profil")

    html = client.get(f"/candidatures/suivi/?jeton={tokens.make(tokens.FOLLOW, application)}").content.decode()

    assert "Déclinée" in html and "Profil ne correspondant pas aux besoins" in html
    assert "Une autre mission" in html
    assert "Retirer ma candidature" not in html


def test_a_decline_made_by_mistake_goes_back_to_new_without_a_second_email(index_page, django_user_model):
    coordinator = django_user_model.objects.create_user("coord", "coord@example.org", "x", first_name="Alex")
    application = ApplicationFactory()
    services.change_status(application, status="declinee", decline_reason="pourvue", by=coordinator)

    services.change_status(application, status="nouvelle", by=coordinator)
    services.change_status(application, status="declinee", decline_reason="pourvue", by=coordinator)

    assert len(mail.outbox) == 1  # the first decline only
    steps = list(ApplicationStep.objects.filter(application=application).values_list("status", "by__username"))
    assert steps == [("declinee", "coord"), ("nouvelle", "coord"), ("declinee", "coord")]


def test_going_back_to_new_is_emailed_when_the_coordinator_asks(index_page):
    application = ApplicationFactory()
    services.change_status(application, status="declinee", decline_reason="pourvue")

    services.change_status(application, status="nouvelle", notify_again=True)

    assert len(mail.outbox) == 2 and "de nouveau à l’étude" in mail.outbox[1].subject


def test_the_first_answer_is_timed_and_a_withdrawal_is_no_answer(index_page):
    answered, withdrawn = ApplicationFactory(), ApplicationFactory()

    answered = services.change_status(answered, status="preselectionnee")
    withdrawn = services.change_status(withdrawn, status="retiree")

    assert answered.first_answered_at is not None
    assert withdrawn.first_answered_at is None


def test_a_lock_timeout_while_applying_asks_to_try_again_and_keeps_the_answers(client, index_page, locks_time_out):
    mission = MissionFactory()

    response = client.post(f"/missions/{mission.slug}/", VALID)

    assert response.status_code == 503 and response["Retry-After"] == "5"
    html = response.content.decode()
    assert "réessayer dans quelques secondes" in html
    assert "Je peux aider." in html
    assert not Application.objects.exists() and not mail.outbox


def test_a_lock_timeout_while_withdrawing_asks_to_try_again_and_changes_nothing(client, index_page, locks_time_out):
    application = ApplicationFactory()

    response = client.post(f"/candidatures/retrait/?jeton={tokens.make(tokens.FOLLOW, application)}")

    assert response.status_code == 503 and response["Retry-After"] == "5"
    assert "réessayer dans quelques secondes" in response.content.decode()
    application.refresh_from_db()
    assert application.status == "nouvelle"


def test_the_follow_page_ends_a_typed_reason_with_one_full_stop_only(client, index_page):
    typed = ApplicationFactory()
    services.change_status(typed, status="declinee", decline_reason="autre", decline_detail="Profil junior.",
                           show_decline_detail=True)
    fixed = ApplicationFactory()
    services.change_status(fixed, status="declinee", decline_reason="profil")

    typed_html = client.get(f"/candidatures/suivi/?jeton={tokens.make(tokens.FOLLOW, typed)}").content.decode()
    fixed_html = client.get(f"/candidatures/suivi/?jeton={tokens.make(tokens.FOLLOW, fixed)}").content.decode()

    assert '<span data-testid="decline-reason">Profil junior.</span></p>' in typed_html
    assert '<span data-testid="decline-reason">Profil ne correspondant pas aux besoins</span>.</p>' in fixed_html


def test_the_follow_page_lists_the_suggestions_in_the_order_of_the_decline_email(client, index_page):
    import datetime

    from django.utils import timezone

    today = timezone.localdate()
    application = ApplicationFactory(mission=MissionFactory(skills=["accessibilite", "video"]),
                                     skills=["accessibilite", "video"])
    # Ranked by shared skills, then nearest deadline: the newest mission (first by default) comes last.
    MissionFactory(title="Deux compétences", skills=["accessibilite", "video"],
                   apply_before=today + datetime.timedelta(days=60))
    MissionFactory(title="Échéance proche", skills=["video"], apply_before=today + datetime.timedelta(days=5))
    MissionFactory(title="Échéance lointaine", skills=["accessibilite"],
                   apply_before=today + datetime.timedelta(days=90))
    services.change_status(application, status="declinee", decline_reason="profil")

    html = client.get(f"/candidatures/suivi/?jeton={tokens.make(tokens.FOLLOW, application)}").content.decode()
    email = mail.outbox[-1].body
    order = ["Deux compétences", "Échéance proche", "Échéance lointaine"]

    assert sorted(order, key=email.index) == order
    assert sorted(order, key=html.index) == order


def test_the_follow_page_says_an_undone_decision_is_under_study_again_and_the_admin_history_keeps_the_status(
        client, index_page):
    application = ApplicationFactory()
    services.change_status(application, status="preselectionnee")
    services.change_status(application, status="declinee", decline_reason="profil")
    services.change_status(application, status="nouvelle")
    services.change_status(application, status="mise_en_relation")

    html = client.get(f"/candidatures/suivi/?jeton={tokens.make(tokens.FOLLOW, application)}").content.decode()
    steps = re.search(r'<ol class="steps">(.*?)</ol>', html, re.S).group(1)
    labels = [re.sub(r"<time[^>]*>.*?</time>\s*–\s*", "", item).strip()
              for item in re.findall(r"<li>(.*?)</li>", steps, re.S)]

    assert labels == ["Présélectionnée", "Déclinée", "De nouveau à l’étude", "Mise en relation"]
    assert list(application.steps.values_list("status", flat=True)) == [
        "preselectionnee", "declinee", "nouvelle", "mise_en_relation"]  # the team's history, exact


def test_after_withdrawing_the_thanks_are_said_once(client, index_page):
    mission = MissionFactory()
    apply(client, mission)
    path = follow_path_in(mail.outbox[0].body).replace("/suivi/", "/retrait/")

    html = client.post(path, follow=True).content.decode()

    assert html.count("Merci de nous avoir prévenus") == 1
    assert "Vous avez retiré cette candidature." in html


def test_after_an_undone_decline_the_status_reads_under_study_again(client, index_page):
    application = ApplicationFactory()
    services.change_status(application, status="declinee", decline_reason="profil")
    services.change_status(application, status="nouvelle")

    html = client.get(f"/candidatures/suivi/?jeton={tokens.make(tokens.FOLLOW, application)}").content.decode()
    badge = re.search(r'data-testid="application-status">(.*?)</span>', html, re.S).group(1)

    assert badge == "De nouveau à l’étude"
