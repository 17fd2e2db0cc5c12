"""Reading plotly.js typed arrays ({"dtype", "bdata"}) back, as plotly.js does."""

import base64
from array import array

CODES = {"i1": "b", "i2": "h", "i4": "i", "f8": "d"}


def decoded(spec: dict) -> list:
    """The numbers a typed-array spec holds (little-endian bytes, base64)."""
    values = array(CODES[spec["dtype"]], base64.b64decode(spec["bdata"]))
    return values.tolist()
