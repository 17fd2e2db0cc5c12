"""Locust load test, in two profiles (LOAD_PROFILE):

- workshop: 100 respondents answer once each at a human pace (3-10 s between
  steps, an autosave after each few statements as the page's script does); 5 reps
  read results at the same pace.
- stress: first /healthz alone, as fast as it goes, then the respondent mix at an
  arrival rate stepped up every STEP_SECONDS (each user sends PER_USER requests
  a second, looping over its own journey); bench/load/run.py finds the highest
  step whose p95 stays under 500 ms from the request log (LOAD_LOG).

Every request goes alternately to each application server in LOAD_HOSTS, so a
journey only completes if the servers share all their state through the
database. A request cut short (a worker killed mid-request, a refused
connection) is retried up to MAX_TRIES times and shows in the stats under
"retried ..." rather than as a failure; every step is safe to replay.
"""

from __future__ import annotations

import csv
import json
import os
import random
import time

import gevent
from locust import (
    FastHttpUser,
    LoadTestShape,
    between,
    constant_throughput,
    events,
    task,
)
from locust.exception import StopUser

from bench.load.journey import DRAFT_STATEMENTS, form_data
from bench.load.steps import (
    HEALTHZ_SECONDS,
    HEALTHZ_USERS,
    PAUSE_SECONDS,
    PER_USER,
    STEP_SECONDS,
    STEPS,
    users_at,
)

PROFILE = os.environ.get("LOAD_PROFILE", "workshop")
HOSTS = os.environ.get("LOAD_HOSTS", "http://127.0.0.1:8101").split(",")
with open(os.environ.get("LOAD_TOKENS", "bench/load/tokens.json")) as source:
    DATA = json.load(source)
KEYS: list[str] = DATA["keys"]
REVIEW: int = DATA["review"]
WAITING = list(enumerate(DATA["tokens"]))
FINISHED = {"journeys": 0}
MAX_TRIES = 6
# What a cut connection or a restarting worker looks like from the client.
RETRYABLE = {0, 502, 503, 504}
LOG: list[tuple[float, str, float, int]] = []


@events.request.add_listener
def _log(name, response_time, exception, **kwargs) -> None:
    LOG.append((time.time(), name, response_time, 0 if exception is None else 1))


@events.quitting.add_listener
def _write_log(environment, **kwargs) -> None:
    path = os.environ.get("LOAD_LOG")
    if path:
        with open(path, "w", newline="") as out:
            csv.writer(out).writerows(LOG)


class Alternating(FastHttpUser):
    """A client on locust's lighter HTTP client (geventhttpclient), so the load
    generator, which shares the machine's two cores with the servers, takes less
    of them."""

    abstract = True
    # Only used for locust's own bookkeeping; every URL below is absolute.
    host = HOSTS[0]
    network_timeout = 20.0
    connection_timeout = 20.0

    def on_start(self) -> None:
        self.turn = random.randrange(len(HOSTS))

    def send(self, method: str, path: str, name: str, expect: int, **kwargs):
        for attempt in range(MAX_TRIES):
            base = HOSTS[self.turn % len(HOSTS)]
            self.turn += 1
            with self.client.request(
                method,
                base + path,
                name=name,
                catch_response=True,
                allow_redirects=False,
                **kwargs,
            ) as reply:
                if reply.status_code == expect:
                    reply.success()
                    return reply
                if reply.status_code in RETRYABLE and attempt + 1 < MAX_TRIES:
                    reply.request_meta["name"] = f"retried {name}"
                    reply.success()
                    continue
                reply.failure(f"{method} {path}: {reply.status_code}")
                raise StopUser()
        raise StopUser()

    def csrf(self) -> dict[str, str]:
        token = next(
            (c.value for c in self.client.cookiejar if c.name == "csrftoken"), ""
        )
        return {"X-CSRFToken": token or ""}


