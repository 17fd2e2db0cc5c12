"""Forms for inviting people: candidates, a pasted list, and printing links."""

import re
from dataclasses import dataclass
from typing import cast

from django import forms
from django.conf import settings
from django.core import validators
from django.http import QueryDict
from django.utils.translation import get_language_info

from partnerships.models import Membership, Person, RepAssignment, StaffRole
from reviews.actions.invitations import Invitee
from reviews.analysis.words import (
    PERSPECTIVE_LABELS,
    PERSPECTIVE_SINGULAR,
    PERSPECTIVES,
)
from reviews.forms.contact_files import read_contacts
from reviews.models import (
    ERASED_NAME,
    Invitation,
    Perspective,
    Review,
)


@dataclass(frozen=True)
class Candidate:
    person: Person
    perspective: str
    role: str

    @property
    def value(self) -> str:
        return f"{self.person.pk}:{self.perspective}"


def candidates(review: Review) -> list[Candidate]:
    """People around the appointment who could be invited and are not yet."""
    appointment = review.appointment
    invited = review.invitations.live().values("person_id")
    found: list[Candidate] = []
    for membership in (
        Membership.objects.current()
        .filter(partnership=appointment.partnership)
        .exclude(person__in=invited)
        .select_related("person")
    ):
        is_worker = membership.role == Membership.Role.WORKER
        found.append(
            Candidate(
                membership.person,
                Perspective.WORKER if is_worker else Perspective.MEMBER,
                membership.get_role_display(),
            )
        )
    for role in (
        StaffRole.objects.current()
        .filter(organisation=appointment.organisation)
        .exclude(person__in=invited)
        .select_related("person")
    ):
        found.append(
            Candidate(role.person, Perspective.LTO_STAFF, role.job_title or "LTO staff")
        )
    for assignment in (
        RepAssignment.objects.current()
        .filter(area=appointment.partnership.area_id)
        .exclude(person__in=invited)
        .select_related("person")
    ):
        found.append(Candidate(assignment.person, Perspective.REP, "Rep"))
    return found


_PERSPECTIVE_WORDS = {
    " ".join(word.lower().replace("_", " ").split()): value
    for value, *labels in zip(
        PERSPECTIVES,
        PERSPECTIVE_SINGULAR.values(),
        PERSPECTIVE_LABELS.values(),
        strict=True,
    )
    for word in (value, *labels)
}


def _language_words() -> dict[str, str]:
    """Every way a list may name a language: its code, its name in itself (as
    the language list shows it: "Polski", "اردو") and in English ("Polish")."""
    words: dict[str, str] = {}
    for code, own_name in settings.LANGUAGES:
        info = get_language_info(code)
        for word in (code, code.split("-")[0], own_name, info["name"]):
            words[" ".join(word.lower().split())] = code
    return words


@dataclass(frozen=True)
class PastedLine:
    """One good line of a pasted list."""

    number: int
    name: str
    email: str
    perspective: str
    # A code from settings.LANGUAGES, or blank: their emails go in English.
    language: str = ""

    @property
    def perspective_label(self) -> str:
        return PERSPECTIVE_SINGULAR[self.perspective]


def _fields(raw: str) -> list[str]:
    """A line's fields: name, email, perspective and an optional language."""
    if "\t" in raw:
        return raw.split("\t")
    # A name may hold a comma ("Smith, Jo"): the last fields are fixed, and a
    # fourth is a language only when the one before it is a perspective.
    parts = raw.rsplit(",", 3)
    if len(parts) == 4 and (
        _key(parts[2]) in _PERSPECTIVE_WORDS
        and _key(parts[3]) not in _PERSPECTIVE_WORDS
    ):
        return parts
    return raw.rsplit(",", 2)


def _key(word: str) -> str:
    return " ".join(word.lower().replace("_", " ").split())


