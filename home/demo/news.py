"""The news index and eight articles (fictional), each with a generated illustration and tags."""

import datetime

from django.utils import timezone
from django.utils.html import strip_tags

from home.models import ManifestoPage, NewsIndexPage, NewsPage

from .illustrations import describe
from .images import demo_image
from .pages import bullet_list, call_to_action, child_page, heading, home_page, image_block, paragraph, quote

# An article's body: strings are paragraphs (consecutive ones share a block), ("h", text) a heading,
# ("ul", [items]) a list, ("quote", text, who) a quote, IMAGE its illustration (with its caption),
# CTA the call to sign the manifesto.
IMAGE, CTA = "image", "cta"

ARTICLES = [
    {
        "slug": "lancement-du-manifeste-des-1000",
        "scene": "manifeste",  # the illustration (home/demo/illustrations.py)
        "caption": "Le manifeste tient en cinq engagements, à lire en deux minutes.",
        "title": "Nous lançons le Manifeste des 1000",
        "days_ago": 3,
        "author": "Jeanne Morel",
        "tags": ["Manifeste", "Communauté"],
        "intro": "Mille pros du web pour un web accessible, sobre et solidaire : le manifeste est en ligne, "
                 "et chacun peut le signer en deux minutes.",
        "body": [
            "Depuis des années, des développeuses, des designers, des rédacteurs, des spécialistes du "
            "référencement ou de l'accessibilité donnent quelques heures de leur temps à des associations "
            "humanitaires, de solidarité et d'environnement. Ils le font discrètement, souvent le soir, entre deux "
            "projets. Le Manifeste des 1000 met enfin des mots sur ce qui nous rassemble.",
            IMAGE,
            ("h", "Pourquoi un manifeste ?"),
            "Webassoc n'a ni compte en banque ni budget : tout repose sur l'envie d'agir de ses membres. Ce "
            "fonctionnement, que nous appelons le bénévolat complet, libère une énergie étonnante, mais il a un "
            "revers : nous sommes peu visibles. Beaucoup de professionnels du web aimeraient aider une association "
            "sans savoir par où commencer, ni si leurs compétences seront utiles.",
            "Le manifeste répond à ces deux questions. Il dit pourquoi les associations méritent le meilleur du "
            "web, et ce que nous nous engageons à leur apporter. C'est aussi un appel : à mille, nous pèserons "
            "davantage pour convaincre agences, écoles et entreprises de libérer un peu du temps de leurs équipes.",
            ("h", "Un texte écrit à plusieurs mains"),
            "Le texte est né au fil de trois soirées en visio, l'hiver dernier. Une vingtaine de bénévoles de tous "
            "les métiers y ont participé, et chaque mot a été discuté, parfois longuement. Nous avons retenu cinq "
            "engagements :",
            ("ul", [
                "donner un peu de notre temps, au rythme de nos contraintes",
                "construire un web accessible, qui n'exclut personne",
                "choisir la sobriété : des pages légères et des données limitées au nécessaire",
                "transmettre plutôt que faire à la place, pour que les associations gagnent en autonomie",
                "respecter l'engagement de chacun, avec Webassoc comme tiers de confiance",
            ]),
            "Le texte complet se lit en deux minutes. Il ne parle ni de technologies ni d'outils, mais de ce que "
            "nous voulons faire ensemble, et de la manière de le faire : avec respect, clarté et bonne humeur.",
            ("quote", "Nous misons sur ce qu'il y a de beau en chacun de nous, et sur la joie de faire ensemble.",
             "Nadia Belkacem, bénévole depuis les débuts de Webassoc"),
            ("h", "Signer, et après ?"),
            "Signer ne vous engage à aucune mission. C'est affirmer que le web peut servir l'intérêt général, et "
            "nous aider à le faire savoir. Chaque signature est confirmée par un e-mail, puis affichée dans la "
            "liste publique si vous l'acceptez ; vous pouvez aussi signer sans y apparaître.",
            "Si l'envie vous vient d'aller plus loin, les appels à compétences sont ouverts à tous : certaines "
            "missions ne demandent que quelques heures, d'autres s'étalent sur plusieurs semaines. Vous pouvez "
            "aussi recevoir par e-mail les nouvelles missions qui correspondent à vos compétences.",
            "Et si vous hésitez encore, faites circuler le manifeste autour de vous : c'est déjà aider. Les moins "
            "rapides d'entre nous mettront deux minutes à le lire.",
            CTA,
        ],
    },
    {
        "slug": "bilan-annuel-2000-associations",
        "scene": "statistiques",
        "caption": "Les sujets les plus demandés cette année : accessibilité, collecte, données personnelles.",
        "title": "2 000 associations accompagnées cette année",
        "days_ago": 12,
        "author": "Équipe Webassoc",
        "tags": ["Bilan", "Associations"],
        "intro": "Formations, missions, mises en relation : retour en chiffres sur une année de bénévolat "
                 "complet, sans budget mais pas sans énergie.",
        "body": [
            "Chaque année, nous prenons le temps de regarder en arrière. Cette fois encore, les chiffres nous ont "
            "surpris : près de 2 000 associations et ONG ont suivi une formation, reçu l'aide d'un ou d'une "
            "bénévole, ou les deux. Tout cela sans un euro de budget, grâce à plus de 1 400 professionnels du web "
            "qui donnent un peu de leur temps.",
            IMAGE,
            ("h", "L'année en quelques chiffres"),
            ("ul", [
                "près de 2 000 associations accompagnées, dont une majorité de petites structures sans salarié",
                "plus de 300 appels à compétences publiés, dont quatre sur cinq pourvus en moins d'un mois",
                "une centaine de sessions de formation, dont la moitié en ligne, le soir",
                "des bénévoles dans plus de soixante départements, et quelques-uns à l'étranger",
            ]),
            ("h", "Des besoins plus pointus"),
            "Il y a cinq ans, nos formations générales sur les grands leviers du web (moteurs de recherche, réseaux "
            "sociaux, e-mail) affichaient complet. Ces bases sont aujourd'hui mieux maîtrisées, et les demandes se "
            "font plus précises : rendre un formulaire de don accessible, quitter un outil de mesure qui piste les "
            "visiteurs, segmenter une base de donateurs.",
            "Accessibilité, collecte en ligne et protection des données personnelles arrivent en tête des sujets "
            "demandés cette année. C'est une bonne nouvelle : les associations ne veulent plus seulement être "
            "présentes en ligne, elles veulent bien faire.",
            ("h", "Des missions courtes, et d'autres au long cours"),
            "Les missions de moins de dix heures représentent plus de la moitié des mises en relation : un audit, "
            "une correction, un coup de pouce ponctuel. Elles permettent à des bénévoles très occupés de s'engager "
            "sans crainte. Les missions de plusieurs semaines se multiplient pourtant aussi : refonte d'une "
            "stratégie, campagne de collecte, accompagnement d'une équipe sur toute une saison.",
            "Côté formations, les sessions en ligne du soir ont attiré de nombreuses petites associations dont les "
            "bénévoles travaillent en journée. Nous en proposerons davantage l'an prochain.",
            ("quote", "Ce qui me frappe, c'est que les associations reviennent : d'abord pour une formation, puis pour "
             "une mission, puis pour nous présenter une autre association.",
             "Karim Benali, développeur web et formateur bénévole"),
            ("h", "Ce que nous voulons améliorer"),
            "Tout n'est pas parfait. Certaines candidatures attendent trop longtemps une réponse, et quelques "
            "missions s'essoufflent après la mise en relation. L'an prochain, nous voulons mieux suivre chaque "
            "mission, avec un point d'étape quelques semaines après la rencontre, pour que personne ne reste sans "
            "nouvelles.",
            "Nous voulons aussi mieux accueillir les nouveaux bénévoles : un guide de première mission, des binômes "
            "avec des bénévoles expérimentés, et des rencontres plus fréquentes, en ligne comme dans plusieurs villes.",
            "Merci à toutes celles et ceux qui ont rendu cette année possible. Et si vous n'avez pas encore franchi "
            "le pas, les appels à compétences vous attendent.",
        ],
    },
    {
        "slug": "accessibilite-premiers-pas",
        "scene": "accessibilite",
        "caption": "Un test au clavier suffit souvent à révéler les premiers obstacles.",
        "title": "Accessibilité : cinq premiers pas pour un site associatif",
        "days_ago": 20,
        "author": "Inès Moreau",
        "tags": ["Accessibilité", "Conseils"],
        "intro": "Clavier, contrastes, textes alternatifs, titres, formulaires : cinq vérifications simples "
                 "que toute équipe peut faire en une après-midi.",
        "body": [
            "Un site accessible est utilisable par tout le monde : personnes aveugles ou malvoyantes, sourdes, qui "
            "ont du mal à se servir d'une souris, ou simplement pressées, sur un petit téléphone, en plein soleil. "
            "Pour une association, c'est aussi une question de cohérence : on ne peut pas défendre l'inclusion et "
            "publier un site qui exclut.",
            "Un audit complet selon le RGAA demande des compétences et du temps. Mais cinq vérifications à la "
            "portée de n'importe quelle équipe permettent déjà de repérer les obstacles les plus fréquents.",
            IMAGE,
            ("h", "1. Naviguez au clavier"),
            "Posez la souris et parcourez votre site avec la touche Tab. Voyez-vous toujours où vous êtes ? "
            "Pouvez-vous ouvrir le menu, remplir le formulaire de contact, faire un don ? Si vous restez bloqué, "
            "des visiteurs le sont aussi, tous les jours.",
            "Vérifiez aussi qu'un lien d'évitement permet d'aller directement au contenu, sans traverser tout le "
            "menu à chaque page.",
            ("h", "2. Vérifiez les contrastes"),
            "Un texte gris clair sur fond blanc gêne bien plus de monde qu'on ne le croit. Des outils gratuits "
            "mesurent le contraste entre deux couleurs : visez au moins 4,5 pour 1 pour le texte courant, et "
            "méfiez-vous des textes posés sur une photo.",
            ("h", "3. Donnez un sens à vos images"),
            "Chaque image qui porte une information a besoin d'un texte alternatif qui dit ce qu'elle apporte, pas "
            "ce qu'elle montre dans le moindre détail. Une photo décorative, elle, doit être ignorée des lecteurs "
            "d'écran : laissez son texte alternatif vide.",
            "Pour un graphique, résumez en une phrase ce qu'il montre, ou donnez les chiffres dans le texte.",
            ("h", "4. Structurez avec des titres"),
            "Les personnes qui utilisent un lecteur d'écran parcourent d'abord une page par ses titres. Une page a "
            "un seul titre principal, puis des sous-titres dans l'ordre, sans sauter de niveau pour une simple "
            "question de taille de texte.",
            ("h", "5. Soignez vos formulaires"),
            "Chaque champ doit avoir une étiquette visible, et chaque erreur doit dire clairement quoi corriger. "
            "« Champ invalide » n'aide personne ; « Saisissez une adresse e-mail complète, comme nom@domaine.fr » "
            "aide tout le monde.",
            ("h", "Et ensuite ?"),
            "Publiez une déclaration d'accessibilité honnête : elle dit ce qui fonctionne, ce qui reste à faire et "
            "comment vous joindre en cas de difficulté. Puis faites-vous aider : nos bénévoles spécialistes "
            "réalisent des audits, et la formation « Accessibilité numérique : les bases » vous apprend à corriger "
            "vous-même les problèmes les plus simples.",
            "Pensez enfin à vos documents : un rapport d'activité en PDF scanné est illisible pour un lecteur "
            "d'écran. Publiez l'essentiel directement en page web, ou proposez une version texte.",
            ("quote", "On ne rend pas un site accessible en un jour. Mais chaque correction ouvre la porte à quelqu'un.",
             "Inès Moreau, experte en accessibilité et formatrice bénévole"),
        ],
    },
    {
        "slug": "sobriete-numerique-sites-legers",
        "scene": "sobriete",
        "caption": "Une page d’accueil de 300 ko se charge en moins d’une seconde, même en 4G faible.",
        "title": "Sobriété numérique : des sites plus légers, pour tout le monde",
        "days_ago": 34,
        "author": "Hugo Lemaire",
        "tags": ["Sobriété", "Conseils"],
        "intro": "Moins de poids, moins de scripts, moins de données : un site sobre se charge vite, même "
                 "avec une connexion modeste, et consomme moins.",
        "body": [
            "Une page d'accueil pèse aujourd'hui couramment plus de deux mégaoctets. Sur une connexion modeste, "
            "dans une zone rurale ou avec un forfait presque épuisé, elle met de longues secondes à s'afficher. Or "
            "ce sont souvent ces visiteurs-là que les associations veulent atteindre : personnes en situation de "
            "précarité, familles loin des centres-villes, partenaires à l'autre bout du monde.",
            "Un site sobre se charge vite, coûte moins cher à héberger et consomme moins d'énergie. Bonne "
            "nouvelle : pour un site associatif, l'essentiel du chemin se fait en quelques heures.",
            "Et un site léger est souvent plus simple, donc plus facile à entretenir par une équipe bénévole.",
            IMAGE,
            ("h", "Commencez par les images"),
            "Les images représentent souvent plus de la moitié du poids d'une page. Redimensionnez-les à la taille "
            "à laquelle elles sont affichées, puis compressez-les : un outil gratuit comme Squoosh divise leur "
            "poids par trois ou quatre sans perte visible. Les formats WebP et AVIF font encore mieux.",
            "Pour les photos de vos actions, une largeur de 1 200 pixels suffit presque toujours.",
            ("h", "Faites le tri dans ce qui s'ajoute"),
            ("ul", [
                "supprimez les carrousels et les vidéos en lecture automatique : ils pèsent lourd et sont rarement "
                "regardés",
                "hébergez vos polices vous-même, ou utilisez celles du système : c'est plus rapide, et cela évite "
                "d'envoyer les données de vos visiteurs à un tiers",
                "faites l'inventaire des extensions et des scripts tiers (boutons de partage, widgets, outils de "
                "suivi) et ne gardez que ceux qui servent vraiment",
                "remplacez une carte interactive par une image et un lien vers un service de cartographie",
            ]),
            ("h", "Mesurez avant et après"),
            "EcoIndex ou les outils de développement de votre navigateur indiquent le poids d'une page et le nombre "
            "de requêtes qu'elle envoie. Notez les chiffres avant vos changements, puis après : c'est motivant, et "
            "cela se raconte bien dans un rapport d'activité.",
            ("quote", "Sur le site d'une association d'aide alimentaire, la page d'accueil est passée de 3,2 Mo à "
             "400 ko. Les bénévoles qui consultent le planning sur leur téléphone l'ont remarqué tout de suite.",
             "Mathilde Caron, intégratrice web et bénévole"),
            ("h", "Pensez aussi à l'hébergement"),
            "Un hébergeur qui alimente ses serveurs en énergie renouvelable et les fait durer longtemps réduit encore "
            "l'empreinte de votre site. Plusieurs hébergeurs associatifs ou coopératifs proposent des offres "
            "adaptées aux petites structures. Enfin, un site plus léger tient souvent dans l'offre la moins chère : "
            "la sobriété fait aussi faire des économies.",
            ("h", "Un audit express, offert"),
            "Nos bénévoles proposent des audits de sobriété express : une heure d'analyse, puis une liste de "
            "corrections simples, classées par priorité. Décrivez votre besoin avec le formulaire « Proposer une "
            "mission » : nous publierons un appel à compétences et vous mettrons en relation avec un ou une "
            "bénévole.",
        ],
    },
    {
        "slug": "formation-emailing-associations",
        "scene": "emailing",
        "caption": "Une lettre d’information réussie se lit en une minute sur un téléphone.",
        "title": "Nouvelle formation : l'e-mailing pour les associations",
        "days_ago": 47,
        "author": "Équipe formations",
        "tags": ["Formations", "Associations"],
        "intro": "Une demi-journée pour construire une lettre d'information utile, lisible et conforme au "
                 "RGPD, animée par des pros bénévoles.",
        "body": [
            "La lettre d'information reste l'un des moyens les plus efficaces de garder le lien avec ses adhérents, "
            "ses bénévoles et ses donateurs. Elle ne dépend d'aucun algorithme, arrive directement chez les "
            "personnes qui l'ont demandée, et coûte peu. Encore faut-il qu'elle soit ouverte, lue, et qu'elle donne "
            "envie d'agir.",
            "C'est tout l'objet de notre nouvelle formation, conçue avec des bénévoles qui envoient des campagnes "
            "e-mail toute l'année, en agence ou chez l'annonceur.",
            ("h", "Ce que nous rencontrons souvent"),
            "Dans nos missions, les mêmes difficultés reviennent : des listes de contacts héritées d'un ancien "
            "tableur, sans trace du consentement ; des lettres conçues pour un écran d'ordinateur, illisibles sur "
            "téléphone ; des envois irréguliers, faute de temps, qui finissent par lasser. Et souvent, une seule "
            "personne sait se servir de l'outil d'envoi, jusqu'au jour où elle s'en va.",
            "La formation répond à ces situations une à une, avec des solutions à la portée d'une petite équipe.",
            IMAGE,
            ("h", "Au programme"),
            ("ul", [
                "construire et entretenir sa liste de contacts dans le respect du RGPD : consentement, "
                "désinscription, durée de conservation",
                "écrire un objet qui donne envie d'ouvrir, sans promesse trompeuse",
                "composer une lettre qui se lit en une minute sur un téléphone",
                "rendre ses e-mails accessibles : textes alternatifs, contrastes, version texte",
                "lire ses statistiques sans pister ses lecteurs, et savoir ce qui compte vraiment",
                "organiser les envois dans la durée : un calendrier simple, des rubriques fixes, plusieurs "
                "personnes capables d'envoyer",
            ]),
            ("h", "Une formation pratique"),
            "La formation alterne courts apports et exercices sur vos propres envois : venez avec votre dernière "
            "lettre d'information, ou avec le projet de la première. Les cas étudiés viennent de vraies "
            "associations, petites et grandes, qui ont accepté de partager leurs réussites comme leurs ratés.",
            "Vous repartez avec un modèle de lettre accessible, une liste de vérifications avant chaque envoi et des "
            "repères pour lire vos chiffres sans vous y noyer.",
            ("quote", "La meilleure lettre d'information est celle qu'on attend : elle donne des nouvelles, elle "
             "remercie, et elle demande peu.",
             "Claire Dumont, responsable de collecte en ligne et formatrice bénévole"),
            ("h", "Pour qui, et quand ?"),
            "La formation s'adresse aux équipes salariées comme bénévoles des associations, sans prérequis "
            "technique : savoir envoyer un e-mail suffit. Comme toutes nos formations, elle est gratuite. Les "
            "premières dates seront publiées dans le catalogue des formations dans les prochaines semaines, en "
            "ligne et dans plusieurs villes.",
            "Pour être prévenu de l'ouverture des inscriptions, suivez nos actualités : nous annoncerons les dates "
            "ici.",
            "En attendant, la formation « Réussir sa collecte en ligne » aborde déjà les e-mails d'appel au don, et "
            "nos bénévoles peuvent vous aider sur un besoin précis : refonte d'un modèle, segmentation d'une base, "
            "relance de donateurs.",
        ],
    },
    {
        "slug": "portrait-benevole-seo",
        "scene": "visio",
        "caption": "Deux visios et un document partagé : la mission a tenu en huit heures.",
        "title": "Portrait : quelques heures de SEO qui changent tout",
        "days_ago": 61,
        "author": "Camille Roussel",
        "tags": ["Communauté", "Portrait"],
        "intro": "Consultant en référencement à Lyon, Louis a aidé une association d'aide alimentaire à doubler "
                 "ses visites en trois mois, en huit heures de bénévolat.",
        "body": [
            "Louis a quarante ans, un métier prenant et deux enfants. Quand il a entendu parler de Webassoc, il "
            "s'est dit ce que beaucoup se disent : « Le projet est sympa, mais je ne trouverai jamais le temps. » "
            "Puis il a vu passer un appel à compétences de trois lignes : une association d'aide alimentaire de "
            "la banlieue lyonnaise cherchait quelqu'un pour comprendre pourquoi son site n'attirait personne.",
            "« C'était exactement mon métier, et cela semblait tenir en quelques heures. Je me suis dit : "
            "essayons. »",
            IMAGE,
            ("h", "Deux visios et un document partagé"),
            "Le premier rendez-vous, en visio, a duré une heure. La responsable de l'association a présenté ses "
            "actions : distributions, épicerie solidaire, ateliers cuisine. Louis a ensuite passé une soirée à "
            "analyser le site. Le diagnostic était simple : les pages d'actions n'avaient ni titre clair ni "
            "description, les horaires de distribution ne figuraient que sur une affiche scannée, et la fiche "
            "d'établissement indiquait une ancienne adresse.",
            "Entre les deux, quelques échanges par e-mail ont suffi à préciser les priorités.",
            "Au second rendez-vous, il a présenté une liste de corrections classées par priorité, puis a montré à "
            "deux bénévoles comment écrire un bon titre et une bonne description. Le tout tient dans un document "
            "partagé, que l'équipe complète encore aujourd'hui.",
            ("h", "Des résultats qui tiennent"),
            "Trois mois plus tard, les visites venues des moteurs de recherche avaient doublé. Surtout, de "
            "nouvelles familles arrivaient aux distributions en disant avoir trouvé les horaires en ligne, et deux "
            "bénévoles ont rejoint l'association après avoir lu la page qui leur est consacrée.",
            "Ce sont les deux bénévoles formées qui publient aujourd'hui les nouvelles pages. Louis n'y touche "
            "plus : « C'est ça, la réussite. Si l'association a encore besoin de moi dans un an, c'est que je m'y "
            "suis mal pris. »",
            "L'association a gardé le réflexe : chaque nouvelle page passe par la liste de vérifications de Louis "
            "avant d'être publiée.",
            ("quote", "C'est un peu comme aider quelqu'un de son entourage : on rend service avec ce qu'on sait faire, "
             "et on reçoit beaucoup en retour.", "Louis, consultant en référencement"),
            ("h", "Et après ?"),
            "Depuis, Louis a mené deux autres missions, toujours courtes, toujours à distance. Il relit aussi les "
            "audits de référencement de bénévoles qui débutent. Il avoue une frustration : ne pas pouvoir en faire "
            "davantage. « Il faut accepter de ne pas tout régler. Une mission bien délimitée, c'est aussi ce qui "
            "permet de la mener au bout. »",
            "Il est aussi venu à la rencontre des bénévoles lyonnais, pour raconter sa mission aux nouveaux venus.",
            "Vous avez quelques heures et une compétence à partager ? Parcourez les appels à compétences, ou "
            "inscrivez-vous aux alertes pour recevoir les missions qui vous correspondent.",
        ],
    },
    {
        "slug": "rencontre-benevoles-lyon",
        "scene": "rencontre",
        "caption": "Une quarantaine de bénévoles réunis dans un tiers-lieu du 7e arrondissement.",
        "title": "Rencontre des bénévoles à Lyon",
        "days_ago": 75,
        "author": "Équipe Webassoc",
        "tags": ["Communauté", "Événements"],
        "intro": "Une soirée pour se rencontrer, partager ses missions et accueillir les nouveaux bénévoles "
                 "de la région lyonnaise.",
        "body": [
            "Nos missions se déroulent presque toutes à distance. C'est ce qui les rend possibles pour des "
            "bénévoles très occupés, mais cela a un prix : beaucoup d'entre nous ne se sont jamais vus. Alors, un "
            "jeudi soir de la fin de l'été, une quarantaine de pros du web se sont retrouvés dans un tiers-lieu du "
            "7e arrondissement de Lyon.",
            "Au menu : des récits, des questions, et un buffet préparé par une association d'insertion du quartier.",
            IMAGE,
            ("h", "Trois retours de mission en dix minutes"),
            "La soirée a commencé par trois récits courts. Une développeuse a raconté la migration du site d'une "
            "association de jardins partagés, menée un samedi matin, café à la main. Un vidéaste a montré le film "
            "tourné pour un atelier de réparation de vélos. Une experte en accessibilité a expliqué comment un "
            "simple test au clavier avait révélé qu'aucun don n'était possible sans souris sur le site d'une "
            "association d'insertion.",
            "Point commun des trois récits : des missions courtes, bien délimitées, et des associations qui ont "
            "continué seules ensuite.",
            "Le vidéaste a résumé ce qui le pousse à continuer : voir son film projeté à l'assemblée générale de "
            "l'atelier, devant les personnes qu'il avait filmées.",
            ("h", "Des tables par métier"),
            "Place ensuite aux échanges, autour de tables thématiques : accessibilité, référencement, réseaux "
            "sociaux, données, vidéo. Les nouveaux venus ont pu poser toutes leurs questions :",
            ("ul", [
                "Combien de temps prend vraiment une mission ?",
                "Que faire si l'association ne répond plus ?",
                "Peut-on se lancer sans être expert ou experte de son domaine ?",
                "Comment éviter de devenir le prestataire gratuit de l'association ?",
            ]),
            "Les réponses sont souvent venues des bénévoles eux-mêmes. Sur la dernière question, tout le monde "
            "s'est accordé : l'équipe de Webassoc reste tiers de confiance pendant la mission, et le transfert de "
            "compétences compte plus que la réalisation.",
            ("h", "Des associations présentes"),
            "Plusieurs associations lyonnaises avaient fait le déplacement pour décrire leurs besoins en direct. "
            "Deux appels à compétences sont nés le soir même : la refonte de la stratégie numérique d'un réseau de "
            "jardins partagés, et le bilan de sa campagne d'été.",
            "D'autres associations sont reparties avec des conseils pour décrire leur besoin : un bon appel à "
            "compétences tient en quelques lignes, mais ces lignes comptent.",
            ("quote", "J'étais venue en me disant que je n'aurais pas le temps. Je suis repartie avec une mission de "
             "six heures.", "Aurélie, UX designer, nouvelle bénévole"),
            ("h", "Et ailleurs ?"),
            "D'autres rencontres suivront à Nantes et à Lille. Pour celles et ceux qui vivent loin des grandes "
            "villes, nous préparons aussi des rencontres en ligne, un soir par trimestre. Les dates seront "
            "annoncées ici.",
            "Merci au tiers-lieu qui nous a accueillis gratuitement, et aux bénévoles qui ont préparé la soirée, "
            "jusqu'au rangement des chaises.",
        ],
    },
    {
        "slug": "collecte-en-ligne-bonnes-pratiques",
        "scene": "collecte",
        "caption": "Un formulaire de don en une seule page, lisible sur téléphone.",
        "title": "Collecte en ligne : les bonnes pratiques qui rassurent les donateurs",
        "days_ago": 90,
        "author": "Claire Dumont",
        "tags": ["Collecte", "Conseils", "Associations"],
        "intro": "Un formulaire de don court, clair et accessible inspire confiance : nos conseils pour "
                 "le concevoir.",
        "body": [
            "Une personne qui arrive sur votre page de don a déjà fait le plus dur : elle a décidé de donner. "
            "Votre travail consiste à ne pas la perdre en route. Or chaque champ superflu, chaque étape inutile, "
            "chaque doute sur la sécurité du paiement fait fuir des donateurs. Voici ce que nous observons, "
            "mission après mission.",
            IMAGE,
            ("h", "Demandez le strict nécessaire"),
            "Pour un don ponctuel, il faut un montant, un nom, une adresse e-mail, et une adresse postale si vous "
            "délivrez un reçu fiscal. Le reste (date de naissance, téléphone, « comment nous avez-vous connus ? ») "
            "peut attendre, ou disparaître. Expliquez en une phrase ce que vous faites de ces données, et combien "
            "de temps vous les gardez.",
            "Si vous proposez le don mensuel, mettez-le en avant sans l'imposer : c'est la ressource la plus "
            "précieuse pour une association, car elle permet de prévoir.",
            ("h", "Rendez le don concret"),
            "Proposez trois ou quatre montants suggérés, avec ce qu'ils permettent : « 30 € financent un kit "
            "d'hygiène pour une famille ». Les donateurs aiment savoir à quoi sert leur argent. Affichez aussi le "
            "coût réel après réduction d'impôt : pour une association d'intérêt général, un don de 100 € ne coûte "
            "souvent que 34 € à un particulier imposable.",
            ("h", "Inspirez confiance"),
            ("ul", [
                "gardez la page de don sur votre site, ou expliquez clairement pourquoi elle n'y est pas",
                "affichez les moyens de paiement acceptés et le nom de la plateforme",
                "montrez d'où vient l'argent et où il va : un lien vers votre rapport financier suffit",
                "donnez un contact réel, avec un nom, pour les questions",
            ]),
            ("h", "Testez sur téléphone et au clavier"),
            "C'est sur téléphone que se perdent le plus de dons : champs trop petits, pas de clavier numérique pour "
            "le montant, bouton de validation caché sous le pied de page. Faites le test vous-même, puis demandez à "
            "une personne de votre entourage de donner sans votre aide. Vérifiez aussi que le formulaire se "
            "remplit entièrement au clavier et que les erreurs sont annoncées clairement : un formulaire "
            "accessible convertit mieux, pour tout le monde.",
            ("h", "Et après le don"),
            "Envoyez un reçu clair et un vrai remerciement, signé par une personne, dans les minutes qui suivent. "
            "Puis donnez des nouvelles des actions financées quelques semaines plus tard. C'est la meilleure façon "
            "de fidéliser : un donateur remercié et informé donne à nouveau bien plus souvent.",
            "Pensez enfin au reçu fiscal des dons mensuels : un seul document, envoyé en début d'année, évite bien "
            "des questions.",
            ("quote", "Nous avons supprimé quatre champs et ajouté une phrase sur l'usage des dons. Les abandons en "
             "cours de formulaire ont baissé de moitié.",
             "Nathalie, coordinatrice d'un atelier de couture solidaire à Toulouse"),
        ],
    },
]

