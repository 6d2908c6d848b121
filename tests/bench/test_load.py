import pytest

from bench.load import check_loopback, parse_wrk

WRK_OUTPUT = """Running 3s test @ http://127.0.0.1:8765/api/v2/pages/
  1 threads and 4 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    41.20ms   10.01ms 120.33ms   80.00%
    Req/Sec    97.10     10.20   120.00     70.00%
  Latency Distribution
     50%   39.50ms
     75%   45.10ms
     90%   52.00ms
     99%    1.20s
  291 requests in 3.01s, 3.61MB read
  Socket errors: connect 0, read 0, write 0, timeout 2
  Non-2xx or 3xx responses: 3
Requests/sec:     96.68
Transfer/sec:      1.20MB
"""


def test_wrk_report_is_read_with_units_and_errors():
    result = parse_wrk(WRK_OUTPUT)
    assert result.requests == 291
    assert result.rps == 96.68
    assert result.p50_ms == 39.5
    assert result.p99_ms == 1200.0
    assert result.errors == 5


def test_wrk_report_without_latencies_is_refused():
    with pytest.raises(ValueError, match="no latency distribution"):
        parse_wrk("unable to connect to 127.0.0.1:8765 Connection refused")


@pytest.mark.parametrize(
    "url", ["http://example.org/", "http://10.0.0.5:8000/", "http://192.168.1.2/"]
)
def test_load_is_never_sent_off_this_machine(url):
    with pytest.raises(ValueError, match="loopback"):
        check_loopback(url)


@pytest.mark.parametrize("url", ["http://127.0.0.1:8765/", "http://localhost:8000/x"])
def test_loopback_addresses_are_accepted(url):
    check_loopback(url)
