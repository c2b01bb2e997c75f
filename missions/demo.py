"""Demo content: the mission index page, 12 fictional associations (with generated logos), 30 missions
of several sizes, a few applications."""

import datetime

from django.utils import timezone

from home.demo.images import demo_logo
from home.demo.pages import child_page, home_page
from webassoc.enums import Format

from .enums import ApplicationStatus, Cause, DeclineReason, MissionStatus, Side, Urgency
from .models import Application, ApplicationStep, Association, FollowUpCase, Mission, MissionIndexPage, Skill

OPEN, FILLED, CLOSED = MissionStatus.OPEN, MissionStatus.FILLED, MissionStatus.CLOSED
REMOTE, ON_SITE, HYBRID = Format.REMOTE, Format.ON_SITE, Format.HYBRID
SOLIDARITY, HUMANITARIAN, ENVIRONMENT, OTHER = Cause.SOLIDARITY, Cause.HUMANITARIAN, Cause.ENVIRONMENT, Cause.OTHER

ASSOCIATIONS = [
    ("Les Pousses Solidaires", SOLIDARITY, "Lyon", "Jardins partagés et aide alimentaire de quartier."),
    ("Secours des Collines", HUMANITARIAN, "Grenoble", "Aide d'urgence aux familles sinistrées."),
    ("Mer Propre Ensemble", ENVIRONMENT, "Brest", "Nettoyage des plages et sensibilisation."),
    ("Lire pour Grandir", SOLIDARITY, "Lille", "Soutien scolaire et ateliers de lecture."),
    ("Pharmacie Sans Frontière Fictive", HUMANITARIAN, "Paris", "Médicaments pour les dispensaires isolés."),
    ("Forêts Vivantes", ENVIRONMENT, "Nancy", "Replantation et protection des forêts locales."),
    ("Toit pour Tous 33", SOLIDARITY, "Bordeaux", "Hébergement d'urgence et accompagnement."),
    ("Eau Claire International", HUMANITARIAN, "Marseille", "Puits et accès à l'eau potable."),
    ("Vélo Partage Solidaire", ENVIRONMENT, "Nantes", "Ateliers de réparation de vélos."),
    ("Les Petites Mains du Cœur", SOLIDARITY, "Toulouse", "Couture solidaire et insertion."),
    ("Abeilles d'Ici", ENVIRONMENT, "Rennes", "Protection des pollinisateurs."),
    ("Radio Ouverte", OTHER, "Montpellier", "Radio associative et éducation aux médias."),
]

# title, skill slugs, format, hours, days left (None = no deadline), status
MISSIONS = [
    ("Refonte de la stratégie numérique", ["strategie"], REMOTE, 20, 40, OPEN),
    ("Audit d'accessibilité du site", ["accessibilite"], REMOTE, 12, 30, OPEN),
    ("Mise en place d'un suivi d'audience respectueux", ["analytics"], REMOTE, 8, 25, OPEN),
    ("Campagne de collecte de fin d'année", ["collecte", "emailing"], HYBRID, 25, 45, OPEN),
    ("Lettre d'information mensuelle", ["emailing"], REMOTE, 6, 20, OPEN),
    ("Migration du site vers un nouvel hébergeur", ["webmastering"], REMOTE, 15, 35, OPEN),
    ("Animation des réseaux sociaux pendant un mois", ["medias-sociaux"], REMOTE, 10, 18, OPEN),
    ("Améliorer le référencement des pages d'actions", ["referencement"], REMOTE, 10, 28, OPEN),
    ("Tournage d'une vidéo de présentation", ["video"], ON_SITE, 16, 50, OPEN),
    ("Formulaire de don accessible", ["accessibilite", "collecte"], REMOTE, 14, 33, OPEN),
    ("Tableau de bord des dons", ["analytics", "collecte"], REMOTE, 12, 40, OPEN),
    ("Stratégie de contenus pour les réseaux", ["strategie", "medias-sociaux"], HYBRID, 18, 60, OPEN),
    ("Refonte des modèles d'e-mails", ["emailing", "accessibilite"], REMOTE, 9, 22, OPEN),
    ("Maintenance WordPress trimestrielle", ["webmastering"], REMOTE, 6, None, OPEN),
    ("Sous-titrage de vidéos de sensibilisation", ["video", "accessibilite"], REMOTE, 8, 30, OPEN),
    ("Audit SEO et plan d'action", ["referencement", "analytics"], REMOTE, 12, 26, OPEN),
    ("Atelier réseaux sociaux pour les bénévoles", ["medias-sociaux"], ON_SITE, 4, 15, OPEN),
    ("Plan de communication pour un festival", ["strategie", "medias-sociaux", "video"], HYBRID, 30, 70, OPEN),
    ("Création d'une page de collecte en ligne", ["collecte", "webmastering"], REMOTE, 10, 21, OPEN),
    ("Segmentation de la base de donateurs", ["emailing", "analytics"], REMOTE, 8, 36, OPEN),
    ("Optimisation des fiches Google Business", ["referencement"], REMOTE, 3, 12, OPEN),
    ("Charte éditoriale du site", ["strategie"], REMOTE, 10, 55, OPEN),
    ("Capsules vidéo pour Instagram", ["video", "medias-sociaux"], HYBRID, 14, 42, OPEN),
    ("Déclaration d'accessibilité et corrections", ["accessibilite", "webmastering"], REMOTE, 16, 48, OPEN),
    ("Mesure d'impact de la campagne d'été", ["analytics", "strategie"], REMOTE, 6, 19, OPEN),
    ("Relance des donateurs inactifs", ["collecte", "emailing"], REMOTE, 7, 27, OPEN),
    ("Référencement local des antennes", ["referencement", "webmastering"], REMOTE, 9, 31, OPEN),
    # A filled mission, a closed one and one past its deadline: still visible, no form.
    ("Nouveau site vitrine", ["webmastering", "strategie"], REMOTE, 40, 10, FILLED),
    ("Reportage photo et vidéo d'un chantier", ["video"], ON_SITE, 12, 5, CLOSED),
    ("Diagnostic des réseaux sociaux", ["medias-sociaux", "analytics"], REMOTE, 5, -3, OPEN),
]

