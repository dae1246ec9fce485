#!/usr/bin/python3
"""Draws Targum's app icon, build/icon.png (512x512): the Hebrew letter tav, white on a rounded indigo square.

electron-builder makes every platform's icon (.ico, .icns, the Linux sizes) from this one PNG.
Needs Debian's python3-pil and fonts-dejavu-core: /usr/bin/python3 scripts/make-icon.py
"""
import os

from PIL import Image, ImageDraw, ImageFont

SIZE = 512
FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'build', 'icon.png')

icon = Image.new('RGBA', (SIZE, SIZE), (0, 0, 0, 0))
draw = ImageDraw.Draw(icon)
draw.rounded_rectangle((16, 16, SIZE - 16, SIZE - 16), radius=96, fill=(49, 46, 129, 255))
draw.text((SIZE / 2, SIZE / 2), '\u05ea', font=ImageFont.truetype(FONT, 340), fill=(255, 255, 255, 255), anchor='mm')
icon.save(OUT, optimize=True)
