"""Images of an issue: the import pipeline, the assets the panel shows, remote fetching."""

from __future__ import annotations

from .assets import (
    ASSET_FLAGS,
    COVER,
    DEFAULT_MAX_BYTES,
    SECTION_USER,
    AssetInfo,
    alt_text_edits,
    asset_files,
    asset_key,
    asset_report,
    asset_usage,
    image_size,
    missing_assets,
    oversize_reason,
    restore_asset,
    set_alt_text,
    trash_asset,
    unused_assets,
)
from .pipeline import (
    ALLOWED_FORMATS,
    DEFAULT_MAX_PIXELS,
    DEFAULT_MAX_WIDTH,
    ImportedImage,
    ProcessedImage,
    import_image,
    looks_like_graphic,
    process_image,
    sniff_format,
)
from .remote import download, fetch_remote_image

__all__ = [
    "ALLOWED_FORMATS", "ASSET_FLAGS", "COVER", "SECTION_USER", "DEFAULT_MAX_BYTES", "DEFAULT_MAX_PIXELS", "DEFAULT_MAX_WIDTH",
    "AssetInfo", "ImportedImage", "ProcessedImage", "alt_text_edits", "asset_files", "asset_key",
    "asset_report", "asset_usage", "download", "fetch_remote_image", "image_size",
    "import_image", "looks_like_graphic", "missing_assets", "oversize_reason", "process_image",
    "restore_asset", "set_alt_text", "sniff_format", "trash_asset", "unused_assets",
]  # fmt: skip