class Respondent(Alternating):
    """Workshop: one journey each, at a human pace."""

    fixed_count = 100

    @task
    def answer_once(self) -> None:
        if not WAITING:
            raise StopUser()
        index, token = WAITING.pop()
        here = f"/respond/{REVIEW}/"
        # People open their link as they sit down, not all in the same second.
        self.think()
        self.send("GET", f"/r/{token}/", "/r/[token]/", 302)
        self.think()
        self.send("GET", here, "/respond/[pk]/", 200)
        # The page's script saves the whole form shortly after each change:
        # here, once every few statements, the form so far.
        for upto in range(DRAFT_STATEMENTS, len(KEYS) + 1, DRAFT_STATEMENTS):
            self.think()
            draft = form_data(index, KEYS, upto=upto)
            self.send(
                "POST",
                here + "autosave/",
                "autosave",
                200,
                data=draft,
                headers=self.csrf(),
            )
        self.think()
        answers = dict(form_data(index, KEYS), action="continue")
        self.send("POST", here, "answers", 302, data=answers, headers=self.csrf())
        self.send("GET", here + "check/", "/respond/[pk]/check/", 200)
        self.think()
        self.send("POST", here + "submit/", "submit", 302, headers=self.csrf())
        self.send("GET", here + "thanks/", "/respond/[pk]/thanks/", 200)
        FINISHED["journeys"] += 1
        if FINISHED["journeys"] == len(DATA["tokens"]):
            # From a fresh greenlet: quitting stops this user's greenlet too.
            gevent.spawn(self.environment.runner.quit)
        raise StopUser()

    def think(self) -> None:
        # A person reading a statement and choosing.
        gevent.sleep(random.uniform(3, 10))


class Rep(Alternating):
    fixed_count = 5
    wait_time = between(3, 10)

    def on_start(self) -> None:
        super().on_start()
        self.send("GET", "/accounts/login/", "/accounts/login/", 200)
        login = dict(DATA["rep"], csrfmiddlewaretoken=self.csrf()["X-CSRFToken"])
        self.send("POST", "/accounts/login/", "login", 302, data=login)

    @task(3)
    def results(self) -> None:
        self.send("GET", f"/reviews/{REVIEW}/results/", "/reviews/[pk]/results/", 200)

    @task(1)
    def pack(self) -> None:
        self.send("GET", f"/reviews/{REVIEW}/pack/", "/reviews/[pk]/pack/", 200)

    @task(1)
    def progress(self) -> None:
        self.send("GET", f"/reviews/{REVIEW}/", "/reviews/[pk]/", 200)


class StressRespondent(Alternating):
    """Stress: a respondent who keeps answering, one step per task; once
    submitted they may change their answers until the review closes."""

    wait_time = constant_throughput(PER_USER)

    def on_start(self) -> None:
        super().on_start()
        if not WAITING:
            raise StopUser()
        self.index, token = WAITING.pop()
        self.send("GET", f"/r/{token}/", "/r/[token]/", 302)
        self.step = 0

    @task
    def next_step(self) -> None:
        here = f"/respond/{REVIEW}/"
        step = self.step % 6
        self.step += 1
        if step == 0:
            self.send("GET", here, "/respond/[pk]/", 200)
        elif step in (1, 2):
            # Once submitted, the page shows every answer, so it posts them all.
            upto = DRAFT_STATEMENTS * step if self.step <= len(KEYS) else None
            draft = form_data(self.index, KEYS, upto=upto)
            self.send(
                "POST",
                here + "autosave/",
                "autosave",
                200,
                data=draft,
                headers=self.csrf(),
            )
        elif step == 3:
            answers = dict(form_data(self.index, KEYS), action="continue")
            self.send("POST", here, "answers", 302, data=answers, headers=self.csrf())
        elif step == 4:
            self.send("GET", here + "check/", "/respond/[pk]/check/", 200)
        else:
            self.send("POST", here + "submit/", "submit", 302, headers=self.csrf())


class Healthz(Alternating):
    """Stress, first phase: the floor, as fast as the servers answer it."""

    wait_time = constant_throughput(1000)

    @task
    def healthz(self) -> None:
        self.send("GET", "/healthz", "/healthz", 200)


if PROFILE == "stress":
    # Locust uses any shape a locustfile defines, so only the stress run has one.
    class Stepped(LoadTestShape):
        """Stress only: /healthz alone, then STEPS steps of the respondent mix."""

        def tick(self):
            elapsed = self.get_run_time()
            if elapsed < HEALTHZ_SECONDS:
                return HEALTHZ_USERS, HEALTHZ_USERS, [Healthz]
            if elapsed < HEALTHZ_SECONDS + PAUSE_SECONDS:
                # Every /healthz user stopped before the mix starts: changing
                # the classes alone would leave them running beside it.
                return 0, 100, [Healthz]
            step = int((elapsed - HEALTHZ_SECONDS - PAUSE_SECONDS) // STEP_SECONDS)
            if step >= STEPS:
                return None
            return users_at(step), 20, [StressRespondent]
