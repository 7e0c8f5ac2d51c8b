"""The image import pipeline.

Every image that enters an issue passes here: PNG, JPEG, WebP and GIF only (recognised by
content, never by extension); EXIF orientation applied and every metadata block dropped;
colour profiles converted to sRGB; downscaled to a maximum width; saved in the format that
suits the content (photographs as JPEG or WebP, screenshots and line art as PNG, animations
keep their frames); named by the hash of the bytes written, so one image is stored once.
Decompression bombs and truncated or corrupt files are refused with an ImageError naming the
file, and nothing is written unless the whole image was processed.
"""

from __future__ import annotations

import hashlib
import io
import struct
import warnings
import zlib
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageChops, ImageOps, ImageSequence, UnidentifiedImageError, features

from editor_app.core.atomic import atomic_write_bytes
from editor_app.core.errors import ImageError, IssueNotFoundError
from editor_app.core.filesafety import describe_content, sniff_format
from editor_app.core.messages import Text, text
from editor_app.core.storage import ASSETS_DIR

from .names import remember_name

ALLOWED_FORMATS = ("PNG", "JPEG", "WEBP", "GIF")
EXTENSIONS = {"PNG": "png", "JPEG": "jpg", "WEBP": "webp", "GIF": "gif"}
DEFAULT_MAX_WIDTH = 1600
DEFAULT_MAX_PIXELS = Image.MAX_IMAGE_PIXELS or 89_478_485  # Pillow's own bomb limit
MAX_INPUT_BYTES = 64 * 1024 * 1024
MAX_FRAMES = 1000
MAX_ANIMATION_PIXELS = 400_000_000  # all frames together
QUALITY = 85
HASH_CHARS = 16

_DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, IndexError, struct.error, zlib.error)
# Info keys that carry metadata we must not publish (camera, GPS, editing history, comments).
_METADATA_KEYS = {"exif", "xmp", "XML:com.adobe.xmp", "icc_profile", "comment", "photoshop",
                  "iptc", "extension", "Raw profile type exif", "Raw profile type APP1"}  # fmt: skip


@dataclass(frozen=True)
class ImportedImage:
    path: str  # relative to the issue folder, POSIX style: "assets/ab12cd34ef567890.png"
    width: int
    height: int
    bytes: int
    format: str  # PNG | JPEG | WEBP | GIF
    frames: int = 1
    existed: bool = False  # the same image was already stored
    source: str = ""  # the file name or URL it came from

    def markdown(self, alt: str = "") -> str:
        from editor_app.core.link_edits import escape_link_text

        return f"![{escape_link_text(alt)}]({self.path})"

    def to_json(self) -> dict:
        return {
            "path": self.path,
            "width": self.width,
            "height": self.height,
            "bytes": self.bytes,
            "format": self.format,
            "frames": self.frames,
            "existed": self.existed,
            "source": self.source,
        }


@dataclass(frozen=True)
class ProcessedImage:
    data: bytes
    format: str
    width: int
    height: int
    frames: int = 1

    @property
    def name(self) -> str:
        digest = hashlib.sha256(self.data).hexdigest()[:HASH_CHARS]
        return f"{digest}.{EXTENSIONS[self.format]}"


def _fail(message: Text, name: str) -> ImageError:
    return ImageError(message, name or None)


# -- decoding ------------------------------------------------------------------------------------
def _open(data: bytes, fmt: str, name: str, max_pixels: int) -> Image.Image:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=[fmt])
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _fail(text("image.bomb"), name) from None
    except UnidentifiedImageError:
        raise _fail(text("image.damaged-start", format=fmt), name) from None
    except _DECODE_ERRORS as exc:
        raise _fail(text("image.damaged", detail=str(exc)), name) from None
    width, height = image.size
    if width < 1 or height < 1:
        raise _fail(text("image.no-pixels"), name)
    if width * height > max_pixels:
        raise _fail(
            text("image.too-many-pixels", width=width, height=height, limit=max_pixels), name
        )
    try:
        frames = image.n_frames if getattr(image, "is_animated", False) else 1
    except _DECODE_ERRORS as exc:
        raise _decode_error(exc, name) from None
    if frames > MAX_FRAMES or frames * width * height > MAX_ANIMATION_PIXELS:
        raise _fail(text("image.animation-too-large", count=frames), name)
    return image


