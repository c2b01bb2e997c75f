"""Home page, about, FAQ, legal pages and site settings."""

from urllib.parse import urlsplit

from django.conf import settings

from home.models import SiteSettings, StandardPage
from webassoc import privacy

from .illustrations import describe
from .images import demo_image
from .pages import bullet_list, call_to_action, child_page, faq, heading, home_page, image_block, paragraph, quote


def sync_default_site(home):
    """Point the default site at BASE_URL so full URLs (sitemap, emails) are right locally."""
    site = home.get_site()
    url = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    port = url.port or (443 if url.scheme == "https" else 80)
    local = {"localhost", "127.0.0.1", "[::1]"}
    if site.hostname in local and url.hostname in local and (site.hostname, site.port) != (url.hostname, port):
        site.hostname, site.port = url.hostname, port
        site.save()


# The associations' call to action lives in the missions section of the home page and leads to
# the request form; the body's call to action points to the FAQ and says so.
OLD_ASSOCIATION_CTA_TITLE = "Vous êtes une association ?"


def faq_call_to_action(faq_page):
    return call_to_action(
        "Des questions avant de vous lancer ?",
        "Bénévoles ou associations : comment ça marche, combien de temps, à quel prix.",
        faq_page,
        "Lire les questions fréquentes",
    )


def retitle_association_cta(home, faq_page):
    """Idempotent: turn the old FAQ-bound "Vous êtes une association ?" block into the FAQ one."""
    body = list(home.body.raw_data)
    changed = False
    for index, block in enumerate(body):
        value = block.get("value") or {}
        if block.get("type") == "call_to_action" and value.get("title") == OLD_ASSOCIATION_CTA_TITLE \
                and value.get("page") == faq_page.pk:
            body[index] = {**faq_call_to_action(faq_page), "id": block.get("id")}
            changed = True
    if changed:
        home.body = body
    return changed


# Marks of the first demo's texts, replaced where still there (nobody edited the page since):
# labels saying "fictional", the about page's "emailing", a privacy policy silent on alerts.
OLD_ABOUT_MARKS = ("(bénévole fictive)", "emailing")
OLD_LEGAL_MARK = "(personne fictive)"
OLD_PRIVACY_MARK = "puis 24 mois au plus :"
# Profiles on reserved domains (RFC 2606), like the demo's e-mail addresses.
LINKEDIN_URL = "https://linkedin.example/company/webassoc"
OLD_LINKEDIN_URL = "https://www.linkedin.com/company/webassoc-exemple"


def about_body(team, introduction):
    return [
        heading("Un bénévolat complet"),
        paragraph(
            "<p>Webassoc n'a ni compte en banque ni budget : tout repose sur l'envie d'agir de ses "
            "membres. Stratèges, développeuses, spécialistes de l'accessibilité, du référencement ou "
            "des médias sociaux donnent quelques heures de leur temps, à distance le plus souvent.</p>"
        ),
        image_block(team, "Une communauté ouverte à tous les métiers du web."),
        heading("Comment ça marche ?"),
        paragraph(
            "<ol><li>Une association nous décrit son besoin.</li>"
            "<li>Nous publions un <b>appel à compétences</b>.</li>"
            "<li>Les bénévoles intéressés candidatent.</li>"
            "<li>L'équipe assure la <b>mise en relation</b> et reste tiers de confiance.</li></ol>"
        ),
        image_block(
            introduction, "L’association et le ou la bénévole se rencontrent ; l’équipe reste tiers de confiance.",
        ),
        quote(
            "On peut souvent réaliser les missions à distance, en quelques heures, au rythme de ses "
            "contraintes. C'est un peu comme aider quelqu'un de son entourage.",
            "Camille, consultante en stratégie numérique, bénévole depuis trois ans",
        ),
        heading("Des formations gratuites"),
        paragraph(
            "<p>Nous organisons aussi des formations gratuites, sur place ou en ligne, pour que les "
            "équipes associatives gagnent en autonomie : e-mailing, réseaux sociaux, accessibilité, "
            "collecte en ligne…</p>"
        ),
    ]


def legal_body():
    return [
        heading("Éditeur"),
        paragraph("<p>Webassoc, communauté de professionnels du web bénévoles. Directrice de la publication : "
                  "Jeanne Morel, coordinatrice de Webassoc. Pour nous écrire : l'adresse indiquée en bas de "
                  "page.</p>"),
        heading("Hébergement"),
        paragraph("<p>Les Octets Solidaires, coopérative d'hébergement, 12 rue des Bénévoles, 75011 Paris.</p>"),
        # The one place where the demo says what it is.
        heading("Contenu de démonstration"),
        paragraph("<p>Ce site présente un contenu de démonstration : les associations, les missions, les "
                  "formations, les articles et les personnes citées, comme l'éditeur et l'hébergeur indiqués "
                  "ci-dessus, sont inventés. Les adresses e-mail utilisent des domaines réservés à cet usage et "
                  "ne reçoivent aucun message.</p>"),
    ]


