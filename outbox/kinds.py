"""The kinds of e-mail the site sends, as the team reads them in the admin ("E-mails envoyés",
"Données personnelles"): one French label per template name (`templates/emails/<app>/<name>`).

A new e-mail template gets its line here (a test checks that every template has one); a name
missing from the list is shown as it is.
"""

from django.utils.translation import gettext_lazy as _

EMAIL_KINDS = {
    "alerts/mission_alert": _("Alerte : nouvelle mission"),
    "alerts/pool_invitation": _("Vivier : invitation à une mission"),
    "alerts/session_announcement": _("Alerte : nouvelle session de formation"),
    "alerts/subscription_confirmation": _("Alertes : confirmation de l’abonnement"),
    "alerts/subscription_welcome": _("Alertes : bienvenue et lien pour changer ses choix"),
    "alerts/waiter_confirmation": _("Prochaine session : confirmation de l’inscription"),
    "alerts/weekly_digest": _("Alertes : récapitulatif hebdomadaire"),
    "courses/registration_cancelled": _("Formation : inscription annulée"),
    "courses/registration_confirmed": _("Formation : inscription confirmée"),
    "courses/registration_promoted": _("Formation : place libérée"),
    "courses/registration_waitlisted": _("Formation : liste d’attente"),
    "courses/session_cancelled": _("Formation : session annulée"),
    "courses/session_reminder": _("Formation : rappel avant la session"),
    "home/manifesto_already_signed": _("Manifeste : déjà signé"),
    "home/manifesto_confirmation": _("Manifeste : confirmation de la signature"),
    "missions/application_received": _("Candidature : accusé de réception"),
    "missions/application_team": _("Candidature : avis à l’équipe"),
    "missions/case_team": _("Suivi : demande d’aide à l’équipe"),
    "missions/checkin": _("Suivi : point d’étape"),
    "missions/decision_declined": _("Candidature : non retenue"),
    "missions/decision_reopened": _("Candidature : réexaminée"),
    "missions/decision_shortlisted": _("Candidature : présélectionnée"),
    "missions/feedback_request": _("Suivi : demande d’avis"),
    "missions/follow_link": _("Candidature : lien de suivi renvoyé"),
    "missions/introduction_association": _("Mise en relation : à l’association"),
    "missions/introduction_volunteer": _("Mise en relation : au bénévole"),
    "missions/reminder_digest": _("Candidatures en attente : rappel"),
    "missions/request_applications": _("Demande d’association : premières candidatures"),
    "missions/request_converted": _("Demande d’association : mission préparée"),
    "missions/request_introduction": _("Demande d’association : mise en relation faite"),
    "missions/request_published": _("Demande d’association : mission publiée"),
    "missions/request_received": _("Demande d’association : accusé de réception"),
    "missions/request_refused": _("Demande d’association : refusée"),
    "missions/request_team": _("Demande d’association : avis à l’équipe"),
    "missions/withdrawal_team": _("Candidature : retrait (avis à l’équipe)"),
}


def email_kind(template, fallback=""):
    """The French label of an e-mail template name; the name itself (or `fallback`) when unknown."""
    return str(EMAIL_KINDS[template]) if template in EMAIL_KINDS else (template or fallback)