def _decode_error(exc: BaseException, name: str) -> ImageError:
    detail = str(exc)
    # Pillow says "truncated" only in English; it is its wording we read, not ours.
    if "truncated" in detail or isinstance(exc, EOFError):
        return _fail(text("image.truncated"), name)
    return _fail(text("image.undecodable", detail=detail or type(exc).__name__), name)


def _to_srgb(image: Image.Image) -> Image.Image:
    """Convert an embedded colour profile (CMYK, Display P3 …) to sRGB pixels."""
    icc = image.info.get("icc_profile")
    if not icc or not features.check("littlecms2"):
        return image
    try:
        from PIL import ImageCms

        src = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        dst = ImageCms.createProfile("sRGB")
        mode = "RGBA" if "A" in image.getbands() else "RGB"
        if image.mode not in ("RGB", "RGBA", "CMYK", "L"):
            return image
        if image.mode == "L":
            return image  # a grey profile; converting it buys nothing
        return ImageCms.profileToProfile(image, src, dst, outputMode=mode) or image
    except Exception:  # noqa: BLE001 - a broken profile: fall back to a plain conversion
        return image


def _normalize_mode(image: Image.Image) -> Image.Image:
    """RGB, RGBA or L: what every output format can take."""
    mode = image.mode
    if mode in ("RGB", "L"):
        return image
    if mode == "RGBA":
        return _drop_opaque_alpha(image)
    if mode in ("P", "PA"):
        has_alpha = mode == "PA" or "transparency" in image.info
        return _drop_opaque_alpha(image.convert("RGBA")) if has_alpha else image.convert("RGB")
    if mode in ("LA", "La", "RGBa"):
        return _drop_opaque_alpha(image.convert("RGBA"))
    if mode == "1":
        return image.convert("L")
    if mode.startswith("I") or mode == "F":
        # 16-bit and float greyscale: scale to 8 bits instead of clipping to white.
        low, high = image.convert("F").getextrema()
        span = (high - low) or 1
        return image.convert("F").point(lambda v: (v - low) * 255.0 / span).convert("L")
    return image.convert("RGB")  # CMYK, YCbCr, LAB, HSV, RGBX


def _drop_opaque_alpha(image: Image.Image) -> Image.Image:
    if image.mode == "RGBA" and image.getchannel("A").getextrema() == (255, 255):
        return image.convert("RGB")
    return image