def privacy_body():
    """The privacy policy, its durations read from the settings and the signed links
    (webassoc/privacy.py: what the nightly purge anonymises, and when)."""
    from alerts.services import CONFIRM as ALERT_LINK
    from alerts.services import WAITER as WAITER_LINK

    months = privacy.retention_months()
    email_days = privacy.email_retention_days()
    unconfirmed_days = privacy.unconfirmed_retention_days()
    return [
        heading("Données collectées"),
        paragraph(
            "<p>Nous collectons uniquement les informations que vous saisissez dans nos formulaires "
            "(inscription à une formation, candidature à une mission, signature du manifeste, "
            "demande d'aide) pour traiter votre demande.</p>"
        ),
        heading("Alertes, vivier de bénévoles et prochaines sessions"),
        paragraph(
            "<p>Trois services ne demandent que votre adresse e-mail :</p>"
            + bullet_list([
                "les <b>alertes par compétence</b> : votre adresse et vos choix (compétences, format, cause, "
                "temps disponible, fréquence) servent à vous envoyer les nouvelles missions qui vous "
                "correspondent, dès leur publication ou dans un résumé chaque semaine",
                "le <b>vivier de bénévoles</b> : si vous cochez « Je suis disponible », l'équipe de "
                "coordination voit votre adresse et vos choix, et peut vous écrire pour vous proposer une "
                "mission ; vous pouvez quitter le vivier à tout moment sans renoncer aux alertes",
                "<b>« Prévenez-moi de la prochaine session »</b> : votre adresse et la formation choisie servent "
                "à vous écrire une fois, quand une nouvelle session de cette formation est ouverte",
            ])
            + "<p>Rien ne vous est envoyé avant que vous ayez confirmé votre adresse avec le lien reçu par "
            f"e-mail (valable {ALERT_LINK.days} jours pour les alertes, {WAITER_LINK.days} jours pour une "
            "prochaine session). Chaque alerte contient un lien pour modifier vos choix ou vous désinscrire "
            "en un clic.</p>"
        ),
        heading("Durée de conservation"),
        paragraph(
            "<p>Nous gardons vos données le temps nécessaire, puis nous les anonymisons :</p>"
            + bullet_list([
                f"les inscriptions aux formations : {months} mois après la fin de la session",
                "les candidatures aux missions, les demandes d'associations et les signatures du "
                f"manifeste : {months} mois après leur envoi ; une signature jamais confirmée est "
                f"anonymisée {unconfirmed_days} jours après son envoi",
                "le contact d'une association indiqué sur une mission : tant que la mission reçoit "
                f"des candidatures, puis {months} mois après sa clôture ; sur la fiche de l'association : "
                f"{months} mois après la clôture de sa dernière mission",
                "les alertes par compétence et le vivier de bénévoles : tant que vous recevez les alertes "
                "(une désinscription efface votre adresse aussitôt) ; une inscription jamais confirmée est "
                f"anonymisée {unconfirmed_days} jours après sa dernière modification",
                "les demandes « Prévenez-moi de la prochaine session » : tant que vous attendez ; une fois "
                f"prévenu, {months} mois après votre demande (la nuit suivante si ce délai est déjà passé) ; "
                f"une demande jamais confirmée est anonymisée {unconfirmed_days} jours après son envoi",
                "les e-mails que le site vous envoie (confirmation, rappel, alerte…) : une copie est gardée "
                f"{email_days} jours après l'envoi, pour vérifier qu'ils sont bien partis, puis supprimée",
            ])
            + "<p>Passé ce délai, vos données sont <b>anonymisées automatiquement</b> chaque nuit : le "
            "nom, l'adresse e-mail, le téléphone et les messages sont effacés, ainsi que leurs copies "
            "(e-mails gardés, historique des modifications faites par l'équipe, textes d'une mission "
            "qui vous citent). Seuls restent des chiffres (nombre d'inscrits, de candidatures, de "
            "signatures, d'alertes envoyées) pour nos bilans. Les signatures anonymisées ne figurent plus "
            "dans la liste publique des signataires.</p>"
        ),
        heading("Vos droits"),
        paragraph(
            "<p>Vous pouvez demander l'accès, la rectification ou la suppression de vos données en "
            "écrivant à l'adresse de contact indiquée en bas de page : nous les effaçons alors sans "
            "attendre, copies comprises. Pour les alertes et le vivier, le lien « Me désinscrire » de "
            "chaque alerte suffit : il efface votre adresse aussitôt.</p>"
        ),
    ]


def replace_old_body(page, marks, body):
    """Idempotent: give `page` its new body if its current one still holds one of the first demo's `marks`."""
    raw = str(list(page.body.raw_data))
    if any(mark in raw for mark in marks):
        page.body = body
        page.save_revision().publish()


