"""What the demo's flat illustrations are made of: a pen on a 1200 × 800 design grid, colours,
geometric people (a head circle, a rounded body, no face) and the things around them.

The scenes themselves are in illustrations.py."""

import functools

from PIL import ImageDraw, ImageFont

WHITE = "#ffffff"
SKINS = ["#f3cfb1", "#e2ad87", "#c68863", "#9b6542", "#6b4228"]
HAIRS = ["#2b1d16", "#4a2f1f", "#1b1b1b", "#c08a45", "#8f8f8f", "#7a3b1b"]
HAIR_STYLES = ["short", "long", "bun", "short", "curly"]


def mix(one, other, share):
    """The colour `share` of the way from `one` to `other` (hex strings)."""
    a, b = (tuple(int(c[i:i + 2], 16) for i in (1, 3, 5)) for c in (one, other))
    return "#" + "".join(f"{round(x + (y - x) * share):02x}" for x, y in zip(a, b, strict=True))


class Colours:
    """A scene's colours: the palette's three, plus tints of them and a second accent."""

    def __init__(self, palette, second):
        self.dark, self.light, self.accent = palette
        self.second = second
        self.mid = mix(self.light, self.dark, 0.22)  # shadows, floors, frames
        self.soft = mix(self.light, self.dark, 0.09)  # the blob behind the subject
        self.line = mix(WHITE, self.dark, 0.25)  # text lines on white


class Pen:
    """ImageDraw on the 1200 × 800 design grid: coordinates are scaled and centred."""

    def __init__(self, picture):
        width, height = picture.size
        self.draw = ImageDraw.Draw(picture)
        self.scale = min(width / 1200, height / 800)
        self.dx, self.dy = (width - 1200 * self.scale) / 2, (height - 800 * self.scale) / 2

    def _xy(self, points):
        return [(self.dx + x * self.scale, self.dy + y * self.scale) for x, y in points]

    def _box(self, box):
        (x0, y0), (x1, y1) = self._xy([box[:2], box[2:]])
        return (x0, y0, x1, y1)

    def rect(self, box, fill, radius=0, outline=None, width=0):
        self.draw.rounded_rectangle(self._box(box), radius * self.scale, fill=fill, outline=outline,
                                    width=round(width * self.scale))

    def ellipse(self, box, fill, outline=None, width=0):
        self.draw.ellipse(self._box(box), fill=fill, outline=outline, width=round(width * self.scale))

    def circle(self, x, y, radius, fill, outline=None, width=0):
        self.ellipse((x - radius, y - radius, x + radius, y + radius), fill, outline, width)

    def pie(self, box, start, end, fill):
        self.draw.pieslice(self._box(box), start, end, fill=fill)

    def arc(self, box, start, end, fill, width):
        self.draw.arc(self._box(box), start, end, fill=fill, width=round(width * self.scale))

    def polygon(self, points, fill):
        self.draw.polygon(self._xy(points), fill=fill)

    def line(self, points, fill, width):
        """A thick line with round ends and joints."""
        self.draw.line(self._xy(points), fill=fill, width=round(width * self.scale), joint="curve")
        for x, y in (points[0], points[-1]):
            self.circle(x, y, width / 2 - 0.5, fill)

    def text(self, xy, text, fill, size, anchor="mm"):
        self.draw.text(self._xy([xy])[0], text, fill=fill, font=font(round(size * self.scale)), anchor=anchor)


@functools.lru_cache(maxsize=32)
def font(size):
    return ImageFont.load_default(size=max(size, 6))


# --- People and things ---------------------------------------------------------------------------


class Look:
    """How one person looks: skin, hair and clothes, drawn from the scene's seed."""

    def __init__(self, rng, clothes):
        self.skin = rng.choice(SKINS)
        self.hair = rng.choice(HAIRS)
        self.style = rng.choice(HAIR_STYLES)
        self.shirt = rng.choice(clothes)
        self.trousers = rng.choice(["#2f3640", "#3d405b", "#4a3b2f", "#1f3a5f"])


def looks(rng, colours, count):
    """`count` people who do not all wear the same colour."""
    clothes = [colours.accent, colours.dark, colours.second, mix(colours.accent, colours.dark, 0.45), "#6c7a89"]
    people = []
    for _ in range(count):
        look = Look(rng, clothes)
        if people and look.shirt == people[-1].shirt:
            look.shirt = clothes[(clothes.index(look.shirt) + 1) % len(clothes)]
        people.append(look)
    return people


def head(pen, x, top, unit, look, back=False):
    """A head seen from the front (skin under a hair cap) or from the back (all hair)."""
    r = unit / 2
    if look.style == "bun":
        pen.circle(x + r * 0.3, top - r * 0.15, r * 0.45, look.hair)
    if look.style == "curly":
        for dx, dy in ((-0.8, 0.35), (-0.55, -0.05), (0, -0.2), (0.55, -0.05), (0.8, 0.35)):
            pen.circle(x + dx * r, top + r + (dy - 0.5) * r, r * 0.42, look.hair)
    if back:
        pen.circle(x - r, top + r * 1.05, r * 0.22, look.skin)  # ears
        pen.circle(x + r, top + r * 1.05, r * 0.22, look.skin)
        pen.ellipse((x - r, top, x + r, top + unit), look.hair)
        return
    pen.ellipse((x - r, top, x + r, top + unit), look.skin)
    pen.pie((x - r * 1.04, top - r * 0.06, x + r * 1.04, top + unit * 0.78), 180, 360, look.hair)


