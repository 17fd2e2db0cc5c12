"""Sign-in forms: password first, then a code from the app or a backup code."""

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm

from accounts.models import EmailPreference

# Longer usernames cannot exist; refusing them here keeps them away from the
# lockout table, whose column is shorter than anything a browser may post.
USERNAME_MAX = get_user_model()._meta.get_field("username").max_length or 150


class LoginForm(AuthenticationForm):
    def clean_username(self) -> str:
        username = self.cleaned_data.get("username") or ""
        if len(username) > USERNAME_MAX:
            raise self.get_invalid_login_error()
        return username


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=20,
        help_text="The 6 digits your authenticator app shows, or a backup code.",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autofocus": True}
        ),
    )

    def clean_code(self) -> str:
        return "".join(self.cleaned_data["code"].split())


class EmailPreferenceForm(forms.ModelForm):
    class Meta:
        model = EmailPreference
        fields = ["digests"]
