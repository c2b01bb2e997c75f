"""Postal addresses as people type them (sessions' venues): the one place that reads them."""

import re

_POSTCODE_AND_TOWN = re.compile(r"^(\d{4,5})\s+(\S.*)$")


def split_address(address):
    """A French address as typed ("3 quai des Initiatives\n44000 Nantes", or on one line with
    commas): (street parts, postcode, town). When the last part is not "<postcode> <town>", the
    postcode is "" and that last part is the town."""
    parts = [part.strip() for part in re.split(r"[\n,]", address or "") if part.strip()]
    found = _POSTCODE_AND_TOWN.match(parts[-1]) if parts else None
    if found:
        return parts[:-1], *found.groups()
    return parts[:-1], "", parts[-1] if parts else ""
