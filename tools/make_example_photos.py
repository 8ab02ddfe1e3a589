#!/usr/bin/env python3
"""Generate the example site's placeholder images under content/photos/.

Deterministic: the same Pillow version writes the same bytes on every run, so the
images can be regenerated at any time instead of being edited by hand:

    python3 tools/make_example_photos.py

What it draws (flat colours, no text, no emblem, no national symbol):
  - photos/logo.png                     the organization's mark: a red disc with a white house
  - photos/members/ID.jpg  (600x800)    head-and-shoulders placeholder portraits
  - photos/zones/ID.jpg    (1200x800)   stylized scenes of three zones
  - photos/stories/NAME.jpg (1200x800)  three story covers

Two member photos deliberately carry metadata, to test the software's handling:
  - photos/members/guo-qiang.jpg  EXIF Orientation=6: the pixel data is stored rotated
    90 degrees counter-clockwise (800x600 on disk); a correct reader rotates it back to
    an upright 600x800 portrait.
  - photos/members/li-na.jpg      fake GPS EXIF (latitude/longitude, camera make and
    model, date): it must be stripped before the photo is published.
Every other image is written without any metadata.
"""
from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

ROOT = Path(__file__).resolve().parent.parent
PHOTOS = ROOT / "content" / "photos"
JPEG = {"quality": 80, "optimize": True, "progressive": False, "subsampling": "4:2:0"}

# EXIF tag numbers
ORIENTATION = 0x0112
MAKE, MODEL, DATETIME = 0x010F, 0x0110, 0x0132
GPS_IFD = 0x8825


def hexrgb(value: str) -> tuple[int, int, int]:
    value = value.lstrip("#")
    return tuple(int(value[i:i + 2], 16) for i in (0, 2, 4))  # type: ignore[return-value]


def mix(a, b, t: float):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b))


def vertical_gradient(size, top, bottom) -> Image.Image:
    """A soft top-to-bottom gradient (built as a 1-pixel column, then stretched)."""
    w, h = size
    column = Image.new("RGB", (1, h))
    top, bottom = hexrgb(top), hexrgb(bottom)
    for y in range(h):
        column.putpixel((0, y), mix(top, bottom, y / (h - 1)))
    return column.resize((w, h))


def radial_glow(img: Image.Image, centre, radius, colour, strength=0.35):
    """Lighten the picture around a point: a soft halo behind a head."""
    w, h = img.size
    mask = Image.new("L", (w, h), 0)
    d = ImageDraw.Draw(mask)
    cx, cy = centre
    steps = 24
    for i in range(steps):
        r = radius * (1 - i / steps)
        d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=round(255 * strength * (i + 1) / steps))
    mask = mask.filter(ImageFilter.GaussianBlur(radius / 6))
    img.paste(Image.new("RGB", (w, h), hexrgb(colour)), (0, 0), mask)


# ---------------------------------------------------------------- portraits

