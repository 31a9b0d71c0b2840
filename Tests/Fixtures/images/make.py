"""Writes the image fixtures of ImageSizeTests with Pillow, an encoder that
shares no code with guide: `pip install pillow && python3 make.py`.
The sizes the tests expect are the ones asked for here (and what Chromium
reports as naturalWidth × naturalHeight for each file)."""
from PIL import Image

def image(size, mode="RGB"):
    # Two colours, so that encoders keep a little structure and files stay small.
    im = Image.new(mode, size, (40, 90, 160) if mode == "RGB" else (40, 90, 160, 200))
    im.paste((230, 120, 30) if mode == "RGB" else (230, 120, 30, 255), (0, 0, size[0] // 3, size[1] // 2))
    return im

image((321, 47), "RGBA").save("png-321x47.png", optimize=True)
image((301, 203)).save("jpeg-baseline-301x203.jpg", quality=20, comment=b"a comment segment before the frame")
image((259, 517)).save("jpeg-progressive-259x517.jpg", quality=20, progressive=True)
# Stored 120 wide, 40 high, with EXIF orientation 6 (rotate 90° clockwise):
# browsers show it 40 wide, 120 high.
exif = Image.Exif()
exif[0x0112] = 6
image((120, 40)).save("jpeg-exif-rotated-40x120.jpg", quality=20, exif=exif.tobytes())
image((333, 19)).convert("P").save("gif-333x19.gif")
image((270, 150)).save("webp-lossy-270x150.webp", lossless=False, quality=20)
image((300, 301)).save("webp-lossless-300x301.webp", lossless=True)
# Alpha in a lossy WebP makes it "extended" (a VP8X chunk first).
image((400, 77), "RGBA").save("webp-extended-400x77.webp", lossless=False, quality=20)
