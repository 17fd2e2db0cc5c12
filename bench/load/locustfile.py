"""Locust load test: 100 respondents answer once each; a few reps read results.

Every request goes alternately to each application server in LOAD_HOSTS, so a
journey only completes if the servers share all their state through the
database. A request cut short (a worker killed mid-request, a refused
connection) is retried up to MAX_TRIES times and shows in the stats under
"retried ..." rather than as a failure; every step is safe to replay.
"""

from __future__ import annotations

import json
import os
import random

import gevent
from locust import HttpUser, between, constant, task
from locust.exception import StopUser

from bench.load.journey import DRAFT_STATEMENTS, form_data

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


class Alternating(HttpUser):
    abstract = True
    # Only used for locust's own bookkeeping; every URL below is absolute.
    host = HOSTS[0]

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
                timeout=20,
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
        return {"X-CSRFToken": self.client.cookies.get("csrftoken", "")}


class Respondent(Alternating):
    fixed_count = 100
    wait_time = constant(0)

    @task
    def answer_once(self) -> None:
        if not WAITING:
            raise StopUser()
        index, token = WAITING.pop()
        here = f"/respond/{REVIEW}/"
        self.send("GET", f"/r/{token}/", "/r/[token]/", 302)
        self.think()
        self.send("GET", here, "/respond/[pk]/", 200)
        self.think()
        draft = form_data(index, KEYS, upto=DRAFT_STATEMENTS)
        self.send(
            "POST", here + "autosave/", "autosave", 200, data=draft, headers=self.csrf()
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
        # A person reading and tapping; keeps the 100 journeys overlapping.
        gevent.sleep(random.uniform(0.2, 1.0))


class Rep(Alternating):
    fixed_count = 5
    wait_time = between(0.5, 1.5)

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