def load(stdout=None):
    home = home_page()
    hero = demo_image("Atelier bénévole", describe("formation"), scene="formation")
    team = demo_image("Équipe Webassoc", describe("communaute"), scene="communaute")
    introduction = demo_image("Mise en relation", describe("mise_en_relation"), scene="mise_en_relation")

    about, _ = child_page(
        home, StandardPage, "qui-sommes-nous",
        title="Qui sommes-nous ?",
        show_in_menus=True,
        intro=(
            "Webassoc réunit plus de 1 400 professionnels du web bénévoles qui aident les associations "
            "humanitaires, de solidarité et d'environnement à se renforcer sur internet."
        ),
        search_description="Webassoc, communauté de pros du web bénévoles au service des associations.",
        body=about_body(team, introduction),
    )
    replace_old_body(about, OLD_ABOUT_MARKS, about_body(team, introduction))

    faq_page, _ = child_page(
        home, StandardPage, "questions-frequentes",
        title="Questions fréquentes",
        show_in_menus=False,  # linked from the footer and the home page: the header keeps one row
        intro="Les réponses aux questions que nous posent bénévoles et associations.",
        body=[
            faq("Pour les bénévoles", [
                ("Combien de temps faut-il donner ?",
                 "Certaines missions ne demandent que quelques heures. Vous choisissez celles qui "
                 "correspondent à vos disponibilités."),
                ("Faut-il être expert ?",
                 "Il faut être professionnel du web dans son domaine. Le transfert de compétences compte "
                 "plus que la perfection."),
                ("Puis-je aider à distance ?",
                 "Oui, la plupart des missions se réalisent à distance."),
            ]),
            faq("Pour les associations", [
                ("Qui peut demander de l'aide ?",
                 "Les associations et ONG humanitaires, de solidarité et d'environnement, en particulier "
                 "les petites structures qui ont peu de moyens."),
                ("Est-ce vraiment gratuit ?",
                 "Oui. Tout est bénévole, les formations comme les missions."),
            ]),
        ],
    )

    legal, _ = child_page(
        home, StandardPage, "mentions-legales",
        title="Mentions légales",
        intro="Informations légales sur l'éditeur et l'hébergement du site.",
        body=legal_body(),
    )
    replace_old_body(legal, [OLD_LEGAL_MARK], legal_body())
    privacy_page, _ = child_page(
        home, StandardPage, "politique-de-confidentialite",
        title="Politique de confidentialité",
        intro="Quelles données nous collectons, pourquoi, et combien de temps nous les gardons.",
        body=privacy_body(),
    )
    replace_old_body(privacy_page, [OLD_PRIVACY_MARK], privacy_body())
    if not home.hero_text:
        home.hero_title = "Vos compétences web au service des associations"
        home.hero_text = (
            "Webassoc met en relation des professionnels du web bénévoles avec des associations "
            "humanitaires, de solidarité et d'environnement. Quelques heures de votre temps peuvent tout "
            "changer."
        )
        home.hero_image = hero
        home.hero_cta_label = "Découvrir Webassoc"
        home.hero_cta_page = about
        home.search_description = (
            "Webassoc : plus de 1 400 professionnels du web bénévoles au service des associations."
        )
        home.key_figures = [
            {"type": "figure", "value": {"value": "1 400+", "label": "professionnels du web bénévoles"}},
            {"type": "figure", "value": {"value": "2 000", "label": "associations aidées chaque année"}},
            {"type": "figure", "value": {"value": "0 €", "label": "de budget : tout est bénévole"}},
            {"type": "figure", "value": {"value": "9", "label": "domaines de compétences"}},
        ]
        home.body = [
            faq_call_to_action(faq_page),
        ]
        home.save_revision().publish()
    elif retitle_association_cta(home, faq_page):  # demo loaded before the missions section had its own
        home.save_revision().publish()

    sync_default_site(home)
    site_settings = SiteSettings.for_site(home.get_site())
    if not site_settings.contact_email:
        site_settings.contact_email = "bonjour@webassoc.example"
        site_settings.contact_text = "Une question, une idée, envie d'aider ? Écrivez-nous."
        site_settings.mastodon_url = "https://mastodon.example/@webassoc"
        site_settings.linkedin_url = LINKEDIN_URL
        site_settings.legal_notice_page = legal
        site_settings.privacy_page = privacy_page
        site_settings.default_meta_description = (
            "Webassoc : des professionnels du web bénévoles au service des associations."
        )
        site_settings.default_social_image = hero
        site_settings.save()
    elif site_settings.linkedin_url == OLD_LINKEDIN_URL:  # in the JSON-LD too: say no "exemple"
        site_settings.linkedin_url = LINKEDIN_URL
        site_settings.save()
    if stdout:
        stdout.write("  site : accueil, qui sommes-nous, FAQ, pages légales")