DESCRIPTION = (
    "<p>{association} cherche {wanted} pour : {title_lower}.</p>"
    "<p>Vous travaillerez avec l'équipe salariée et les bénévoles de l'association, au rythme qui vous "
    "convient. L'équipe Webassoc reste tiers de confiance pendant toute la mission.</p>"
    "<h3>Ce que nous attendons</h3><ul><li>Un premier échange en visio pour cadrer le besoin ;</li>"
    "<li>des points réguliers, courts ;</li><li>un livrable simple, documenté, que l'association "
    "pourra faire vivre.</li></ul>"
)

# "cherche …" agrees with the number of volunteers the mission wants (1 to 3 in the demo).
WANTED = {1: "un ou une bénévole", 2: "deux bénévoles", 3: "trois bénévoles"}


def load(stdout=None):
    home = home_page()
    index_page, created = child_page(
        home, MissionIndexPage, "missions",
        title="Missions",
        show_in_menus=True,
        intro=(
            "Les associations ont besoin de vos compétences. Filtrez les appels à compétences par métier, "
            "format ou cause, et proposez votre aide en quelques minutes."
        ),
        search_description="Appels à compétences des associations pour les pros du web bénévoles.",
    )
    if stdout and created:
        stdout.write("  - page des missions")

    associations = []
    for name, cause, city, description in ASSOCIATIONS:
        slug = name.lower().replace(" ", "-").replace("'", "")[:30]
        association, _ = Association.objects.get_or_create(
            name=name,
            defaults={
                "cause": cause, "city": city, "description": description,
                "website": f"https://{slug}.example.org",
                "contact_name": "Contact (fictif)",
                "contact_email": f"contact@{slug}.example.org",
            },
        )
        if association.logo_id is None:
            association.logo = demo_logo(name)
            association.save(update_fields=["logo"])
        associations.append(association)

    skills = {skill.slug: skill for skill in Skill.objects.all()}
    today = timezone.localdate()
    new = 0
    for number, (title, skill_slugs, format_, hours, days_left, status) in enumerate(MISSIONS):
        if Mission.objects.filter(title=title).exists():
            continue
        association = associations[number % len(associations)]
        wanted = 1 + number % 3
        mission = Mission(
            title=title,
            association=association,
            summary=(f"{association.name} ({association.city}) recherche de l'aide : {title[0].lower()}"
                     f"{title[1:]}. Mission {Format(format_).label.lower()}, environ {hours} h."),
            description=DESCRIPTION.format(association=association.name, title_lower=title.lower(),
                                           wanted=WANTED[wanted]),
            format=format_,
            location="" if format_ == REMOTE else association.city,
            effort_hours=hours,
            volunteers_wanted=wanted,
            apply_before=today + datetime.timedelta(days=days_left) if days_left is not None else None,
            status=status,
            contact_name=association.contact_name,
            contact_email=association.contact_email,
        )
        mission.save()
        mission.skills.set([skills[slug] for slug in skill_slugs if slug in skills])
        mission.save()
        mission.save_revision().publish()
        new += 1
    if stdout and new:
        stdout.write(f"  - {new} missions pour {len(associations)} associations")

    if not Application.objects.exists():
        volunteers = [
            ("Camille Martin (fictive)", "camille@example.org", ApplicationStatus.NEW),
            ("Yanis Benali (fictif)", "yanis@example.org", ApplicationStatus.SHORTLISTED),
            ("Léa Dubois (fictive)", "lea@example.org", ApplicationStatus.INTRODUCED),
            ("Hugo Petit (fictif)", "hugo@example.org", ApplicationStatus.DECLINED),
        ]
        missions = list(Mission.objects.filter(live=True, status=OPEN).order_by("pk")[:4])
        now = timezone.now()
        for number, ((name, email, status), mission) in enumerate(zip(volunteers, missions, strict=False)):
            # Received a few days ago, answered (introduced, declined…) a day or two later.
            received = now - datetime.timedelta(days=6 - number, hours=3)
            answered = received + datetime.timedelta(days=1 + number % 2, hours=2)
            application = Application.objects.create(
                mission=mission, name=name, email=email, status=status, consent=True, created_at=received,
                message="Bonjour, j’aurais plaisir à aider votre association sur ce sujet que je connais.",
                availability="Quelques heures par semaine, le soir.",
                portfolio_url="https://www.linkedin.com/in/exemple-fictif",
                matched_at=answered if status == ApplicationStatus.INTRODUCED else None,
                first_answered_at=None if status == ApplicationStatus.NEW else answered,
                decline_reason=DeclineReason.PROFILE if status == ApplicationStatus.DECLINED else "",
            )
            application.skills.set(mission.skill_list()[:1])
            ApplicationStep.objects.create(application=application, status=ApplicationStatus.NEW,
                                           at=application.created_at)
            if status != ApplicationStatus.NEW:
                ApplicationStep.objects.create(application=application, status=status, at=answered,
                                               previous_status=ApplicationStatus.NEW, emailed=True)
            if status == ApplicationStatus.INTRODUCED:
                FollowUpCase.objects.create(
                    application=application, side=Side.ASSOCIATION, urgency=Urgency.MEDIUM,
                    description="Exemple fictif : nous n'arrivons pas à fixer un premier rendez-vous.",
                )
        if stdout:
            stdout.write("  - quelques candidatures")
