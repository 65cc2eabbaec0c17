"""Fetch an article page over HTTP(S), saying clearly when the network does not allow it."""
from __future__ import annotations

import urllib.error
import urllib.request

from .. import __version__

TIMEOUT_SECONDS = 20
MAX_BYTES = 50 * 1024 * 1024


class FetchError(RuntimeError):
    """The page could not be fetched (no network, HTTP error, too large)."""


def is_url(arg: str) -> bool:
    return arg.startswith(("http://", "https://"))


def fetch(url: str) -> bytes:
    """The bytes of the page at `url`, or FetchError with a reason a user can act on."""
    request = urllib.request.Request(url, headers={"User-Agent": f"newsgraph/{__version__}"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            data = response.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as err:
        raise FetchError(f"could not fetch {url}: HTTP {err.code} {err.reason}") from None
    except (urllib.error.URLError, OSError) as err:
        reason = getattr(err, "reason", err)
        raise FetchError(f"could not fetch {url}: {reason}. newsgraph needs no network to "
                         "analyse; save the page and give the file instead") from None
    if len(data) > MAX_BYTES:
        raise FetchError(f"could not fetch {url}: the page is larger than {MAX_BYTES // 2**20} MB")
    return data
