"""The accessibility statement (RGAA model), its figures taken from the site's own automated checks
(`webassoc/accessibility_checks.py`, the list the browser tests run)."""

from django.utils import formats, timezone
from django.utils.html import escape

from home.models import SiteSettings, StandardPage
from webassoc import accessibility_checks as checks

from .pages import child_page, heading, home_page, paragraph

TITLE = "Déclaration d’accessibilité"
OLD_INTRO = "Ce site vise la conformité au RGAA et aux WCAG 2.2 niveau AA."  # the first, one-paragraph version
# The second version claimed the tests' result ("toutes réussissent"), which a statement written once cannot know.
OLD_RESULT = "Résultat : toutes réussissent."


def _list(items):
    return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"


def statement_body(contact_email, today=None):
    today = today or timezone.localdate()
    widths = ", ".join(str(width) for width in checks.WIDTHS[:-1]) + f" et {checks.WIDTHS[-1]}"
    page_count = len(checks.PAGE_TYPES)
    verifications = page_count * len(checks.WIDTHS)
    return [
        paragraph(
            "<p>Webassoc s’engage à rendre son site accessible à toutes et tous, conformément à "
            "l’article 47 de la loi n° 2005-102 du 11 février 2005. Cette déclaration s’applique au site "
            "Webassoc.</p>"
        ),
        heading("État de conformité"),
        paragraph(
            "<p>Le site est <b>non conforme</b> au référentiel général d’amélioration de l’accessibilité "
            "(RGAA 4.1.2) : aucun audit complet des 106 critères n’a encore été réalisé, et seul un audit "
            "permet de déclarer un taux de conformité. Les vérifications automatiques ci-dessous sont "
            "faites à chaque modification du site ; un audit par des bénévoles spécialistes est prévu.</p>"
        ),
        heading("Résultats des tests"),
        # What the tests check, not what they found: the statement is written once, the tests run at
        # every change (a failure stops the change), so no result is claimed here.
        paragraph(
            f"<p>Les tests automatiques du site, lancés à chaque modification, vérifient {page_count} types de "
            f"pages, chacun à {widths} pixels de large, soit {verifications} vérifications. Une erreur relevée "
            "fait échouer les tests. Les points vérifiés sur chaque page :</p>"
            + _list(checks.CHECKS)
            + "<p>Les types de pages vérifiés :</p>"
            + _list(label for label, _path in checks.PAGE_TYPES)
            + "<p>Les pages que l’on atteint par un lien reçu par e-mail ou après l’envoi d’un formulaire "
            "(confirmation d’une signature ou d’une alerte, choix des alertes, désinscription, demande "
            "« prochaine session », annulation d’une inscription, formulaires en erreur) sont vérifiées par "
            "axe-core à une seule largeur. Des tests au clavier seul (navigation, formulaires de candidature, "
            "d’inscription, de signature et d’alerte) complètent ces vérifications.</p>"
        ),
        heading("Contenus non accessibles"),
        heading("Non-conformités connues", "h3"),
        paragraph(
            "<p>Sans audit complet, la liste des non-conformités n’est pas établie. Les tests automatiques ne "
            "repèrent qu’une partie des problèmes : ils ne jugent ni la pertinence d’un texte alternatif, ni la "
            "clarté d’un intitulé, ni l’ordre de lecture d’une page. Si vous rencontrez une difficulté, "
            "signalez-la-nous : nous la corrigerons.</p>"
        ),
        heading("Dérogations pour charge disproportionnée", "h3"),
        paragraph("<p>Aucune.</p>"),
        heading("Contenus non soumis à l’obligation d’accessibilité", "h3"),
        paragraph(
            "<p>Les vidéos de sites tiers intégrées à certains articles (leurs lecteurs et leurs "
            "sous-titres dépendent de ces sites).</p>"
        ),
        heading("Établissement de cette déclaration"),
        paragraph(
            f"<p>Cette déclaration a été établie le {formats.date_format(today, 'j F Y')}.</p>"
            "<p>Technologies utilisées pour la réalisation du site : HTML5, CSS, un peu de JavaScript "
            "(le site fonctionne sans).</p>"
            f"<p>Environnement de test : {escape(checks.TOOLS)}. Les tests avec des lecteurs d’écran "
            "(NVDA avec Firefox, VoiceOver avec Safari) restent à faire lors de l’audit.</p>"
        ),
        heading("Retour d’information et contact"),
        paragraph(
            "<p>Si vous n’arrivez pas à accéder à un contenu ou à un service, écrivez-nous : nous vous "
            "répondrons et vous proposerons une autre façon d’y accéder.</p>"
            f"<p>E-mail : <a href=\"mailto:{escape(contact_email)}\">{escape(contact_email)}</a></p>"
        ),
        heading("Voies de recours"),
        paragraph(
            "<p>Si vous nous avez signalé un défaut d’accessibilité qui vous empêche d’accéder à un contenu "
            "ou à un service et que vous n’avez pas obtenu de réponse satisfaisante, vous pouvez :</p>"
            "<ul>"
            "<li>écrire un message au Défenseur des droits "
            "(<a href=\"https://formulaire.defenseurdesdroits.fr/\">formulaire en ligne</a>) ;</li>"
            "<li>contacter le délégué du Défenseur des droits de votre région "
            "(<a href=\"https://www.defenseurdesdroits.fr/saisir/delegues\">liste des délégués</a>) ;</li>"
            "<li>envoyer un courrier par la poste (gratuit, ne pas mettre de timbre) : Défenseur des "
            "droits, Libre réponse 71120, 75342 Paris CEDEX 07.</li>"
            "</ul>"
        ),
    ]


def load(stdout=None):
    home = home_page()
    site_settings = SiteSettings.for_site(home.get_site())
    contact = site_settings.contact_email or "bonjour@webassoc.example"
    page, created = child_page(
        home, StandardPage, "accessibilite",
        title=TITLE,
        intro="Ce que nous vérifions, ce qui reste à faire, et comment nous signaler une difficulté.",
        search_description="Déclaration d’accessibilité du site Webassoc (RGAA).",
        body=statement_body(contact),
    )
    # Demo loaded before the statement followed the RGAA model, or when it claimed the tests' result.
    if not created and (page.intro == OLD_INTRO or OLD_RESULT in str(list(page.body.raw_data))):
        page.title = TITLE
        page.intro = "Ce que nous vérifions, ce qui reste à faire, et comment nous signaler une difficulté."
        page.body = statement_body(contact)
        page.save_revision().publish()
    if site_settings.accessibility_page_id is None:
        site_settings.accessibility_page = page
        site_settings.save()
    if stdout:
        stdout.write("  accessibilité : déclaration (modèle RGAA)")
