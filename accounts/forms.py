"""Sign-in forms: password first, then a code from the app or a backup code; and
the password reset, whose email goes through the outbox."""

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm

from accounts.models import EmailPreference
from reviews import tasks
from reviews.models import OutgoingMessage

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


class QueuedPasswordResetForm(PasswordResetForm):
    """Queues the reset email rather than sending it in the request: the task
    mints the link as it sends (`reviews.outbox`), and a failed send is retried.
    A second request while one is waiting adds nothing."""

    def send_mail(
        self, subject_template_name, email_template_name, context, *args, **kwargs
    ):
        user = context["user"]
        kind = OutgoingMessage.Kind.PASSWORD_RESET
        waiting = OutgoingMessage.objects.filter(
            kind=kind,
            user=user,
            status__in=[OutgoingMessage.Status.QUEUED, OutgoingMessage.Status.SENDING],
        )
        if not waiting.exists():
            tasks.send_queued([OutgoingMessage.objects.create(kind=kind, user=user)])