def parse_pasted(text: str) -> tuple[list[PastedLine], list[str]]:
    """Lines of "name, email, perspective" with an optional preferred language
    (or tab-separated, from a spreadsheet), and one precise error for each line
    that cannot be read."""
    good: list[PastedLine] = []
    errors: list[str] = []
    first_seen: dict[str, int] = {}
    languages = _language_words()
    lines = text.splitlines()
    # The same limit as an uploaded file's rows: past it, split the list.
    if len(lines) > settings.IMPORT_MAX_ROWS:
        return [], [f"Paste at most {settings.IMPORT_MAX_ROWS:,} lines at a time."]
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        parts = _fields(raw)
        if len(parts) not in (3, 4):
            errors.append(
                f"Line {number}: write a name, an email address and a "
                "perspective, separated by commas."
            )
            continue
        name, email, word, language = (" ".join(p.split()) for p in [*parts, ""][:4])
        key = _key(word)
        email = email.lower()
        problem = ""
        if not name:
            problem = "the name is missing."
        elif email and not _is_email(email):
            problem = f"“{email}” is not an email address."
        elif key not in _PERSPECTIVE_WORDS:
            allowed = ", ".join(f"“{w}”" for w in PERSPECTIVE_SINGULAR.values())
            problem = f"“{word}” is not a perspective; use one of {allowed}."
        elif language and _key(language) not in languages:
            allowed = ", ".join(f"“{n}”" for _, n in settings.LANGUAGES)
            problem = f"“{language}” is not a language we write in; use {allowed}."
        elif email in first_seen:
            problem = f"{email} is already on line {first_seen[email]}."
        if problem:
            errors.append(f"Line {number}: {problem}")
            continue
        if email:
            first_seen[email] = number
        good.append(
            PastedLine(
                number,
                name[:200],
                email,
                _PERSPECTIVE_WORDS[key],
                languages.get(_key(language), ""),
            )
        )
    return good, errors


def _is_email(value: str) -> bool:
    try:
        validators.validate_email(value)
    except forms.ValidationError:
        return False
    return True


@dataclass(frozen=True)
class PreviewRow:
    name: str
    email: str
    perspective_label: str
    language: str = ""


class PeopleField(forms.MultipleChoiceField):
    """Ticked people. A person invited since the page was drawn is no longer a
    choice: their box is accepted and skipped, so a second submit sends nothing
    twice rather than failing."""

    def valid_value(self, value: str) -> bool:
        return super().valid_value(value) or bool(_CANDIDATE_VALUE.fullmatch(value))


_CANDIDATE_VALUE = re.compile(r"\d+:[a-z_]+")


