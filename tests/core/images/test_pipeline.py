"""The image import pipeline on hostile and awkward images, all generated here with Pillow."""

from __future__ import annotations

import hashlib
import io
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from editor_app.core.errors import ImageError, IssueNotFoundError
from editor_app.core.images import import_image, looks_like_graphic, process_image, sniff_format


# -- generated images ----------------------------------------------------------------------------
def photo(width: int, height: int) -> Image.Image:
    """Many colours, no flat areas: what a camera produces."""
    noise = Image.effect_noise((width, height), 64)
    gradient = Image.linear_gradient("L").resize((width, height))
    return Image.merge("RGB", (noise, gradient, noise.transpose(Image.Transpose.FLIP_LEFT_RIGHT)))


def screenshot(width: int, height: int) -> Image.Image:
    """White page, dark text, a coloured panel: few colours, large flat areas."""
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    for y in range(10, height - 20, 30):
        draw.text((20, y), "kubectl get pods --all-namespaces  # 状态", fill=(20, 20, 20))
    draw.rectangle((width // 2, 40, width - 40, height // 2), fill=(40, 100, 220))
    return image


def encode(image: Image.Image, fmt: str, **options) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_claiming(width: int, height: int) -> bytes:
    """A tiny file whose header claims an enormous picture (a decompression bomb)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", zlib.compress(b"\0" * 4096))
        + png_chunk(b"IEND", b"")
    )


@pytest.fixture
def issue(tmp_path: Path) -> Path:
    folder = tmp_path / "issue"
    folder.mkdir()
    return folder


def stored(issue: Path) -> list[str]:
    assets = issue / "assets"
    return (
        sorted(p.name for p in assets.iterdir() if not p.name.startswith("."))
        if assets.exists()
        else []
    )


def open_asset(issue: Path, result) -> Image.Image:
    return Image.open(issue / result.path)


# -- refused ------------------------------------------------------------------------------------
@pytest.mark.parametrize("size", [(100_000, 100_000), (10_000, 9_500)])
def test_decompression_bomb_header_is_refused(issue, size):
    with pytest.raises(ImageError, match="decompression bomb") as err:
        import_image(png_claiming(*size), issue, name="bomb.png")
    assert "bomb.png" in str(err.value)
    assert stored(issue) == []


def test_real_image_over_a_lowered_pixel_limit_is_refused(issue, tmp_path):
    source = tmp_path / "big.png"
    source.write_bytes(encode(screenshot(400, 300), "PNG"))
    with pytest.raises(ImageError, match="400x300 pixels") as err:
        import_image(source, issue, max_pixels=100_000)
    assert err.value.path == source
    assert stored(issue) == []


def test_truncated_jpeg_is_refused(issue, tmp_path):
    data = encode(photo(640, 480), "JPEG", quality=90)
    source = tmp_path / "cut.jpg"
    source.write_bytes(data[: len(data) // 2])
    with pytest.raises(ImageError, match="truncated") as err:
        import_image(source, issue)
    assert str(source) in str(err.value)
    assert stored(issue) == []


def test_truncated_png_is_refused(issue):
    data = encode(photo(300, 300), "PNG")
    with pytest.raises(ImageError) as err:
        import_image(data[: len(data) // 3], issue, name="cut.png")
    assert "cut.png" in str(err.value)
    assert stored(issue) == []


def test_text_file_named_png_is_refused(issue, tmp_path):
    source = tmp_path / "notes.png"
    source.write_text("这不是图片，只是文字。\n", "utf-8")
    with pytest.raises(ImageError, match="text file") as err:
        import_image(source, issue)
    assert "notes.png" in str(err.value) and "PNG, JPEG, WebP and GIF" in str(err.value)


@pytest.mark.parametrize(
    ("data", "named"),
    [
        (b"\x00\x00\x00\x18ftypheic" + b"\0" * 64, "HEIC"),
        (b"BM" + b"\0" * 64, "BMP"),
        (b"II*\x00" + b"\0" * 64, "TIFF"),
        (b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>', "SVG"),
        (b"", "empty"),
    ],
)
def test_formats_outside_the_allow_list_are_named(issue, data, named):
    with pytest.raises(ImageError, match=named):
        import_image(data, issue, name="upload")


def test_missing_file_and_missing_issue(issue, tmp_path):
    with pytest.raises(ImageError, match="not found"):
        import_image(tmp_path / "nope.png", issue)
    with pytest.raises(IssueNotFoundError):
        import_image(encode(photo(10, 10), "PNG"), tmp_path / "no-issue")


# -- awkward but accepted -----------------------------------------------------------------------
def test_exif_rotated_photo_is_turned_and_stripped(issue):
    raw = photo(400, 200)
    ImageDraw.Draw(raw).rectangle((0, 0, 40, 40), fill=(255, 0, 0))  # marks the top-left
    exif = Image.Exif()
    exif[0x0112] = 6  # stored sideways: display rotated 90° clockwise
    exif[0x010F] = "PhoneMaker"
    exif.get_ifd(0x8825)[2] = (31.0, 14.0, 2.0)  # GPS latitude
    data = encode(raw, "JPEG", quality=92, exif=exif.tobytes())
    assert Image.open(io.BytesIO(data)).getexif().get(0x0112) == 6

    result = import_image(data, issue, name="phone.jpg")
    assert (result.width, result.height, result.format) == (200, 400, "JPEG")
    out = open_asset(issue, result)
    assert out.size == (200, 400)
    assert "exif" not in out.info and len(out.getexif()) == 0
    assert b"PhoneMaker" not in (issue / result.path).read_bytes()
    red, green, blue = out.convert("RGB").getpixel((190, 10))  # top-left went top-right
    assert red > 200 and green < 60 and blue < 60


def test_cmyk_jpeg_becomes_rgb(issue):
    cmyk = Image.new("CMYK", (300, 200), (0, 255, 255, 0))  # pure red in print colours
    data = encode(cmyk, "JPEG", quality=95)
    result = import_image(data, issue, name="print.jpg")
    out = open_asset(issue, result)
    assert out.mode == "RGB" and result.format == "JPEG"
    red, green, blue = out.getpixel((150, 100))
    assert red > 200 and green < 80 and blue < 80


def test_palette_png_with_transparency_keeps_it(issue):
    image = Image.new("P", (120, 80), 0)
    image.putpalette([255, 255, 255, 200, 30, 30, 30, 30, 200] + [0] * (256 * 3 - 9))
    draw = ImageDraw.Draw(image)
    draw.rectangle((10, 10, 60, 60), fill=1)
    draw.ellipse((70, 10, 110, 50), fill=2)
    result = import_image(encode(image, "PNG", transparency=0), issue, name="logo.png")
    assert result.format == "PNG"
    out = open_asset(issue, result).convert("RGBA")
    assert out.getpixel((0, 0))[3] == 0  # transparent background stays transparent
    assert out.getpixel((30, 30)) == (200, 30, 30, 255)
    assert out.getpixel((90, 30)) == (30, 30, 200, 255)


def test_animated_gif_keeps_its_frames(issue):
    frames = [Image.new("RGB", (2000, 120), (40 * n, 200 - 30 * n, 90)) for n in range(5)]
    buffer = io.BytesIO()
    frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:], duration=80, loop=0)
    result = import_image(buffer.getvalue(), issue, name="demo.gif", max_width=800)
    assert (result.format, result.frames, result.width, result.height) == ("GIF", 5, 800, 48)
    out = open_asset(issue, result)
    assert out.n_frames == 5 and out.size == (800, 48)
    assert out.info.get("duration") == 80
    out.seek(4)
    assert out.convert("RGB").getpixel((10, 10))[0] > 140  # the last frame is the last colour


def test_small_animated_gif_is_kept_as_is(issue):
    frames = [Image.new("RGB", (60, 40), color) for color in ("red", "green", "blue")]
    buffer = io.BytesIO()
    frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:], duration=50, loop=0)
    result = import_image(buffer.getvalue(), issue, name="tiny.gif")
    assert result.frames == 3 and (issue / result.path).read_bytes() == buffer.getvalue()


def test_huge_width_is_downscaled(issue):
    result = import_image(encode(screenshot(4000, 1000), "PNG"), issue, name="wide.png")
    assert (result.width, result.height) == (1600, 400)
    result = import_image(encode(photo(3000, 2000), "JPEG"), issue, name="w.jpg", max_width=500)
    assert (result.width, result.height) == (500, 333)
    assert open_asset(issue, result).size == (500, 333)


def test_narrow_images_are_not_enlarged(issue):
    result = import_image(encode(photo(300, 200), "PNG"), issue, name="small.png")
    assert (result.width, result.height) == (300, 200)


def test_format_follows_content(issue, tmp_path):
    assert import_image(encode(photo(500, 400), "PNG"), issue, name="p.png").format == "JPEG"
    assert import_image(encode(screenshot(800, 500), "PNG"), issue, name="s.png").format == "PNG"
    # Named .jpg but a PNG screenshot inside: the content decides.
    source = tmp_path / "shot.jpg"
    source.write_bytes(encode(screenshot(640, 400), "PNG"))
    assert import_image(source, issue).format == "PNG"
    # A photograph with real transparency needs a format with alpha.
    rgba = photo(300, 300).convert("RGBA")
    rgba.putalpha(Image.linear_gradient("L").resize((300, 300)))
    assert import_image(encode(rgba, "PNG"), issue, name="cutout.png").format == "WEBP"
    webp = import_image(encode(photo(400, 300), "WEBP", quality=90), issue, name="p.webp")
    assert webp.format == "JPEG"
    assert (
        import_image(encode(photo(400, 300), "PNG"), issue, name="x", photo_format="webp").format
        == "WEBP"
    )


def test_same_image_is_stored_once(issue, tmp_path):
    data = encode(photo(640, 480), "JPEG", quality=90)
    (tmp_path / "a.jpg").write_bytes(data)
    (tmp_path / "copy-of-a.jpeg").write_bytes(data)
    first = import_image(tmp_path / "a.jpg", issue)
    second = import_image(tmp_path / "copy-of-a.jpeg", issue)
    assert first.path == second.path and not first.existed and second.existed
    assert stored(issue) == [Path(first.path).name]


def test_name_is_the_hash_of_the_stored_bytes(issue):
    result = import_image(encode(screenshot(300, 200), "PNG"), issue, name="s.png")
    written = (issue / result.path).read_bytes()
    assert result.path == f"assets/{hashlib.sha256(written).hexdigest()[:16]}.png"
    assert result.bytes == len(written)


def test_nothing_half_written_after_failures(issue):
    for data in (png_claiming(100_000, 100_000), b"not an image", b"\xff\xd8\xff\xe0trunc"):
        with pytest.raises(ImageError):
            import_image(data, issue, name="bad")
    assert not (issue / "assets").exists() or list((issue / "assets").iterdir()) == []


def test_sixteen_bit_greyscale_is_scaled_not_clipped(issue):
    grey = Image.linear_gradient("L").resize((64, 256)).convert("I")  # dark top, light bottom
    grey = grey.point(lambda v: v * 256)  # 0 … 65280, as a 16-bit scanner writes it
    data = encode(grey.convert("I;16"), "PNG")
    result = import_image(data, issue, name="scan.png")
    out = open_asset(issue, result).convert("L")
    assert out.getpixel((10, 2)) < 20 and out.getpixel((10, 253)) > 230


def test_helpers():
    assert sniff_format(b"\x89PNG\r\n\x1a\n....") == "PNG"
    assert sniff_format(b"RIFF\0\0\0\0WEBPVP8 ") == "WEBP"
    assert sniff_format(b"GIF89a") == "GIF"
    assert sniff_format(b"\xff\xd8\xff\xdb") == "JPEG"
    assert sniff_format(b"BM") is None
    assert looks_like_graphic(screenshot(640, 480))
    assert not looks_like_graphic(photo(640, 480))
    processed = process_image(encode(screenshot(200, 100), "PNG"))
    assert processed.name.endswith(".png") and len(processed.name) == 20
    with pytest.raises(ValueError):
        process_image(b"", max_width=0)


def test_greyscale_photograph_stays_a_photo_format(issue):
    grey = photo(400, 300).convert("L")
    assert not looks_like_graphic(grey)
    assert looks_like_graphic(screenshot(400, 300).convert("L"))
    for fmt in ("WEBP", "PNG"):
        result = import_image(encode(grey.convert("RGB"), fmt), issue, name=f"bw.{fmt}")
        assert result.format == "JPEG", fmt
