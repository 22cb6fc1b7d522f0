"""The HTTP seam against the local news site (a real server on 127.0.0.1)."""
import gzip

import httpx
import pytest

from flows.demo.site import BAD_PATHS, NewsSite
from sources.errors import FetchError, RefusedError, TooLargeError
from sources.http import Fetcher, decode_body, make_client
from sources.netguard import address_problem
from sources.policy import FetchPolicy, policy_from_mapping

LOOPBACK = ("127.0.0.0/8",)


def policy(**kw) -> FetchPolicy:
    base = dict(connect_timeout_s=2, read_timeout_s=1.5, deadline_s=5, per_host_interval_s=0,
                per_host_concurrency=4, max_body_bytes=1_000_000, max_decompressed_bytes=2_000_000,
                retries=1, retry_backoff_s=0.05, allow_private_networks=LOOPBACK)
    base.update(kw)
    return FetchPolicy(**base)


@pytest.fixture(scope="module")
def site():
    with NewsSite(slow_s=4) as s:
        yield s


@pytest.fixture
def fetcher():
    with Fetcher(policy()) as f:
        yield f


def requests_to(site, path):
    return [r for r in site.requests if r[0] == path]


def test_conditional_get_gets_304_with_the_stored_validators(site, fetcher):
    url = site.feed_url("sahel-daily")
    first = fetcher.get(url)
    assert first.status == 200 and first.etag and b"<rss" in first.body
    again = fetcher.get(url, etag=first.etag, last_modified=first.last_modified)
    assert again.not_modified and again.body == b""
    assert requests_to(site, "/sahel-daily/feed.xml")[-1] == ("/sahel-daily/feed.xml", True, 304)


def test_server_errors_are_retried_and_reported(site, fetcher):
    before = len(requests_to(site, BAD_PATHS["server_error"]))
    with pytest.raises(FetchError) as err:
        fetcher.get(site.url + BAD_PATHS["server_error"])
    assert err.value.reason == "HTTP 500 Internal Server Error" and err.value.transient
    assert len(requests_to(site, BAD_PATHS["server_error"])) - before == 2  # one retry


def test_a_404_is_not_retried(site, fetcher):
    with pytest.raises(FetchError) as err:
        fetcher.get(site.url + "/nowhere.html")
    assert err.value.status == 404 and not err.value.transient
    assert len(requests_to(site, "/nowhere.html")) == 1


def test_a_slow_answer_times_out(site, fetcher):
    with pytest.raises(FetchError, match="timed out"):
        fetcher.get(site.url + BAD_PATHS["slow"])


def test_a_redirect_loop_is_refused(site, fetcher):
    with pytest.raises(RefusedError, match="redirect loop"):
        fetcher.get(site.url + BAD_PATHS["redirect_loop"])


def test_a_long_redirect_chain_is_refused(site):
    with Fetcher(policy(max_redirects=0)) as f, pytest.raises(RefusedError, match="more than 0 redirects"):
        f.get(site.url + BAD_PATHS["redirect_loop"])


def test_a_huge_body_stops_reading_at_the_cap(site, fetcher):
    with pytest.raises(TooLargeError, match="body larger than 1,000,000 bytes"):
        fetcher.get(site.url + BAD_PATHS["huge"])


def test_a_gzip_bomb_stops_at_the_decompressed_cap(site, fetcher):
    with pytest.raises(TooLargeError, match="decompressed body larger than 2,000,000"):
        fetcher.get(site.url + BAD_PATHS["gzip_bomb"])


def test_a_bogus_304_is_an_error(site, fetcher):
    with pytest.raises(FetchError, match="not conditional"):
        fetcher.get(site.url + BAD_PATHS["bogus_304"])


def test_robots_txt_is_obeyed(site, fetcher):
    with pytest.raises(RefusedError, match="robots.txt"):
        fetcher.get(site.url + BAD_PATHS["robots"])
    assert not requests_to(site, BAD_PATHS["robots"])


@pytest.mark.parametrize("url", ["http://10.1.2.3/feed.xml", "http://192.168.0.1/rss", "http://169.254.169.254/latest/",
                                 "http://[::1]/feed.xml", "http://0.0.0.0/"])
