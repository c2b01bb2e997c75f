"""Demo content: the mission index page, 12 fictional associations, 30 missions, a few applications."""

import datetime

from django.utils import timezone

from home.demo.pages import child_page, home_page

from .models import (
    Application,
    ApplicationStatus,
    Association,
    Mission,
    MissionFormat,
    MissionIndexPage,
    MissionStatus,
    Skill,
)

ASSOCIATIONS = [
    ("Les Pousses Solidaires", "solidarite", "Lyon", "Jardins partagés et aide alimentaire de quartier."),
    ("Secours des Collines", "humanitaire", "Grenoble", "Aide d'urgence aux familles sinistrées."),
    ("Mer Propre Ensemble", "environnement", "Brest", "Nettoyage des plages et sensibilisation."),
    ("Lire pour Grandir", "solidarite", "Lille", "Soutien scolaire et ateliers de lecture."),
    ("Pharmacie Sans Frontière Fictive", "humanitaire", "Paris", "Médicaments pour les dispensaires isolés."),
    ("Forêts Vivantes", "environnement", "Nancy", "Replantation et protection des forêts locales."),
    ("Toit pour Tous 33", "solidarite", "Bordeaux", "Hébergement d'urgence et accompagnement."),
    ("Eau Claire International", "humanitaire", "Marseille", "Puits et accès à l'eau potable."),
    ("Vélo Partage Solidaire", "environnement", "Nantes", "Ateliers de réparation de vélos."),
    ("Les Petites Mains du Cœur", "solidarite", "Toulouse", "Couture solidaire et insertion."),
    ("Abeilles d'Ici", "environnement", "Rennes", "Protection des pollinisateurs."),
    ("Radio Ouverte", "autre", "Montpellier", "Radio associative et éducation aux médias."),
]

# title, skill slugs, format, hours, days left (None = no deadline), status
MISSIONS = [
    ("Refonte de la stratégie numérique", ["strategie"], "a_distance", 20, 40, "ouverte"),
    ("Audit d'accessibilité du site", ["accessibilite"], "a_distance", 12, 30, "ouverte"),
    ("Mise en place d'un suivi d'audience respectueux", ["analytics"], "a_distance", 8, 25, "ouverte"),
    ("Campagne de collecte de fin d'année", ["collecte", "emailing"], "hybride", 25, 45, "ouverte"),
    ("Lettre d'information mensuelle", ["emailing"], "a_distance", 6, 20, "ouverte"),
    ("Migration du site vers un nouvel hébergeur", ["webmastering"], "a_distance", 15, 35, "ouverte"),
    ("Animation des réseaux sociaux pendant un mois", ["medias-sociaux"], "a_distance", 10, 18, "ouverte"),
    ("Améliorer le référencement des pages d'actions", ["search"], "a_distance", 10, 28, "ouverte"),
    ("Tournage d'une vidéo de présentation", ["video"], "sur_place", 16, 50, "ouverte"),
    ("Formulaire de don accessible", ["accessibilite", "collecte"], "a_distance", 14, 33, "ouverte"),
    ("Tableau de bord des dons", ["analytics", "collecte"], "a_distance", 12, 40, "ouverte"),
    ("Stratégie de contenus pour les réseaux", ["strategie", "medias-sociaux"], "hybride", 18, 60, "ouverte"),
    ("Refonte des modèles d'e-mails", ["emailing", "accessibilite"], "a_distance", 9, 22, "ouverte"),
    ("Maintenance WordPress trimestrielle", ["webmastering"], "a_distance", 6, None, "ouverte"),
    ("Sous-titrage de vidéos de sensibilisation", ["video", "accessibilite"], "a_distance", 8, 30, "ouverte"),
    ("Audit SEO et plan d'action", ["search", "analytics"], "a_distance", 12, 26, "ouverte"),
    ("Atelier réseaux sociaux pour les bénévoles", ["medias-sociaux"], "sur_place", 4, 15, "ouverte"),
    ("Plan de communication pour un festival", ["strategie", "medias-sociaux", "video"], "hybride", 30, 70,
     "ouverte"),
    ("Création d'une page de collecte en ligne", ["collecte", "webmastering"], "a_distance", 10, 21,
     "ouverte"),
    ("Segmentation de la base de donateurs", ["emailing", "analytics"], "a_distance", 8, 36, "ouverte"),
    ("Optimisation des fiches Google Business", ["search"], "a_distance", 3, 12, "ouverte"),
    ("Charte éditoriale du site", ["strategie"], "a_distance", 10, 55, "ouverte"),
    ("Capsules vidéo pour Instagram", ["video", "medias-sociaux"], "hybride", 14, 42, "ouverte"),
    ("Déclaration d'accessibilité et corrections", ["accessibilite", "webmastering"], "a_distance", 16, 48,
     "ouverte"),
    ("Mesure d'impact de la campagne d'été", ["analytics", "strategie"], "a_distance", 6, 19, "ouverte"),
    ("Relance des donateurs inactifs", ["collecte", "emailing"], "a_distance", 7, 27, "ouverte"),
    ("Référencement local des antennes", ["search", "webmastering"], "a_distance", 9, 31, "ouverte"),
    # A filled mission, a closed one and one past its deadline: still visible, no form.
    ("Nouveau site vitrine", ["webmastering", "strategie"], "a_distance", 40, 10, "pourvue"),
    ("Reportage photo et vidéo d'un chantier", ["video"], "sur_place", 12, 5, "cloturee"),
    ("Diagnostic des réseaux sociaux", ["medias-sociaux", "analytics"], "a_distance", 5, -3, "ouverte"),
]

