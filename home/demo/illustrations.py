"""Flat illustrations of the demo content, drawn with Pillow: one small function per scene.

Every scene is drawn on a 1200 × 800 design grid (scaled to the size asked for) with the colours
of one of the site's palettes. Cards crop to 16:9 and sharing images to 1200 × 630, so what
matters stays between y = 90 and y = 710. The people and things are in drawing.py.
"""

import random

from .drawing import (
    WHITE,
    Colours,
    Pen,
    arm,
    backdrop,
    browser,
    bubble,
    bust,
    heart,
    laptop,
    looks,
    mix,
    mug,
    plant,
    standing,
    text_lines,
)


def workshop(pen, colours, rng):
    """A training session: a trainer beside a slide with a chart, the room seen from the back."""
    backdrop(pen, colours, floor=600)
    pen.rect((300, 95, 880, 430), colours.dark, radius=16)
    pen.rect((318, 113, 862, 412), WHITE, radius=8)
    pen.rect((350, 140, 620, 168), colours.accent, radius=14)
    text_lines(pen, 350, 200, 230, 4, colours.line)
    for number, height in enumerate((90, 140, 115, 185)):  # the slide's bar chart
        pen.rect((640 + number * 52, 380 - height, 676 + number * 52, 380), [colours.second, colours.dark][number % 2],
                 radius=6)
    pen.rect((620, 382, 850, 388), colours.line)
    trainer, *audience = looks(rng, colours, 5)
    standing(pen, 990, 210, 70, trainer)
    arm(pen, (935, 300), (860, 250), 70, trainer)
    plant(pen, 175, 600, 110, colours)
    for number, look in enumerate(audience):  # seen from behind, facing the slide
        bust(pen, 260 + number * 225 + (20 if number % 2 else 0), 520 + (number % 2) * 25, 95, look, back=True)