# Authors of the first demo's articles, all thin (about 200 words): an article still by one of
# them and still short is rewritten with its new text.
OLD_AUTHORS = {"Jeanne Exemple", "Inès Exemple", "Hugo Exemple", "Camille Exemple", "Sarah Exemple",
               "Équipe Webassoc", "Équipe formations"}
OLD_ARTICLE_WORDS = 300


def body(article, image, manifesto):
    blocks, paragraphs = [], []
    for item in [*article["body"], None]:
        if isinstance(item, str) and item not in (IMAGE, CTA):
            paragraphs.append(f"<p>{item}</p>")
            continue
        if paragraphs:
            blocks.append(paragraph("".join(paragraphs)))
            paragraphs = []
        if item == IMAGE:
            blocks.append(image_block(image, article["caption"]))
        elif item == CTA:
            if manifesto is not None:
                blocks.append(call_to_action(
                    "Signez le manifeste", "Deux minutes pour rejoindre les 1 000.", manifesto, "Lire et signer",
                ))
        elif item is not None and item[0] == "h":
            blocks.append(heading(item[1]))
        elif item is not None and item[0] == "ul":
            blocks.append(paragraph(bullet_list(item[1])))
        elif item is not None and item[0] == "quote":
            blocks.append(quote(item[1], item[2]))
    return blocks


