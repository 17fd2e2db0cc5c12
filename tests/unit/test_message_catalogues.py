"""The committed message catalogues: every .mo is compiled from its .po as it
stands, with nothing left fuzzy or untranslated in the languages we ship."""

import ast
import gettext
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parents[2] / "locale"
CATALOGUES = sorted(LOCALE.glob("*/LC_MESSAGES/*.po"))


def entries(po: Path) -> dict[str, str | tuple[str, ...]]:
    """msgid (with its context, as gettext keys it) -> msgstr, or every plural form."""
    found: dict[str, str | tuple[str, ...]] = {}
    entry: dict[str, str] = {}
    field = ""

    def close() -> None:
        if "msgid" in entry and entry["msgid"]:
            key = entry["msgid"]
            if "msgctxt" in entry:
                key = f"{entry['msgctxt']}\x04{key}"
            plurals = sorted(k for k in entry if k.startswith("msgstr["))
            found[key] = (
                tuple(entry[k] for k in plurals) if plurals else entry["msgstr"]
            )
        entry.clear()

    for line in po.read_text(encoding="utf-8").splitlines():
        if line.startswith("#,") and "fuzzy" in line and entry.get("msgid") != "":
            found["__fuzzy__"] = "yes"
        if not line.strip():
            close()
            continue
        if line.startswith("#"):
            continue
        if line.startswith('"'):
            entry[field] += ast.literal_eval(line)
            continue
        keyword, _, text = line.partition(" ")
        if keyword == "msgid" and "msgstr" in entry:
            close()
        field = keyword
        entry[field] = ast.literal_eval(text)
    close()
    return found


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda p: str(p.relative_to(LOCALE)))
def test_every_message_is_translated_and_the_mo_is_compiled_from_the_po(po):
    wanted = entries(po)
    assert "__fuzzy__" not in wanted
    with po.with_suffix(".mo").open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)._catalog  # type: ignore[attr-defined]
    for msgid, msgstr in wanted.items():
        forms = msgstr if isinstance(msgstr, tuple) else (msgstr,)
        assert all(forms), f"untranslated in {po}: {msgid!r}"
        if isinstance(msgstr, tuple):
            for n, form in enumerate(forms):
                assert compiled[(msgid, n)] == form, msgid
        else:
            assert compiled[msgid] == msgstr, msgid


def test_there_are_catalogues_for_polish_and_urdu():
    assert {p.parts[-3] for p in CATALOGUES} >= {"pl", "ur"}
