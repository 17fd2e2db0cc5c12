from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from accounts.middleware import start_session_record

        def on_sign_in(sender: object, request: object, user: object, **kw: object):
            # Django's own hook for "a session just signed in" (force_login too).
            if request is not None:
                start_session_record(request, user)  # type: ignore[arg-type]

        user_logged_in.connect(on_sign_in, dispatch_uid="accounts-session-record")