# One entry per member photo: background gradient, halo, skin, hair, hair style,
# clothes, collar (shirt) colour, and a small horizontal offset so no two are alike.
PORTRAITS = {
    "zhang-wei":       ("#dfe7ee", "#9fb3c6", "#f4f7fa", "#e2b994", "#2b2522", "short",  "#2f3e55", "#ffffff", -8),
    "li-na":           ("#f3e6e1", "#cfa69a", "#fff6f2", "#efc7a6", "#3a2a24", "long",   "#7a2f36", "#f5eee8", 6),
    "ouyang-xiaohong": ("#efe9dc", "#c7b58f", "#fffaf0", "#f0c9a8", "#231c1a", "bun",    "#b1363a", "#ffffff", 0),
    "wang-jianguo":    ("#e4efe2", "#9dbb97", "#f6fbf4", "#d9a77f", "#4a4644", "crop",   "#2f6b3a", "#e8efe6", 10),
    "liu-zhiqiang":    ("#e3e6ef", "#a4aac4", "#f5f6fb", "#dcae88", "#1f1c1c", "side",   "#30344a", "#dfe6f2", -4),
    "wu-dongmei":      ("#f1e4ea", "#c99bb0", "#fff4f8", "#eec3a3", "#2e2220", "bob",    "#8a4a6a", "#ffffff", 4),
    "huang-lei":       ("#e2ecf2", "#8fb0c4", "#f3f8fb", "#d8a67d", "#1c1a19", "short",  "#1f4f7a", "#f0c23c", -10),
    "tian-guohua":     ("#ece8e2", "#b3a796", "#faf7f2", "#d49e78", "#6d6966", "crop",   "#4a4038", "#ffffff", 2),
    "deng-hai":        ("#f2e5d8", "#d1a27a", "#fff7ef", "#cf9770", "#201d1b", "short",  "#c8502a", "#2f3e55", 8),
    "guo-qiang":       ("#e0e9ea", "#93b1b3", "#f3f9f9", "#d6a07a", "#2a2624", "side",   "#24507a", "#f0c23c", -6),
    "lin-yue":         ("#e9e6f2", "#aaa2cc", "#f8f6ff", "#f2cdb0", "#241b1a", "long",   "#3b5b8c", "#ffffff", 0),
    "cao-ying":        ("#e3efec", "#98c0b6", "#f4fbf9", "#edc5a4", "#2c2320", "bob",    "#ffffff", "#7fb3a6", 6),
}