def bust(pen, x, top, unit, look, back=False):
    """A person from the waist up: `top` is the top of the head, `unit` the head's height."""
    if look.style == "long":  # hair falling on the shoulders, behind the body and the neck
        pen.rect((x - unit * 0.62, top - unit * 0.05, x + unit * 0.62, top + unit * 1.5), look.hair, radius=unit / 2)
    pen.rect((x - unit * 1.05, top + unit * 1.05, x + unit * 1.05, top + unit * 3.6), look.shirt, radius=unit * 0.75)
    for side in (-1, 1):  # the arms, a shade darker along the sides
        pen.line([(x + side * unit * 0.68, top + unit * 1.75), (x + side * unit * 0.7, top + unit * 3.3)],
                 mix(look.shirt, "#000000", 0.18), unit * 0.07)
    if not back:
        pen.rect((x - unit * 0.17, top + unit * 0.8, x + unit * 0.17, top + unit * 1.2), look.skin)
    head(pen, x, top, unit, look, back)


def standing(pen, x, top, unit, look, back=False):
    """A whole person standing: two legs and shoes under the bust."""
    for left in (x - unit * 0.5, x + unit * 0.08):
        pen.rect((left, top + unit * 3.2, left + unit * 0.42, top + unit * 6.2), look.trousers, radius=unit * 0.18)
        pen.rect((left - unit * 0.06, top + unit * 6.05, left + unit * 0.58, top + unit * 6.3), "#2b2b2b",
                 radius=unit * 0.12)
    bust(pen, x, top, unit, look, back)


def arm(pen, start, end, unit, look):
    """An arm from the shoulder `start` to the hand at `end`."""
    pen.line([start, end], look.shirt, unit * 0.38)
    pen.circle(*end, unit * 0.2, look.skin)


def plant(pen, x, floor, size, colours):
    """A pot with three leaves: a touch of life in the corner of a room."""
    green = "#4f8a5b"
    pen.ellipse((x - size * 0.55, floor - size * 1.9, x + size * 0.05, floor - size * 0.55), green)
    pen.ellipse((x - size * 0.05, floor - size * 1.75, x + size * 0.55, floor - size * 0.5), mix(green, "#000000", 0.2))
    pen.ellipse((x - size * 0.28, floor - size * 2.2, x + size * 0.28, floor - size * 0.7), mix(green, WHITE, 0.15))
    pen.polygon([(x - size * 0.4, floor - size * 0.7), (x + size * 0.4, floor - size * 0.7),
                 (x + size * 0.3, floor), (x - size * 0.3, floor)], colours.accent)


def bubble(pen, box, fill, tail_left=True):
    """A speech bubble, its tail towards the bottom left (or right)."""
    x0, y0, x1, y1 = box
    tx = x0 + (x1 - x0) * (0.25 if tail_left else 0.75)
    pen.polygon([(tx - 18, y1 - 5), (tx + 18, y1 - 5), (tx + (-22 if tail_left else 22), y1 + 34)], fill)
    pen.rect(box, fill, radius=min(28, (y1 - y0) / 2))


def text_lines(pen, x, y, width, count, colour, gap=26, thickness=10):
    """Grey lines standing for text; the last one shorter."""
    for row in range(count):
        length = width * (0.6 if row == count - 1 else 1 - 0.08 * (row % 2))
        pen.rect((x, y + row * gap, x + length, y + row * gap + thickness), colour, radius=thickness / 2)


def browser(pen, box, colours, bar=None):
    """A browser window: a coloured bar with three dots and an address field, white page below."""
    x0, y0, x1, y1 = box
    pen.rect((x0 + 14, y0 + 16, x1 + 14, y1 + 16), colours.mid, radius=22)  # flat shadow
    pen.rect(box, WHITE, radius=22)
    pen.rect((x0, y0, x1, y0 + 56), bar or colours.dark, radius=22)
    pen.rect((x0, y0 + 30, x1, y0 + 56), bar or colours.dark)
    for number, dot in enumerate(("#e07a5f", "#f5c04f", "#81b29a")):
        pen.circle(x0 + 32 + number * 28, y0 + 28, 9, dot)
    pen.rect((x0 + 130, y0 + 14, x1 - 30, y0 + 42), mix(bar or colours.dark, WHITE, 0.25), radius=14)


def laptop(pen, box, colours):
    """An open laptop seen from the front: returns the screen's inner box."""
    x0, y0, x1, y1 = box
    pen.rect(box, colours.dark, radius=18)
    pen.polygon([(x0 - 60, y1), (x1 + 60, y1), (x1 + 30, y1 + 34), (x0 - 30, y1 + 34)], mix(colours.dark, WHITE, 0.35))
    pen.rect((x0 + (x1 - x0) / 2 - 60, y1, x0 + (x1 - x0) / 2 + 60, y1 + 10), mix(colours.dark, WHITE, 0.2), radius=5)
    return (x0 + 18, y0 + 18, x1 - 18, y1 - 18)


def mug(pen, x, floor, colour):
    pen.arc((x + 18, floor - 62, x + 58, floor - 22), 270, 90, colour, 9)
    pen.rect((x - 30, floor - 75, x + 36, floor), colour, radius=10)


def backdrop(pen, colours, floor=640):
    """The room: the palette's light colour, a soft round blob behind the subject, a floor."""
    pen.ellipse((180, 40, 1020, 860), colours.soft)
    pen.rect((-400, floor, 1600, 1200), colours.mid)


def heart(pen, x, y, size, fill):
    """A heart of two circles and a triangle; (x, y) is its centre."""
    r = size * 0.3
    pen.circle(x - r * 0.95, y - r * 0.6, r * 1.02, fill)
    pen.circle(x + r * 0.95, y - r * 0.6, r * 1.02, fill)
    pen.polygon([(x - r * 1.93, y - r * 0.35), (x + r * 1.93, y - r * 0.35), (x, y + size * 0.62)], fill)