def _downscale(image: Image.Image, max_width: int) -> Image.Image:
    if image.width <= max_width:
        return image
    height = max(1, round(image.height * max_width / image.width))
    return image.resize((max_width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)


def looks_like_graphic(image: Image.Image) -> bool:
    """Screenshots, diagrams and line art: few colours, large flat areas."""
    sample = image.convert("RGBA" if image.mode == "RGBA" else "RGB")
    if sample.width * sample.height > 256 * 256:
        scale = (256 * 256 / (sample.width * sample.height)) ** 0.5
        size = (max(1, int(sample.width * scale)), max(1, int(sample.height * scale)))
        sample = sample.resize(size, Image.Resampling.NEAREST)
    total = sample.width * sample.height
    colors = sample.getcolors(maxcolors=total)
    if colors is None:  # pragma: no cover - maxcolors=total always suffices
        return False
    # Few colours means a graphic, except in grey: every greyscale photograph has at most 256.
    # (A lossy decoder leaves a few levels of colour in grey pixels.)
    grey = all(max(color[:3]) - min(color[:3]) <= 8 for _, color in colors)
    if len(colors) <= 256 and not grey:
        return True
    top = sum(count for count, _ in sorted(colors, reverse=True)[:8])
    return top / total >= 0.4


# -- encoding ------------------------------------------------------------------------------------
def _exact_palette(image: Image.Image) -> Image.Image:
    """A palette image when that loses nothing (screenshots shrink a lot), else ``image``."""
    if image.getcolors(256) is None:
        return image
    try:
        paletted = image.quantize(colors=256, method=Image.Quantize.FASTOCTREE, dither=0)
        if ImageChops.difference(paletted.convert(image.mode), image).getbbox() is None:
            return paletted
    except (ValueError, OSError):
        pass
    return image


def _encode_still(image: Image.Image, fmt: str) -> bytes:
    out = io.BytesIO()
    if fmt == "JPEG":
        image.save(out, "JPEG", quality=QUALITY, optimize=True, progressive=True)
    elif fmt == "WEBP":
        image.save(out, "WEBP", quality=QUALITY, method=4)
    else:
        _exact_palette(image).save(out, "PNG", optimize=True)
    return out.getvalue()


def _encode_animation(
    frames: list[Image.Image], durations: list[int], fmt: str, loop: int
) -> bytes:
    out = io.BytesIO()
    options = {"save_all": True, "append_images": frames[1:], "duration": durations, "loop": loop}
    if fmt == "GIF":
        frames[0].save(out, "GIF", disposal=2, optimize=False, **options)
    else:
        frames[0].save(out, "WEBP", quality=QUALITY, method=4, **options)
    return out.getvalue()


def _has_metadata(image: Image.Image) -> bool:
    if any(key in image.info for key in _METADATA_KEYS):
        return True
    if getattr(image, "text", None):  # PNG text chunks
        return True
    applist = getattr(image, "applist", [])  # JPEG APPn segments other than JFIF/Adobe
    return any(marker not in ("APP0", "APP14") for marker, _ in applist)


def _process_animation(image: Image.Image, fmt: str, data: bytes, name: str, max_width: int):  # noqa: ANN202
    frames: list[Image.Image] = []
    durations: list[int] = []
    try:
        for frame in ImageSequence.Iterator(image):
            durations.append(int(frame.info.get("duration", 100) or 100))
            rgba = _downscale(frame.convert("RGBA"), max_width)
            rgba.info = {}  # no comment or XMP block travels on
            frames.append(rgba)
    except _DECODE_ERRORS as exc:
        raise _decode_error(exc, name) from None
    width, height = frames[0].size
    if image.width <= max_width and not _has_metadata(image):
        # Already small enough: re-encoding an animation only loses quality.
        return ProcessedImage(data, fmt, width, height, len(frames))
    loop = int(image.info.get("loop", 0) or 0)
    encoded = _encode_animation(frames, durations, fmt, loop)
    return ProcessedImage(encoded, fmt, width, height, len(frames))


def process_image(
    data: bytes,
    name: str = "",
    *,
    max_width: int = DEFAULT_MAX_WIDTH,
    max_pixels: int = DEFAULT_MAX_PIXELS,
    photo_format: str = "JPEG",
) -> ProcessedImage:
    """Run the bytes of an image through the pipeline (no file is written)."""
    if max_width < 1:
        raise ValueError("max_width must be at least 1")
    photo_format = photo_format.upper()
    if photo_format not in ("JPEG", "WEBP"):
        raise ValueError("photo_format must be JPEG or WEBP")
    fmt = sniff_format(data)
    if fmt is None:
        raise _fail(text("image.not-accepted", what=describe_content(data)), name)
    image = _open(data, fmt, name, max_pixels)
    try:
        if getattr(image, "is_animated", False) and image.n_frames > 1:
            return _process_animation(image, fmt, data, name, max_width)
        image.load()
    except _DECODE_ERRORS as exc:
        raise _decode_error(exc, name) from None
    except MemoryError:
        raise _fail(text("image.out-of-memory"), name) from None

    try:
        orientation = image.getexif().get(0x0112, 1) if fmt in ("JPEG", "WEBP", "PNG") else 1
    except (*_DECODE_ERRORS, KeyError, TypeError):
        orientation = 1  # an unreadable EXIF block: the pixels as stored
    source_mode, metadata = image.mode, _has_metadata(image)
    try:
        work = ImageOps.exif_transpose(image) if orientation not in (None, 1) else image
    except _DECODE_ERRORS:
        work = image  # a broken EXIF block: keep the pixels as stored
    work = _normalize_mode(_to_srgb(work))
    resized = work.width > max_width
    work = _downscale(work, max_width)
    work.info = {}  # nothing from the source file travels on

    if fmt == "JPEG" or (fmt == "WEBP" and not looks_like_graphic(work)):
        # Already lossy: stays a photo format (a JPEG screenshot as PNG only grows).
        out_fmt = photo_format if work.mode != "RGBA" else "WEBP"
    elif looks_like_graphic(work):
        out_fmt = "PNG"
    else:
        out_fmt = "WEBP" if work.mode == "RGBA" else photo_format
    if out_fmt == "WEBP" and work.mode == "L":
        work = work.convert("RGB")
    encoded = _encode_still(work, out_fmt)
    untouched = not resized and orientation in (None, 1) and not metadata
    plain_mode = source_mode not in ("CMYK", "I", "I;16", "F")
    if untouched and plain_mode and out_fmt == fmt and len(data) <= len(encoded):
        encoded = data  # a clean file that is already right keeps its (smaller) bytes
    return ProcessedImage(encoded, out_fmt, work.width, work.height)


# -- into the issue ------------------------------------------------------------------------------
def _read_source(source: Path | str | bytes, name: str | None) -> tuple[bytes, str]:
    if isinstance(source, bytes | bytearray):
        data = bytes(source)
        if len(data) > MAX_INPUT_BYTES:
            raise _fail(text("image.file-too-large", megabytes=len(data) / 1e6), name or "")
        return data, name or "image"
    path = Path(source)
    label = name or str(path)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise _fail(text("image.not-a-file"), label)
        if size > MAX_INPUT_BYTES:
            raise _fail(text("image.file-too-large", megabytes=size / 1e6), label)
        return path.read_bytes(), label
    except FileNotFoundError:
        raise _fail(text("image.file-not-found"), label) from None
    except PermissionError:
        raise _fail(text("image.permission-denied"), label) from None
    except OSError as exc:
        raise _fail(
            text("image.cannot-read-file", detail=str(exc.strerror or exc)), label
        ) from None


def import_image(
    source: Path | str | bytes,
    issue_folder: Path | str,
    *,
    name: str | None = None,
    max_width: int = DEFAULT_MAX_WIDTH,
    max_pixels: int = DEFAULT_MAX_PIXELS,
    photo_format: str = "JPEG",
    original: str | None = None,
) -> ImportedImage:
    """Process an image file (or bytes, e.g. from the clipboard) into ``<issue>/assets/``.

    ``name`` labels bytes in error messages. The file is written atomically and only when
    an identical one is not already there. The name it came from (``original``, else the
    file's own; bytes have none) is remembered beside it (names.py).
    """
    folder = Path(issue_folder)
    if not folder.is_dir():
        raise IssueNotFoundError(text("image.issue-folder-not-found"), folder)
    data, label = _read_source(source, name)
    processed = process_image(
        data, label, max_width=max_width, max_pixels=max_pixels, photo_format=photo_format
    )
    target = folder / ASSETS_DIR / processed.name
    existed = target.is_file() and target.stat().st_size == len(processed.data)
    if not existed:
        atomic_write_bytes(target, processed.data)
    if original is None and not isinstance(source, bytes | bytearray):
        original = label
    if original:
        remember_name(folder, f"{ASSETS_DIR}/{processed.name}", original)
    return ImportedImage(
        path=f"{ASSETS_DIR}/{processed.name}",
        width=processed.width,
        height=processed.height,
        bytes=len(processed.data),
        format=processed.format,
        frames=processed.frames,
        existed=existed,
        source=label,
    )