class InviteForm(forms.Form):
    """Pick people from the records, paste a list, or add one person by hand."""

    people = PeopleField(required=False, widget=forms.CheckboxSelectMultiple)
    pasted = forms.CharField(
        label="Paste a list",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "false"}),
        help_text="One person a line: name, email, perspective (for example "
        "“Jo Smith, jo@example.org, partnership member”). Leave the email out "
        "(“Jo Smith, , partnership member”) to print their link instead. Add "
        "a language to write their emails in it (“…, partnership member, "
        "Polski”).",
    )
    contacts = forms.FileField(
        label="Or upload a file",
        required=False,
        help_text="A CSV or Excel (.xlsx) file, as a contacts app exports it, with "
        "columns headed name, email and perspective, and optionally language; "
        "other columns are left alone. "
        "Its people join the list above, to be checked before anything is sent.",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )
    name = forms.CharField(label="Name", max_length=200, required=False)
    email = forms.EmailField(
        label="Email address",
        required=False,
        help_text="Leave blank to print their link on the invitation sheet instead.",
    )
    perspective = forms.ChoiceField(
        label="They answer as",
        choices=[("", "Choose a perspective")] + Perspective.choices,
        required=False,
    )

    def __init__(self, *args, review: Review, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.review = review
        self.lines: list[PastedLine] = []
        # How many people an uploaded file added to the list, for the page to say.
        self.from_file = 0
        self.candidates = {c.value: c for c in candidates(review)}
        people = cast(forms.MultipleChoiceField, self.fields["people"])
        people.choices = [
            (c.value, f"{c.person.name} ({c.role})") for c in self.candidates.values()
        ]

    def clean(self) -> dict:
        data = super().clean()
        assert data is not None  # Form.clean returns cleaned_data
        adding = data.get("name") or data.get("email")
        if adding and not data.get("name"):
            self.add_error("name", "Give the name of the person to add.")
        if adding and not data.get("perspective"):
            self.add_error("perspective", "Choose how this person will answer.")
        if data.get("contacts"):
            self._add_file(data)
        self.lines, errors = parse_pasted(data.get("pasted", ""))
        if errors:
            self.add_error("pasted", errors)
        nobody = not (data.get("people") or adding or data.get("pasted", "").strip())
        if nobody and not self.errors:
            raise forms.ValidationError("Choose at least one person, or add someone.")
        return data

    def _add_file(self, data: dict) -> None:
        """Put the file's people under the pasted lines, in the list the page
        shows again, so the preview, the per-line messages and any fixing work on
        them as on lines typed in."""
        lines, problem = read_contacts(data["contacts"])
        if problem:
            self.add_error("contacts", problem)
            return
        pasted = data.get("pasted", "").rstrip("\n")
        data["pasted"] = "\n".join([pasted, *lines] if pasted else lines)
        bound = cast(QueryDict, self.data).copy()
        bound["pasted"] = data["pasted"]
        self.data = bound
        self.from_file = len(lines)

    def _already_invited(self) -> dict[str, Person]:
        """People with a live invitation to this review, by email address."""
        emails = [line.email for line in self.lines if line.email]
        live = self.review.invitations.live().filter(person__email__in=emails)
        return {i.person.email.lower(): i.person for i in live.select_related("person")}

    def invitees(self) -> list[Invitee]:
        chosen = [
            self.candidates[value]
            for value in self.cleaned_data["people"]
            if value in self.candidates
        ]
        found = [Invitee(c.perspective, person=c.person) for c in chosen]
        # Someone invited already keeps their link: `invite` skips a known person.
        known = self._already_invited()
        found += [
            Invitee(line.perspective, person=known[line.email])
            if line.email in known
            else Invitee(
                line.perspective,
                name=line.name,
                email=line.email,
                language=line.language,
            )
            for line in self.lines
        ]
        if self.cleaned_data.get("name"):
            found.append(
                Invitee(
                    self.cleaned_data["perspective"],
                    name=self.cleaned_data["name"],
                    email=self.cleaned_data["email"],
                )
            )
        return found

    def preview(self) -> tuple[list[PreviewRow], list[PreviewRow]]:
        """Who will be invited, and who is skipped as already holding a link."""
        known = set(self._already_invited().values())
        new: list[PreviewRow] = []
        skipped: list[PreviewRow] = []
        for invitee in self.invitees():
            person = invitee.person
            row = PreviewRow(
                person.name if person else invitee.name,
                person.email if person else invitee.email,
                PERSPECTIVE_SINGULAR[invitee.perspective],
                person.preferred_language if person else invitee.language,
            )
            (skipped if person in known else new).append(row)
        return new, skipped


class InvitationChoiceField(forms.ModelMultipleChoiceField):
    """Invitations labelled with their person and perspective."""

    def label_from_instance(self, obj: Invitation) -> str:
        # A person deleted before the admin refused it leaves an invitation without one.
        name = obj.person.name if obj.person else ERASED_NAME
        return f"{name} ({obj.get_perspective_display()})"


class InvitationSheetForm(forms.Form):
    """Whose links to print: printing mints new links for them."""

    invitations = InvitationChoiceField(
        queryset=Invitation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label="People to print a link for",
    )

    def __init__(self, *args, awaiting, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field = cast(InvitationChoiceField, self.fields["invitations"])
        field.queryset = awaiting