def video_call(pen, colours, rng):
    """An online session: a laptop whose screen is a grid of faces and a shared document."""
    backdrop(pen, colours, floor=660)
    inner = laptop(pen, (250, 90, 950, 570), colours)
    x0, y0, x1, y1 = inner
    screen = mix(colours.dark, "#000000", 0.3)
    pen.rect(inner, screen)
    width, height = (x1 - x0 - 40) / 3, (y1 - y0 - 80) / 2
    tiles = [colours.soft, mix(colours.accent, WHITE, 0.55), mix(colours.second, WHITE, 0.55),
             mix(colours.second, WHITE, 0.4), colours.mid]
    people = looks(rng, colours, 5)
    for number in range(6):
        tx, ty = x0 + 10 + (number % 3) * (width + 10), y0 + 10 + (number // 3) * (height + 10)
        if number == 4:  # the shared document
            pen.rect((tx, ty, tx + width, ty + height), WHITE, radius=10)
            pen.rect((tx + 20, ty + 20, tx + width * 0.6, ty + 36), colours.accent, radius=8)
            text_lines(pen, tx + 20, ty + 56, width - 40, 4, colours.line, gap=24)
            continue
        look = people[min(number, 4)]
        pen.rect((tx, ty, tx + width, ty + height), tiles[number % len(tiles)], radius=10)
        bust(pen, tx + width / 2, ty + height * 0.2, height * 0.3, look)
        pen.rect((tx, ty + height, tx + width, min(ty + height * 1.5, y1)), screen)  # cut the bust at the tile's edge
        if number == 0:  # the person speaking
            pen.rect((tx, ty, tx + width, ty + height), None, radius=10, outline=colours.accent, width=6)
    bar_y = y1 - 34
    for number, colour in enumerate((WHITE, WHITE, "#d64545")):  # microphone, camera, hang up
        pen.circle((x0 + x1) / 2 + (number - 1) * 60, bar_y, 20, colour)
    plant(pen, 1070, 660, 100, colours)
    mug(pen, 140, 660, colours.accent)


def analytics(pen, colours, rng):
    """A volunteer, seen from behind, at a desk in front of a screen showing charts."""
    backdrop(pen, colours, floor=610)
    pen.rect((120, 560, 1080, 600), mix(colours.dark, WHITE, 0.55), radius=8)  # desk
    pen.rect((590, 470, 650, 565), colours.dark)  # stand
    pen.rect((490, 545, 750, 565), colours.dark, radius=6)
    pen.rect((330, 90, 910, 480), colours.dark, radius=18)
    pen.rect((350, 110, 890, 460), WHITE, radius=8)
    for number, height in enumerate((70, 110, 95, 150, 190)):
        pen.rect((380 + number * 50, 420 - height, 414 + number * 50, 420), colours.second if number < 4 else colours.accent,
                 radius=5)
    curve = [(650, 380), (700, 330), (750, 350), (800, 260), (850, 200)]
    pen.line(curve, colours.accent, 10)
    for point in curve:
        pen.circle(*point, 11, colours.dark)
    pen.pie((650, 130, 740, 220), -90, 150, colours.accent)
    pen.pie((650, 130, 740, 220), 150, 270, colours.second)
    text_lines(pen, 760, 150, 100, 3, colours.line, gap=22)
    person = looks(rng, colours, 1)[0]
    bust(pen, 330, 440, 110, person, back=True)
    plant(pen, 1000, 560, 95, colours)
    mug(pen, 820, 560, colours.accent)


def accessibility(pen, colours, rng):
    """A web page wireframe with big readable text, the contrast and accessibility symbols, a keyboard."""
    backdrop(pen, colours)
    browser(pen, (170, 90, 830, 610), colours)
    pen.text((210, 195), "Aa", colours.dark, 96, anchor="lm")
    pen.rect((370, 165, 770, 195), colours.dark, radius=12)
    text_lines(pen, 370, 215, 330, 2, colours.line, gap=28, thickness=12)
    pen.rect((210, 290, 470, 470), mix(colours.second, WHITE, 0.5), radius=12)  # an image with its alt text
    pen.polygon([(230, 455), (310, 360), (370, 430), (400, 400), (450, 455)], colours.second)
    pen.circle(420, 330, 20, colours.accent)
    pen.rect((226, 480, 330, 508), colours.dark, radius=8)
    pen.text((278, 494), "alt", WHITE, 22)
    text_lines(pen, 500, 300, 280, 5, colours.line, gap=30, thickness=12)
    pen.rect((500, 490, 700, 550), colours.dark, radius=30)  # a button with a visible focus ring
    pen.rect((488, 478, 712, 562), None, radius=38, outline=colours.accent, width=7)
    pen.circle(930, 220, 105, colours.dark)  # the contrast symbol
    pen.pie((825, 115, 1035, 325), 90, 270, WHITE)
    pen.circle(930, 220, 105, None, outline=colours.dark, width=10)
    pen.circle(950, 480, 110, colours.accent)  # the accessibility symbol: a person arms open
    pen.circle(950, 480, 86, None, outline=WHITE, width=10)
    pen.circle(950, 430, 15, WHITE)
    pen.line([(905, 460), (995, 460)], WHITE, 13)
    pen.line([(950, 460), (950, 500)], WHITE, 15)
    pen.line([(925, 540), (950, 500), (975, 540)], WHITE, 13)
    pen.rect((230, 640, 770, 720), colours.dark, radius=16)  # keyboard
    for row in range(2):
        for key in range(11):
            pen.rect((250 + key * 46, 652 + row * 32, 286 + key * 46, 675 + row * 32), mix(colours.dark, WHITE, 0.3),
                     radius=5)


def newsletter(pen, colours, rng):
    """An envelope opening on a newsletter, the same letter read on a phone."""
    backdrop(pen, colours)
    back, front = mix(colours.dark, WHITE, 0.15), colours.dark
    pen.rect((250, 330, 790, 660), back, radius=18)
    pen.polygon([(250, 345), (790, 345), (520, 180)], back)
    pen.rect((300, 100, 740, 560), WHITE, radius=12)  # the letter
    pen.rect((300, 100, 740, 170), colours.accent, radius=12)
    pen.rect((300, 140, 740, 170), colours.accent)
    pen.text((330, 135), "Lettre d’info", colours.dark, 34, anchor="lm")
    pen.rect((330, 195, 480, 300), mix(colours.second, WHITE, 0.45), radius=10)
    text_lines(pen, 500, 200, 210, 4, colours.line, gap=26)
    pen.rect((330, 325, 500, 365), colours.dark, radius=20)
    pen.polygon([(250, 380), (520, 560), (790, 380), (790, 660), (250, 660)], front)  # the pocket
    pen.polygon([(250, 660), (520, 470), (790, 660)], mix(front, WHITE, 0.1))
    pen.rect((250, 640, 790, 660), front, radius=18)
    pen.rect((850, 190, 1060, 620), colours.dark, radius=30)  # the phone
    pen.rect((866, 220, 1044, 590), WHITE, radius=14)
    pen.rect((866, 220, 1044, 268), colours.accent, radius=14)
    pen.rect((866, 250, 1044, 268), colours.accent)
    pen.rect((884, 285, 1026, 360), mix(colours.second, WHITE, 0.45), radius=8)
    text_lines(pen, 884, 380, 140, 5, colours.line, gap=24)
    pen.rect((884, 515, 980, 545), colours.dark, radius=15)
    bubble(pen, (110, 150, 250, 260), colours.second)
    pen.text((180, 203), "@", WHITE, 80)
    pen.circle(1030, 190, 34, "#d64545")  # unread count
    pen.text((1030, 190), "1", WHITE, 40)


def donation(pen, colours, rng):
    """A person beside a big heart and a short donation form with suggested amounts."""
    backdrop(pen, colours)
    heart(pen, 380, 330, 330, colours.accent)
    person = looks(rng, colours, 1)[0]
    if person.shirt == colours.accent:
        person.shirt = colours.dark
    standing(pen, 150, 270, 58, person)
    arm(pen, (195, 355), (250, 290), 58, person)
    for number in range(4):  # a pile of coins
        pen.ellipse((400, 640 - number * 20, 510, 680 - number * 20), "#e0a526", outline="#b57f12", width=4)
    pen.rect((600, 95, 1000, 700), colours.mid, radius=24)  # the form, with a flat shadow
    pen.rect((585, 80, 985, 685), WHITE, radius=24)
    pen.text((625, 135), "Je donne", colours.dark, 44, anchor="lm")
    for number, amount in enumerate(("10", "30", "50")):  # suggested amounts, the middle one chosen
        x = 625 + number * 112
        chosen = number == 1
        pen.rect((x, 180, x + 96, 240), colours.dark if chosen else WHITE, radius=12,
                 outline=colours.dark, width=4)
        pen.text((x + 48, 210), amount, WHITE if chosen else colours.dark, 32)
    for number in range(3):  # name, e-mail, card
        y = 275 + number * 88
        pen.rect((625, y, 945, y + 14), colours.line, radius=7)
        pen.rect((625, y + 26, 945, y + 66), colours.soft, radius=10, outline=colours.line, width=3)
    pen.rect((625, 560, 945, 630), colours.accent, radius=35)
    heart(pen, 785, 598, 40, WHITE)


def local_meeting(pen, colours, rng):
    """A map with a big pin over the city, and the volunteers who meet there."""
    pen.rect((0, 0, 1200, 800), mix(colours.light, "#ffffff", 0.3))
    green = mix(colours.light, "#4f8a5b", 0.35)
    for box in ((60, 70, 330, 260), (820, 90, 1150, 300), (120, 520, 360, 760), (860, 560, 1140, 780)):
        pen.rect(box, green, radius=30)  # parks
    pen.line([(-20, 380), (300, 330), (600, 420), (900, 350), (1220, 420)], mix(colours.light, "#5b9bd5", 0.6), 46)
    for road in ([(0, 180), (1200, 240)], [(0, 600), (1200, 520)], [(420, 0), (520, 800)], [(760, 0), (700, 800)]):
        pen.line(road, WHITE, 26)
    pen.ellipse((520, 560, 680, 610), mix(colours.dark, colours.light, 0.55))  # the pin's shadow
    pen.circle(600, 270, 160, colours.dark)  # the pin
    pen.polygon([(466, 355), (734, 355), (600, 585)], colours.dark)
    pen.circle(600, 270, 72, WHITE)
    pen.circle(600, 270, 34, colours.accent)
    for x, look in zip((200, 350, 850, 1000), looks(rng, colours, 4), strict=True):  # volunteers around the pin
        standing(pen, x, 380 if x in (200, 1000) else 400, 48, look)
    bubble(pen, (110, 230, 250, 310), WHITE)
    text_lines(pen, 135, 255, 90, 2, colours.line, gap=24)
    bubble(pen, (930, 250, 1070, 330), colours.accent, tail_left=False)
    for number in range(3):
        pen.circle(965 + number * 35, 290, 9, WHITE)


def manifesto(pen, colours, rng):
    """A large sheet of five commitments, signed, between people who raise their hands."""
    backdrop(pen, colours)
    pen.rect((410, 85, 800, 680), colours.mid, radius=18)
    pen.rect((395, 70, 785, 665), WHITE, radius=18)
    pen.rect((435, 110, 745, 150), colours.dark, radius=20)
    for number in range(5):  # five commitments, each ticked
        y = 185 + number * 72
        pen.circle(455, y + 12, 20, colours.accent)
        pen.line([(444, y + 12), (452, y + 21), (467, y + 3)], WHITE, 6)
        text_lines(pen, 492, y, 250, 2, colours.line, gap=22, thickness=9)
    pen.line([(450, 600), (480, 570), (500, 610), (530, 565), (555, 605), (590, 580), (640, 592)], colours.dark, 6)
    pen.polygon([(650, 620), (760, 500), (780, 520), (670, 640)], colours.second)  # the pen
    pen.polygon([(650, 620), (670, 640), (640, 652)], colours.dark)
    people = looks(rng, colours, 4)
    for number, (x, top) in enumerate(((170, 300), (300, 360), (900, 330), (1040, 290))):
        look = people[number]
        side = -1 if x < 600 else 1
        standing(pen, x, top, 52, look)
        arm(pen, (x + side * 40, top + 75), (x + side * 70, top - 20), 52, look)
    pen.rect((180, 688, 1020, 714), WHITE, radius=13)  # the counter of signatures, nearly full
    pen.rect((180, 688, 975, 714), colours.accent, radius=13)


def light_website(pen, colours, rng):
    """A phone with a light page, a leaf and a speed gauge pointing to fast: a sober website."""
    backdrop(pen, colours)
    pen.rect((470, 80, 730, 700), colours.dark, radius=36)
    pen.rect((488, 120, 712, 660), WHITE, radius=16)
    pen.rect((585, 96, 615, 104), mix(colours.dark, WHITE, 0.3), radius=4)
    pen.rect((510, 145, 690, 175), colours.dark, radius=14)
    text_lines(pen, 510, 205, 180, 6, colours.line, gap=28)
    pen.rect((510, 390, 690, 470), mix(colours.second, WHITE, 0.55), radius=10)
    text_lines(pen, 510, 500, 180, 3, colours.line, gap=28)
    pen.rect((510, 600, 620, 636), colours.accent, radius=18)
    leaf = "#4f8a5b"  # a leaf on a stem
    pen.polygon([(150, 520), (200, 330), (300, 230), (420, 210), (400, 330), (320, 450), (200, 520)], leaf)
    pen.line([(160, 560), (250, 420), (390, 230)], mix(leaf, "#000000", 0.3), 8)
    pen.pie((820, 230, 1100, 510), 180, 240, "#d64545")  # the gauge: slow, medium, fast
    pen.pie((820, 230, 1100, 510), 240, 300, "#f5c04f")
    pen.pie((820, 230, 1100, 510), 300, 360, "#4f8a5b")
    pen.pie((880, 290, 1040, 450), 180, 360, colours.soft)
    pen.line([(960, 370), (1060, 290)], colours.dark, 14)
    pen.circle(960, 370, 22, colours.dark)
    pen.rect((840, 420, 1080, 520), WHITE, radius=16)
    pen.text((960, 470), "300 ko", colours.dark, 42)


def community(pen, colours, rng):
    """People of every web trade side by side, each with a bubble showing their craft."""
    backdrop(pen, colours, floor=700)
    people = looks(rng, colours, 5)
    crafts = (code_icon, design_icon, search_icon, chart_icon, megaphone_icon)
    for number, (look, craft) in enumerate(zip(people, crafts, strict=True)):
        x = 160 + number * 220
        top = 360 + (30 if number % 2 else 0)
        bust(pen, x, top, 95, look)
        bubble(pen, (x - 75, top - 230, x + 95, top - 70), WHITE if number % 2 else colours.dark)
        craft(pen, x + 10, top - 150, colours, colours.dark if number % 2 else WHITE)


def introduction(pen, colours, rng):
    """A volunteer and someone from an association shake hands, linked by the team (mise en relation)."""
    backdrop(pen, colours)
    pen.rect((130, 500, 430, 520), mix(colours.dark, WHITE, 0.55), radius=6)  # the volunteer's desk
    pen.rect((150, 520, 170, 640), mix(colours.dark, WHITE, 0.55))
    pen.rect((390, 520, 410, 640), mix(colours.dark, WHITE, 0.55))
    screen = laptop(pen, (200, 390, 360, 480), colours)
    pen.rect(screen, WHITE, radius=4)
    text_lines(pen, screen[0] + 12, screen[1] + 12, 90, 2, colours.line, gap=18, thickness=8)
    wall = mix(colours.second, WHITE, 0.35)  # the association's house, a heart on its front
    pen.polygon([(740, 330), (910, 190), (1080, 330)], colours.dark)
    pen.rect((760, 320, 1060, 640), wall)
    pen.rect((880, 520, 940, 640), colours.dark, radius=8)
    for x in (790, 990):
        pen.rect((x, 400, x + 45, 450), WHITE, radius=6)
    heart(pen, 910, 420, 80, colours.accent)
    volunteer, member = looks(rng, colours, 2)
    standing(pen, 490, 250, 60, volunteer)
    standing(pen, 710, 250, 60, member)
    arm(pen, (530, 345), (595, 390), 60, volunteer)
    arm(pen, (670, 345), (605, 390), 60, member)
    bubble(pen, (530, 80, 670, 180), colours.dark)  # the team, a trusted link between them
    pen.rect((552, 112, 612, 148), None, radius=18, outline=WHITE, width=9)
    pen.rect((588, 112, 648, 148), None, radius=18, outline=colours.accent, width=9)


def social_media(pen, colours, rng):
    """A person with a megaphone, and the bubbles of social networks: likes, hashtags, shares."""
    backdrop(pen, colours)
    person = looks(rng, colours, 1)[0]
    if person.shirt == colours.accent:
        person.shirt = colours.dark
    standing(pen, 240, 260, 62, person)
    arm(pen, (280, 350), (315, 330), 62, person)
    pen.polygon([(300, 270), (540, 160), (540, 420), (300, 320)], colours.accent)  # the megaphone, at the mouth
    pen.rect((280, 262, 320, 328), colours.dark, radius=10)
    pen.rect((530, 150, 560, 430), colours.dark, radius=12)
    for number in range(3):  # sound waves
        pen.arc((540 + number * 40, 210 - number * 40, 640 + number * 80, 370 + number * 40), -40, 40,
                colours.dark, 10)
    bubble(pen, (760, 110, 920, 230), colours.accent)
    heart(pen, 840, 175, 70, WHITE)
    bubble(pen, (900, 300, 1060, 420), colours.dark, tail_left=False)
    pen.text((980, 360), "#", WHITE, 80)
    bubble(pen, (760, 480, 920, 600), WHITE)
    for x, y in ((810, 540), (870, 510), (870, 570)):  # the share symbol
        pen.circle(x, y, 14, colours.dark)
    pen.line([(870, 510), (810, 540), (870, 570)], colours.dark, 6)


def code_icon(pen, x, y, colours, ink):
    pen.text((x, y), "</>", ink, 64)


def design_icon(pen, x, y, colours, ink):
    pen.circle(x, y, 48, colours.accent)
    for dx, dy, colour in ((-20, -18, WHITE), (16, -22, colours.dark), (-24, 16, colours.second)):
        pen.circle(x + dx, y + dy, 11, colour)


def search_icon(pen, x, y, colours, ink):
    pen.circle(x - 10, y - 10, 34, None, outline=ink, width=12)
    pen.line([(x + 16, y + 16), (x + 45, y + 45)], ink, 16)


def chart_icon(pen, x, y, colours, ink):
    for number, height in enumerate((40, 65, 95)):
        pen.rect((x - 50 + number * 36, y + 45 - height, x - 24 + number * 36, y + 45), colours.accent, radius=4)


def megaphone_icon(pen, x, y, colours, ink):
    pen.polygon([(x - 45, y - 15), (x + 25, y - 50), (x + 25, y + 50), (x - 45, y + 15)], colours.accent)
    pen.rect((x - 60, y - 18, x - 38, y + 18), ink, radius=5)
    pen.arc((x + 15, y - 35, x + 65, y + 35), -50, 50, ink, 7)


# name: (drawing, index of the palette in images.PALETTES, what it shows: the image's alt text)
SCENES = {
    "formation": (workshop, 0, "Illustration : une personne présente un graphique sur grand écran à un groupe "
                               "vu de dos."),
    "visio": (video_call, 1, "Illustration : un ordinateur portable affiche une réunion en visio, cinq visages "
                             "et un document partagé."),
    "statistiques": (analytics, 5, "Illustration : une personne, de dos, à son bureau devant un écran de "
                                   "graphiques en hausse."),
    "accessibilite": (accessibility, 3, "Illustration : une page web en grands caractères, un bouton bien "
                                        "visible, les symboles du contraste et de l’accessibilité, un clavier."),
    "emailing": (newsletter, 0, "Illustration : une lettre d’information sort de son enveloppe ; la même se lit "
                                "sur un téléphone."),
    "collecte": (donation, 4, "Illustration : une personne à côté d’un grand cœur et un formulaire de don court, "
                              "avec trois montants suggérés."),
    "rencontre": (local_meeting, 2, "Illustration : des bénévoles qui discutent autour d’une épingle posée sur "
                                    "un plan de ville."),
    "manifeste": (manifesto, 1, "Illustration : un manifeste de cinq engagements cochés et signé, entouré de "
                                "personnes qui lèvent la main ; une jauge presque pleine."),
    "sobriete": (light_website, 2, "Illustration : un téléphone affiche une page légère de 300 ko, à côté "
                                   "d’une feuille et d’un compteur de vitesse au vert."),
    "communaute": (community, 3, "Illustration : cinq pros du web côte à côte, chacun avec une bulle de son "
                                 "métier : code, graphisme, référencement, statistiques, réseaux sociaux."),
    "mise_en_relation": (introduction, 5, "Illustration : un bénévole et une personne d’association se serrent "
                                          "la main, entre un ordinateur et la maison de l’association ; une "
                                          "bulle montre un lien."),
    "reseaux": (social_media, 4, "Illustration : une personne parle dans un mégaphone ; des bulles de "
                                 "réseaux sociaux en sortent : un cœur, un mot-dièse, un partage."),
}


def describe(scene):
    """The alt text of a scene's illustration, in French."""
    return SCENES[scene][2]


def draw_scene(picture, scene, palettes, seed):
    """Draw `scene` on `picture` (RGB); the seed only varies the people's looks."""
    drawing, palette, _ = SCENES[scene]
    rng = random.Random(f"{scene}:{seed}")
    colours = Colours(palettes[palette], palettes[(palette + 2) % len(palettes)][2])
    pen = Pen(picture)
    drawing(pen, colours, rng)