def word_count(page):
    """Words of an article's text (paragraphs, lists, headings, quotes)."""
    words = 0
    for block in page.body.raw_data:
        value = block["value"]
        if block["type"] == "paragraph":
            text = strip_tags(value)
        elif block["type"] == "heading":
            text = value["text"]
        elif block["type"] == "quote":
            text = value["quote"]
        else:
            continue
        words += len(text.split())
    return words


def rewrite_thin_article(page, article, manifesto):
    """An article of the first demo, untouched since: its full text and its author."""
    if page.author not in OLD_AUTHORS or word_count(page) >= OLD_ARTICLE_WORDS or page.listing_image is None:
        return False
    page.author = article["author"]
    page.intro = article["intro"]
    page.body = body(article, page.listing_image, manifesto)
    page.save_revision().publish()
    return True


def load(stdout=None):
    home = home_page()
    index, _ = child_page(
        home, NewsIndexPage, "actualites",
        title="Actualités",
        show_in_menus=True,
        intro="Les nouvelles de la communauté : missions réussies, formations, conseils et rencontres.",
        search_description="Les actualités de Webassoc, le web solidaire et bénévole.",
    )
    manifesto = ManifestoPage.objects.live().first()
    created = 0
    today = timezone.localdate()
    rewritten = 0
    for number, article in enumerate(ARTICLES):
        existing = index.get_children().filter(slug=article["slug"]).first()
        if existing is not None:
            rewritten += rewrite_thin_article(existing.specific, article, manifesto)
            continue
        image = demo_image(
            f"Actualité : {article['title']}",
            describe(article["scene"]),
            seed=f"news-{number}",
            scene=article["scene"],
        )
        page = NewsPage(
            slug=article["slug"],
            title=article["title"],
            date=today - datetime.timedelta(days=article["days_ago"]),
            author=article["author"],
            intro=article["intro"],
            listing_image=image,
            body=body(article, image, manifesto),
        )
        page.tags.add(*article["tags"])
        index.add_child(instance=page)
        page.save_revision().publish()
        created += 1
    if stdout:
        stdout.write(f"  actualités : {index.get_children().count()} articles ({created} ajoutés, {rewritten} réécrits)")
