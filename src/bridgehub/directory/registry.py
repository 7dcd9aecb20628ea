"""Company registry numbers, validated by the rule of the issuing country.

Taiwan: 統一編號 (Unified Business Number), 8 digits with the weighted checksum (incl. the
7th-digit-is-7 rule). Japan: 法人番号 (Corporate Number), 13 digits with a leading check digit.
Other countries: free text (their formats vary too much to validate without a registry).
"""

from __future__ import annotations

from stdnum.exceptions import InvalidChecksum, InvalidFormat, InvalidLength, ValidationError
from stdnum.jp import cn as japan_corporate_number
from stdnum.tw import ubn as taiwan_ubn

_VALIDATORS = {"TW": taiwan_ubn, "JP": japan_corporate_number}


class RegistryNumberError(ValueError):
    """The number does not follow its country's rule; `reason` says which part."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def normalise_registry_number(country: str, number: str) -> str:
    """The canonical form of `number`, or RegistryNumberError saying what is wrong."""
    number = (number or "").strip()
    if not number:
        return ""
    module = _VALIDATORS.get(country)
    if module is None:
        return number
    try:
        return str(module.validate(number))
    except InvalidLength as exc:
        raise RegistryNumberError("length") from exc
    except InvalidFormat as exc:
        raise RegistryNumberError("format") from exc
    except InvalidChecksum as exc:
        raise RegistryNumberError("checksum") from exc
    except ValidationError as exc:
        raise RegistryNumberError("format") from exc
