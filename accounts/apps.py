from django.apps import AppConfig


def on_sign_in(sender: object, request: object, user: object, **kw: object) -> None:
    # Django's own hook for "a session just signed in" (force_login too).
    from accounts.middleware import start_session_record

    if request is not None:
        start_session_record(request, user)  # type: ignore[arg-type]


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        # A module-level receiver: signals hold receivers weakly, so a function
        # defined inside ready() was collected at once and the record was only
        # written, with a session save, on the first page after signing in.
        user_logged_in.connect(on_sign_in, dispatch_uid="accounts-session-record")