DESCRIPTION = (
    "<p>{association} cherche un ou une bénévole pour : {title_lower}.</p>"
    "<p>Vous travaillerez avec l'équipe salariée et les bénévoles de l'association, au rythme qui vous "
    "convient. L'équipe Webassoc reste tiers de confiance pendant toute la mission.</p>"
    "<h3>Ce que nous attendons</h3><ul><li>Un premier échange en visio pour cadrer le besoin ;</li>"
    "<li>des points réguliers, courts ;</li><li>un livrable simple, documenté, que l'association "
    "pourra faire vivre.</li></ul>"
)


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
        associations.append(association)

    skills = {skill.slug: skill for skill in Skill.objects.all()}
    today = timezone.localdate()
    new = 0
    for number, (title, skill_slugs, format_, hours, days_left, status) in enumerate(MISSIONS):
        if Mission.objects.filter(title=title).exists():
            continue
        association = associations[number % len(associations)]
        mission = Mission(
            title=title,
            association=association,
            summary=(f"{association.name} ({association.city}) recherche de l'aide : {title[0].lower()}"
                     f"{title[1:]}. Mission {MissionFormat(format_).label.lower()}, environ {hours} h."),
            description=DESCRIPTION.format(association=association.name, title_lower=title.lower()),
            format=format_,
            location="" if format_ == "a_distance" else association.city,
            effort_hours=hours,
            volunteers_wanted=1 + number % 3,
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
            ("Camille Martin (fictive)", "camille@example.org", ApplicationStatus.NOUVELLE),
            ("Yanis Benali (fictif)", "yanis@example.org", ApplicationStatus.PRESELECTIONNEE),
            ("Léa Dubois (fictive)", "lea@example.org", ApplicationStatus.MISE_EN_RELATION),
            ("Hugo Petit (fictif)", "hugo@example.org", ApplicationStatus.DECLINEE),
        ]
        missions = list(Mission.objects.filter(live=True, status=MissionStatus.OUVERTE).order_by("pk")[:4])
        for (name, email, status), mission in zip(volunteers, missions, strict=False):
            application = Application.objects.create(
                mission=mission, name=name, email=email, status=status, consent=True,
                message="Bonjour, je serais ravi·e d'aider votre association sur ce sujet que je connais.",
                availability="Quelques heures par semaine, le soir.",
                portfolio_url="https://www.linkedin.com/in/exemple-fictif",
                matched_at=timezone.now() if status == ApplicationStatus.MISE_EN_RELATION else None,
            )
            application.skills.set(mission.skill_list()[:1])
        if stdout:
            stdout.write("  - quelques candidatures")