def draw_portrait(spec) -> Image.Image:
    bg_top, bg_bottom, glow, skin, hair, style, clothes, collar, dx = spec
    W, H = 600, 800
    img = vertical_gradient((W, H), bg_top, bg_bottom)
    radial_glow(img, (W // 2 + dx, 330), 300, glow, 0.45)
    d = ImageDraw.Draw(img)
    skin_c, hair_c = hexrgb(skin), hexrgb(hair)
    shade = mix(skin_c, (120, 80, 60), 0.18)
    cx = W // 2 + dx

    # long hair falls behind the shoulders
    if style == "long":
        d.rounded_rectangle((cx - 150, 230, cx + 150, 600), radius=110, fill=hair_c)

    # shoulders and clothes
    d.ellipse((cx - 290, 560, cx + 290, 1060), fill=hexrgb(clothes))
    # neck
    d.rounded_rectangle((cx - 52, 430, cx + 52, 600), radius=30, fill=shade)
    # collar: a V of the shirt colour
    d.polygon([(cx - 95, 572), (cx, 690), (cx + 95, 572), (cx + 60, 560), (cx, 640), (cx - 60, 560)],
              fill=hexrgb(collar))
    # hair mass behind the face, then the face over it: the hairline comes out curved
    if style in ("short", "crop", "side"):
        top = {"short": 164, "crop": 172, "side": 160}[style]
        d.ellipse((cx - 126, top, cx + 126, 420), fill=hair_c)
    elif style == "long":
        d.ellipse((cx - 134, 158, cx + 134, 470), fill=hair_c)
    elif style == "bob":
        d.ellipse((cx - 140, 160, cx + 140, 470), fill=hair_c)
        d.rectangle((cx - 140, 315, cx + 140, 450), fill=hair_c)
    elif style == "bun":
        d.ellipse((cx - 62, 112, cx + 62, 212), fill=hair_c)
        d.ellipse((cx - 126, 166, cx + 126, 430), fill=hair_c)
    if style not in ("long", "bob"):  # ears, unless the hair covers them
        d.ellipse((cx - 138, 300, cx - 98, 370), fill=shade)
        d.ellipse((cx + 98, 300, cx + 138, 370), fill=shade)
    # face: lower than the hair mass so the forehead shows under the hairline
    face_top = {"short": 236, "crop": 226, "side": 244, "long": 232, "bob": 240, "bun": 222}[style]
    d.ellipse((cx - 114, face_top, cx + 114, 490), fill=skin_c)
    if style == "side":  # a fringe swept to one side
        d.chord((cx - 118, 196, cx + 70, 300), 180, 360, fill=hair_c)

    # deliberately plain: no badge, no emblem, no text
    return img.filter(ImageFilter.SMOOTH)


# ---------------------------------------------------------------- scenes

def sky_and_ground(size, sky_top, sky_bottom, ground, horizon):
    img = vertical_gradient(size, sky_top, sky_bottom)
    d = ImageDraw.Draw(img)
    w, h = size
    d.rectangle((0, horizon, w, h), fill=hexrgb(ground))
    return img, d


def tree(d, x, base, height, crown, trunk="#7a5a3c", leaves="#4f8f4a"):
    d.rectangle((x - 8, base - height, x + 8, base), fill=hexrgb(trunk))
    d.ellipse((x - crown, base - height - crown * 1.4, x + crown, base - height + crown * 0.6), fill=hexrgb(leaves))


def scene_square() -> Image.Image:
    """同心广场: lawn, a curved path, flower beds and trees."""
    img, d = sky_and_ground((1200, 800), "#bcd9ef", "#e9f3f8", "#86b96e", 430)
    d.polygon([(0, 430), (260, 380), (520, 410), (800, 370), (1200, 420), (1200, 440), (0, 440)], fill=hexrgb("#6fa35c"))
    d.pieslice((380, 520, 1400, 1300), 180, 270, fill=hexrgb("#d9cdb6"))
    d.pieslice((470, 600, 1310, 1220), 180, 270, fill=hexrgb("#86b96e"))
    d.ellipse((120, 560, 420, 660), fill=hexrgb("#c8463c"))
    d.ellipse((150, 575, 390, 645), fill=hexrgb("#e9b949"))
    for x, h, c, col in [(90, 150, 70, "#4f8f4a"), (250, 190, 84, "#3f7f44"), (980, 170, 80, "#4f8f4a"),
                         (1110, 140, 66, "#5d9a52"), (700, 120, 56, "#3f7f44")]:
        tree(d, x, 450, h, c, leaves=col)
    d.ellipse((1010, 70, 1090, 150), fill=hexrgb("#fbefc9"))
    return img


def scene_estate() -> Image.Image:
    """石油新村: six-storey blocks, a courtyard and trees."""
    img, d = sky_and_ground((1200, 800), "#cbdcea", "#f1f1ea", "#b9c2b0", 560)
    blocks = [(60, 170, 360, "#e6d2b5"), (420, 120, 760, "#efe1c9"), (820, 200, 1140, "#e3cdb0")]
    for x0, top, x1, colour in blocks:
        d.rectangle((x0, top, x1, 560), fill=hexrgb(colour))
        d.rectangle((x0 - 6, top - 14, x1 + 6, top), fill=hexrgb("#a4554a"))
        for y in range(top + 30, 530, 62):
            for x in range(x0 + 26, x1 - 40, 66):
                d.rectangle((x, y, x + 38, y + 34), fill=hexrgb("#9fb9cf"))
        door = (x0 + x1) // 2
        d.rectangle((door - 24, 500, door + 24, 560), fill=hexrgb("#8a6a4a"))
    d.rectangle((0, 600, 1200, 660), fill=hexrgb("#d8d2c4"))
    for x in (30, 390, 790, 1170):
        tree(d, x, 600, 110, 52)
    return img


def scene_station() -> Image.Image:
    """供热供水: a low station building, insulated pipes on supports, a water tower."""
    img, d = sky_and_ground((1200, 800), "#c3d3e4", "#eef2f5", "#a9ada6", 540)
    d.rectangle((120, 300, 620, 540), fill=hexrgb("#e8e4dc"))
    d.rectangle((110, 280, 630, 300), fill=hexrgb("#b03a34"))
    for x in range(160, 600, 90):
        d.rectangle((x, 340, x + 50, 400), fill=hexrgb("#9fb9cf"))
    d.rectangle((330, 440, 410, 540), fill=hexrgb("#6f7a84"))
    d.rectangle((820, 150, 880, 540), fill=hexrgb("#c9c9c4"))
    d.ellipse((760, 90, 940, 200), fill=hexrgb("#d8d8d2"))
    for y, colour in ((470, "#c6c9cc"), (505, "#d05a3a")):
        d.rectangle((620, y - 14, 1200, y + 14), fill=hexrgb(colour))
    for x in range(680, 1200, 120):
        d.rectangle((x, 480, x + 12, 540), fill=hexrgb("#6f7a84"))
    d.rectangle((0, 580, 1200, 620), fill=hexrgb("#8f938c"))
    return img


def cover_green() -> Image.Image:
    """Story cover: a row of young trees being planted, sunrise."""
    img, d = sky_and_ground((1200, 800), "#f6d9b5", "#fdf3e3", "#8dbf6f", 470)
    d.ellipse((520, 300, 680, 460), fill=hexrgb("#f4a259"))
    d.rectangle((0, 460, 1200, 480), fill=hexrgb("#7aae60"))
    for i, x in enumerate(range(100, 1200, 170)):
        tree(d, x, 560 + (i % 2) * 40, 80 + (i % 3) * 30, 44 + (i % 2) * 10, leaves="#4c9a55")
        d.ellipse((x - 40, 550 + (i % 2) * 40, x + 40, 580 + (i % 2) * 40), fill=hexrgb("#6b4e36"))
    return img


def cover_pipes() -> Image.Image:
    """Story cover: pipes and valves in a pump room."""
    img = vertical_gradient((1200, 800), "#2f4858", "#5b7a8c")
    d = ImageDraw.Draw(img)
    for y, colour in ((220, "#c9cdd0"), (400, "#d05a3a"), (580, "#3f88c5")):
        d.rectangle((0, y - 34, 1200, y + 34), fill=hexrgb(colour))
        d.rectangle((0, y - 34, 1200, y - 24), fill=mix(hexrgb(colour), (255, 255, 255), 0.3))
    for x in (260, 620, 940):
        d.rectangle((x - 20, 120, x + 20, 680), fill=hexrgb("#a0a6aa"))
        d.ellipse((x - 60, 340, x + 60, 460), fill=hexrgb("#e0b040"))
        d.ellipse((x - 22, 378, x + 22, 422), fill=hexrgb("#8a6a1a"))
    return img


def cover_notebook() -> Image.Image:
    """Story cover: an open notebook and a cup of tea on a desk."""
    img = vertical_gradient((1200, 800), "#efe4d2", "#d8c3a2")
    d = ImageDraw.Draw(img)
    d.polygon([(200, 220), (600, 260), (600, 680), (200, 640)], fill=hexrgb("#fbf8f2"))
    d.polygon([(600, 260), (1000, 220), (1000, 640), (600, 680)], fill=hexrgb("#f5f0e6"))
    for i in range(8):
        y = 320 + i * 40
        d.line((240, y - 4 + i * 0, 560, y + 28), fill=hexrgb("#b9c7d6"), width=3)
        d.line((640, y + 28, 960, y - 4), fill=hexrgb("#b9c7d6"), width=3)
    d.rectangle((590, 250, 610, 690), fill=hexrgb("#c8463c"))
    d.ellipse((1030, 500, 1170, 560), fill=hexrgb("#ffffff"))
    d.rectangle((1040, 530, 1160, 650), fill=hexrgb("#ffffff"))
    d.ellipse((1040, 510, 1160, 550), fill=hexrgb("#b9843a"))
    return img


# ---------------------------------------------------------------- logo

def draw_logo() -> Image.Image:
    """A red disc with a stylised white house (roof, walls, door). Abstract, no symbol."""
    S = 4  # draw large, then downsample for smooth edges
    size = 512 * S
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.ellipse((8 * S, 8 * S, 504 * S, 504 * S), fill=(200, 32, 38, 255))
    d.ellipse((36 * S, 36 * S, 476 * S, 476 * S), outline=(255, 214, 120, 255), width=10 * S)
    white = (255, 255, 255, 255)
    red = (200, 32, 38, 255)
    d.polygon([(256 * S, 118 * S), (396 * S, 238 * S), (370 * S, 238 * S), (256 * S, 142 * S),
               (142 * S, 238 * S), (116 * S, 238 * S)], fill=white)
    d.polygon([(256 * S, 162 * S), (352 * S, 244 * S), (352 * S, 376 * S), (160 * S, 376 * S),
               (160 * S, 244 * S)], fill=white)
    d.rounded_rectangle((226 * S, 292 * S, 286 * S, 376 * S), radius=26 * S, fill=red)
    # a small heart-like pair of arcs above the door: warmth, not an emblem
    d.ellipse((236 * S, 236 * S, 258 * S, 258 * S), fill=red)
    d.ellipse((254 * S, 236 * S, 276 * S, 258 * S), fill=red)
    d.polygon([(238 * S, 251 * S), (274 * S, 251 * S), (256 * S, 274 * S)], fill=red)
    return img.resize((512, 512), Image.LANCZOS)


# ---------------------------------------------------------------- writing

def save_jpeg(img: Image.Image, path: Path, exif: Image.Exif | None = None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    kwargs = dict(JPEG)
    if exif is not None:
        kwargs["exif"] = exif.tobytes()
    img.convert("RGB").save(path, "JPEG", **kwargs)


def rational(value: float) -> float:
    return round(value, 4)


def gps_exif() -> Image.Exif:
    """Fake camera metadata with a GPS position (a made-up point near Renqiu, Hebei)."""
    exif = Image.Exif()
    exif[MAKE] = "ExampleCam"
    exif[MODEL] = "EC-100"
    exif[DATETIME] = "2025:04:18 09:32:10"
    lat, lon = 38.7123, 116.0987
    gps = exif.get_ifd(GPS_IFD)

    def dms(value):
        deg = math.floor(value)
        minutes = math.floor((value - deg) * 60)
        seconds = rational(((value - deg) * 60 - minutes) * 60)
        return (float(deg), float(minutes), seconds)

    gps[0] = b"\x02\x02\x00\x00"  # GPSVersionID
    gps[1] = "N"
    gps[2] = dms(lat)
    gps[3] = "E"
    gps[4] = dms(lon)
    return exif


def orientation_exif(value: int) -> Image.Exif:
    exif = Image.Exif()
    exif[ORIENTATION] = value
    return exif


def main() -> None:
    for member, spec in PORTRAITS.items():
        img = draw_portrait(spec)
        path = PHOTOS / "members" / f"{member}.jpg"
        if member == "guo-qiang":
            # Stored rotated 90 degrees counter-clockwise; Orientation=6 tells a reader to
            # rotate 90 degrees clockwise to show it upright.
            save_jpeg(img.transpose(Image.Transpose.ROTATE_90), path, orientation_exif(6))
        elif member == "li-na":
            save_jpeg(img, path, gps_exif())
        else:
            save_jpeg(img, path)

    for name, draw in (("tongxin-guangchang", scene_square), ("shiyou-xincun", scene_estate),
                       ("gongre-baozhang", scene_station)):
        save_jpeg(draw(), PHOTOS / "zones" / f"{name}.jpg")

    for name, draw in (("lvhua-ershi-nian", cover_green), ("guo-shifu-tingzhenqi", cover_pipes),
                       ("ouyang-xiaobenzi", cover_notebook)):
        save_jpeg(draw(), PHOTOS / "stories" / f"{name}.jpg")

    logo = PHOTOS / "logo.png"
    logo.parent.mkdir(parents=True, exist_ok=True)
    draw_logo().save(logo, "PNG", optimize=True)

    for path in sorted(PHOTOS.rglob("*")):
        if path.is_file():
            print(f"{path.relative_to(ROOT)}  {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
