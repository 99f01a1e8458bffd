"""Checks for week13/ex03_url_shortener: base62 codes, URL rules, aliases, expiry and redirects.

Time comes from a fake clock the check moves by hand, so expiry is tested exactly on its edge.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from workbook.checking import Learner, call, expect_call, expect_equal, expect_raises, expect_true
from workbook.checking_app import open_api

START = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)
CODES = [(0, "0"), (9, "9"), (10, "a"), (35, "z"), (36, "A"), (61, "Z"), (62, "10"),
         (125, "21"), (3843, "ZZ"), (3844, "100")]


class FakeClock:
    """A clock that stands still until the check moves it."""

    def __init__(self, now: datetime = START) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta) -> None:
        self.now += delta


def _shortener(learner: Learner, clock: FakeClock | None = None) -> Any:
    shortener_class = learner.cls("Shortener", signature="Shortener(clock)")
    return call(shortener_class, clock or FakeClock(),
                help="Shortener(clock) keeps the clock for later and starts with no links.")


def test_encode(learner: Learner) -> None:
    """encodes ids in base62, zero included"""
    encode = learner.function("encode", signature="encode(number: int) -> str")
    for number, code in CODES:
        expect_call(encode, number, returns=code,
                    help="Take divmod(number, BASE) until the number is 0, map each remainder "
                    "to ALPHABET and read the digits last remainder first; 0 itself is '0'.")


def test_encode_refuses_negative(learner: Learner) -> None:
    """refuses a negative number, naming it"""
    encode = learner.function("encode")
    expect_raises(ValueError, encode, -1, match="cannot encode a negative number: -1",
                  help="Check the sign first: raise ValueError(f'cannot encode a negative "
                  "number: {number}').")


def test_decode(learner: Learner) -> None:
    """decodes codes back into ids"""
    decode = learner.function("decode", signature="decode(code: str) -> int")
    for number, code in CODES:
        expect_call(decode, code, returns=number,
                    help="Start at 0; for each character, multiply by BASE and add the "
                    "character's position in ALPHABET.")
    expect_call(decode, "007", returns=7, help="Leading zeros add nothing.")


def test_round_trip(learner: Learner) -> None:
    """decodes every code it encodes"""
    encode = learner.function("encode")
    decode = learner.function("decode")
    for number in [*range(0, 4000, 37), 10**12, 2**63]:
        code = call(encode, number, help="encode takes any number from 0 up.")
        expect_call(decode, code, returns=number,
                    help="decode(encode(n)) must give n back for every n.")


def test_decode_refuses_bad_codes(learner: Learner) -> None:
    """refuses an empty code and characters outside the alphabet"""
    decode = learner.function("decode")
    expect_raises(ValueError, decode, "", match="empty code",
                  help="An empty code is not 0: raise ValueError('empty code').")
    for code, char in (("ab!", "'!'"), ("a-b", "'-'"), ("é", "'é'")):
        expect_raises(ValueError, decode, code, match=f"invalid character {char} in code",
                      help="Raise ValueError(f'invalid character {char!r} in code') for a "
                      "character that is not in ALPHABET (ALPHABET.find gives -1).")


def test_validate_url_accepts(learner: Learner) -> None:
    """accepts http and https URLs up to the length limit"""
    validate_url = learner.function("validate_url", signature="validate_url(url: str) -> str")
    longest = "https://example.com/" + "a" * (2048 - len("https://example.com/"))
    for url in ("https://example.com/docs?page=2", "http://localhost:8000/", "HTTPS://Example.com",
                longest):
        expect_call(validate_url, url, returns=url,
                    help="http and https (in any case) with a host are fine, up to and "
                    "including MAX_URL_LENGTH characters; return the URL unchanged.")


def test_validate_url_refuses(learner: Learner) -> None:
    """refuses other schemes, URLs without a host and URLs that are too long"""
    validate_url = learner.function("validate_url")
    for url in ("ftp://example.com/file", "javascript:alert(1)", "example.com/page",
                "mailto:ana@example.com", ""):
        expect_raises(ValueError, validate_url, url, match="only http and https URLs are allowed",
                      help="Compare urlsplit(url).scheme with 'http' and 'https'; a javascript: "
                      "link would run code in the visitor's browser.")
    expect_raises(ValueError, validate_url, "https:///path", match="URL has no host",
                  help="A URL such as 'https:///path' has a scheme but no host "
                  "(urlsplit(url).hostname is None).")
    too_long = "https://example.com/" + "a" * (2049 - len("https://example.com/"))
    expect_raises(ValueError, validate_url, too_long, match="URL longer than 2048 characters",
                  help="Refuse a URL of more than MAX_URL_LENGTH characters; exactly 2048 is "
                  "still allowed.")


def test_codes_count_up(learner: Learner) -> None:
    """gives links the base62 codes of 1, 2, 3 and so on"""
    shortener = _shortener(learner)
    codes = [call(shortener.shorten, f"https://example.com/{n}",
                  help="shorten(url) returns the stored Link.").code for n in range(62)]
    expect_equal(codes[:3], ["1", "2", "3"], what="the codes of the first three links",
                 help="Start the ids at 1 and encode each with encode().")
    expect_equal(codes[-1], "10", what="the code of the 62nd link",
                 help="The 62nd link has id 62, which is '10' in base62.")
    expect_equal(len(set(codes)), 62, what="how many distinct codes 62 links got",
                 help="Move the id on after every link.")


def test_resolve(learner: Learner) -> None:
    """resolves a code to its URL and refuses an unknown one"""
    shortener = _shortener(learner)
    link = call(shortener.shorten, "https://example.com/a",
                help="shorten(url) returns the stored Link.")
    call(shortener.shorten, "https://example.com/b", help="shorten(url) returns the Link.")
    expect_equal((link.url, link.expires_at), ("https://example.com/a", None),
                 what="the Link for https://example.com/a without a ttl",
                 help="Without a ttl, expires_at is None.")
    expect_call(shortener.resolve, "1", returns="https://example.com/a",
                help="resolve(code) returns the URL stored under that code.")
    expect_call(shortener.resolve, "2", returns="https://example.com/b",
                help="Each code keeps its own URL.")
    unknown = learner.attribute("UnknownCode", kind="exception class")
    expect_raises(unknown, shortener.resolve, "zz",
                  help="A code nobody created raises UnknownCode.")


def test_aliases(learner: Learner) -> None:
    """uses a free custom alias as the code and refuses a taken one"""
    shortener = _shortener(learner)
    alias_taken = learner.attribute("AliasTaken", kind="exception class")
    link = call(shortener.shorten, "https://example.com/launch", alias="launch",
                help="shorten(url, alias=...) stores the link under the alias.")
    expect_equal(link.code, "launch", what="the code of a link created with alias='launch'",
                 help="The alias is the code.")
    expect_raises(alias_taken, shortener.shorten, "https://example.com/other", alias="launch",
                  match="launch",
                  help="An alias already in use raises AliasTaken naming it; never overwrite "
                  "someone else's link.")
    expect_call(shortener.resolve, "launch", returns="https://example.com/launch",
                help="The refused alias must leave the first link as it was.")
    for alias in ("a", "x" * 32, "spring_sale-2026"):
        created = call(shortener.shorten, "https://example.com/", alias=alias,
                       help="Aliases of 1 to 32 letters, digits, '_' or '-' are allowed.")
        expect_equal(created.code, alias, what=f"the code for alias={alias!r}",
                     help="A valid alias is used as it is.")


def test_invalid_aliases(learner: Learner) -> None:
    """refuses aliases that do not match the alias rule"""
    shortener = _shortener(learner)
    for alias in ("", "x" * 33, "has space", "slash/here"):
        expect_raises(ValueError, shortener.shorten, "https://example.com/", alias=alias,
                      match=f"invalid alias: {alias!r}",
                      help="Test the alias with ALIAS.fullmatch and raise ValueError(f'invalid "
                      "alias: {alias!r}'); an empty alias is not the same as no alias.")


def test_generated_codes_skip_aliases(learner: Learner) -> None:
    """never hands out a code already taken by an alias"""
    shortener = _shortener(learner)
    call(shortener.shorten, "https://example.com/two", alias="2",
         help="shorten(url, alias='2') stores the link under '2'.")
    codes = [call(shortener.shorten, f"https://example.com/{n}", help="shorten(url) works.").code
             for n in range(2)]
    expect_equal(codes, ["1", "3"], what="the codes of two links after the alias '2'",
                 help="When encode(next id) is already a code, move on to the next id.")
    expect_call(shortener.resolve, "2", returns="https://example.com/two",
                help="The alias's link must not be replaced by a generated one.")


def test_shorten_validates(learner: Learner) -> None:
    """refuses a bad URL or ttl and stores nothing"""
    shortener = _shortener(learner)
    expect_raises(ValueError, shortener.shorten, "ftp://example.com/",
                  match="only http and https URLs are allowed",
                  help="Call validate_url(url) first and let its ValueError through.")
    for ttl in (timedelta(0), timedelta(seconds=-5)):
        expect_raises(ValueError, shortener.shorten, "https://example.com/", ttl=ttl,
                      match="ttl must be positive",
                      help="A ttl of zero or less would make a link that is dead at birth.")
    link = call(shortener.shorten, "https://example.com/", help="shorten(url) works.")
    expect_equal(link.code, "1", what="the code of the first link after refused ones",
                 help="Validate before you take an id, so a refused link uses up nothing.")


def test_expiry_edge(learner: Learner) -> None:
    """expires a link exactly when its ttl is over"""
    clock = FakeClock()
    shortener = _shortener(learner, clock)
    expired = learner.attribute("ExpiredCode", kind="exception class")
    link = call(shortener.shorten, "https://example.com/", ttl=timedelta(seconds=60),
                help="shorten(url, ttl=...) works.")
    expect_equal(link.expires_at, START + timedelta(seconds=60),
                 what="expires_at of a link made at 12:00:00 with ttl=60 s",
                 help="expires_at is clock() + ttl, read when the link is made.")
    clock.advance(timedelta(seconds=60) - timedelta(microseconds=1))
    expect_call(shortener.resolve, link.code, returns="https://example.com/",
                help="One microsecond before expires_at the link still works.")
    clock.advance(timedelta(microseconds=1))
    expect_raises(expired, shortener.resolve, link.code,
                  help="At expires_at itself the link is over: compare clock() >= expires_at "
                  "and raise ExpiredCode.")
    short = call(shortener.shorten, "https://example.com/s", ttl=timedelta(microseconds=1),
                 help="The smallest positive ttl is allowed.")
    expect_call(shortener.resolve, short.code, returns="https://example.com/s",
                help="A link with a ttl works until its ttl is over.")


def test_no_ttl_never_expires(learner: Learner) -> None:
    """keeps a link without a ttl forever"""
    clock = FakeClock()
    shortener = _shortener(learner, clock)
    link = call(shortener.shorten, "https://example.com/", help="shorten(url) works.")
    clock.advance(timedelta(days=3650))
    expect_call(shortener.resolve, link.code, returns="https://example.com/",
                help="expires_at None means the link never expires.")


def _open(learner: Learner, clock: FakeClock) -> Any:
    create_app = learner.function("create_app", signature="create_app(shortener) -> FastAPI")
    app = call(create_app, _shortener(learner, clock),
               help="create_app(shortener) builds and returns the FastAPI app.")
    return open_api(app=app)


def test_api_creates_and_redirects(learner: Learner) -> None:
    """creates a link over HTTP and redirects to it"""
    with _open(learner, FakeClock()) as api:
        api.client.follow_redirects = False
        created = api.post("/links", json={"url": "https://example.com/docs"}, expect=201,
                           help="POST /links stores the link and answers 201 Created.")
        created.expect_json({"code": "1", "url": "https://example.com/docs", "expires_at": None},
                            help="Answer the code, the URL and expires_at (null without a ttl).")
        moved = api.get("/1", expect=(302, 307),
                        help="A short link answers a temporary redirect (307, or 302); a "
                        "permanent 301 would be cached by browsers, so expiry could never work.")
        moved.expect_header("location", "https://example.com/docs",
                            help="The Location header carries the target URL.")
        missing = api.get("/nope", expect=404, help="An unknown code answers 404 Not Found.")
        missing.expect_json({"detail": "unknown code"},
                            help="Raise HTTPException(404, detail='unknown code').")


def test_api_expiry(learner: Learner) -> None:
    """answers 410 Gone for an expired link"""
    clock = FakeClock()
    with _open(learner, clock) as api:
        api.client.follow_redirects = False
        created = api.post("/links", json={"url": "https://example.com/sale", "alias": "sale",
                                           "ttl_seconds": 30}, expect=201,
                           help="POST /links accepts an alias and a ttl in seconds.")
        body = created.expect_fields({"code": "sale"}, help="The alias is the code.")
        expect_true(isinstance(body.get("expires_at"), str)
                    and datetime.fromisoformat(body["expires_at"]) == START + timedelta(seconds=30),
                    what="expires_at of a link made at 12:00:00 UTC with ttl_seconds=30",
                    expected="'2026-05-01T12:00:30+00:00'", actual=repr(body.get("expires_at")),
                    help="Send link.expires_at.isoformat().")
        clock.advance(timedelta(seconds=30))
        gone = api.get("/sale", expect=410,
                       help="An expired link answers 410 Gone: it existed and will not come "
                       "back (404 would say it never existed).")
        gone.expect_json({"detail": "link expired"},
                         help="Raise HTTPException(410, detail='link expired').")


def test_api_refusals(learner: Learner) -> None:
    """refuses a bad URL with 422 and a taken alias with 409"""
    with _open(learner, FakeClock()) as api:
        bad = api.post("/links", json={"url": "javascript:alert(1)"}, expect=422,
                       help="Turn shorten's ValueError into HTTPException(422, detail=str(error)).")
        bad.expect_fields({"detail": "only http and https URLs are allowed"},
                          help="Put the ValueError's message in detail so the client knows why.")
        api.post("/links", json={"url": "https://example.com/", "ttl_seconds": 0}, expect=422,
                 help="A ttl of 0 is refused like any other bad input.")
        api.post("/links", json={"url": "https://example.com/", "alias": "home"}, expect=201,
                 help="A free alias is accepted.")
        taken = api.post("/links", json={"url": "https://example.com/x", "alias": "home"},
                         expect=409, help="A taken alias is a conflict with existing data: 409.")
        taken.expect_text_in_body("home", help="Say which alias is taken.")