def test_private_addresses_are_refused(url, fetcher):
    with pytest.raises(RefusedError, match="refused: .* address"):
        fetcher.get(url)


def test_loopback_is_refused_unless_allowed(site):
    with Fetcher(policy(allow_private_networks=())) as f, pytest.raises(RefusedError, match="loopback address 127.0.0.1"):
        f.get(site.feed_url("courrier"))


def test_a_redirect_to_a_private_address_is_refused(site, fetcher):
    with pytest.raises(RefusedError, match="private address 10.20.30.40"):
        fetcher.get(site.url + BAD_PATHS["to_private"])


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "gopher://x"])
def test_only_http_and_https(url, fetcher):
    with pytest.raises(RefusedError, match="only http and https"):
        fetcher.get(url)


def test_dns_failure_fails_fast_without_retry(fetcher):
    with pytest.raises(FetchError, match="cannot connect") as err:
        fetcher.get("http://no-such-host.invalid/feed.xml")
    assert not err.value.transient


def test_address_rules():
    assert address_problem("8.8.8.8") is None
    assert "private" in address_problem("10.0.0.1")
    assert "link-local" in address_problem("169.254.1.1")
    assert address_problem("127.0.0.1", [__import__("ipaddress").ip_network("127.0.0.0/8")]) is None
    assert "loopback" in address_problem("::ffff:127.0.0.1")


def test_the_user_agent_is_honest_and_only_gzip_is_asked_for():
    seen = {}

    def handler(request: httpx.Request) -> httpx.Response:
        seen.update(request.headers)
        return httpx.Response(200, stream=httpx.ByteStream(b"ok"))

    real = make_client(policy())
    assert real.headers["accept-encoding"] == "gzip, deflate" and not real.follow_redirects
    client = httpx.Client(transport=httpx.MockTransport(handler), headers=real.headers)
    with Fetcher(policy(obey_robots=False), client=client) as f:
        assert f.get("https://example.org/x").body == b"ok"
    assert seen["user-agent"].startswith("sahelwatch/") and "+https://" in seen["user-agent"]


def test_retry_after_beyond_the_cap_gives_up_at_once():
    calls = []

    def handler(request):
        calls.append(request.url)
        return httpx.Response(429, headers={"Retry-After": "3600"})

    with Fetcher(policy(obey_robots=False), client=httpx.Client(transport=httpx.MockTransport(handler))) as f:
        with pytest.raises(FetchError, match="429"):
            f.get("https://example.org/feed")
    assert len(calls) == 1


def test_decode_body_caps_and_decodes():
    data = gzip.compress(b"a" * 5000)
    assert b"".join(decode_body("u", iter([data[:10], data[10:]]), "gzip", 10_000)) == b"a" * 5000
    with pytest.raises(TooLargeError):
        b"".join(decode_body("u", iter([data]), "gzip", 4000))
    with pytest.raises(FetchError, match="corrupt"):
        b"".join(decode_body("u", iter([b"not gzip at all"]), "gzip", 4000))


def test_policy_from_a_config_table():
    p = policy_from_mapping({"user_agent": "x/1", "allow_private_networks": "127.0.0.0/8, 10.0.0.0/8", "retries": 0})
    assert p.allow_private_networks == ("127.0.0.0/8", "10.0.0.0/8") and p.retries == 0
    with pytest.raises(ValueError, match="unknown key"):
        policy_from_mapping({"retry": 1})
    with pytest.raises(ValueError, match="allow_private_networks"):
        policy_from_mapping({"allow_private_networks": ["not a network"]})


def test_an_unreachable_search_host_is_tried_once_per_run(fetcher):
    from sources.collect import Collector
    from sources.config import SourceSpec

    watched = [("group", f"Group number {i}", ()) for i in range(30)]
    spec = SourceSpec("s", "news_search", options={"template": "http://no-such-host.invalid/rss?q={query}",
                                                   "max_query_chars": 60})
    res = Collector(fetcher, {}, set(), watched).collect(spec)
    assert res.outcome().status == "error" and res.urls == 1
    assert "DNS lookup failed" in res.errors[0][2] and "more URLs not tried" in res.errors[1][2]
