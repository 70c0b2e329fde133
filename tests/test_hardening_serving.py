"""Serving and pushing: loopback by default, and no credential ever echoed back.

Update refusal and the query timeout of ``diplograph serve`` are exercised against a live server in
tests/test_serve_http.py; these are the checks that need no server.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from diplograph.graph import remote
from diplograph.graph.cli import main
from diplograph.graph.errors import RemoteError

SECRET = "s3cret-pw"


def test_hardening_serve_binds_loopback_by_default():
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0 and "default: 127.0.0.1" in " ".join(result.output.split())
    assert "--timeout" in result.output


@pytest.mark.parametrize("endpoint", [
    f"http://ana:{SECRET}@127.0.0.1:1/store",
    f"https://:{SECRET}@example.org/store",
    f"http://ana:{SECRET}@example.org:7878/store?x=1",
])
def test_hardening_push_refuses_credentials_in_url(endpoint):
    with pytest.raises(RemoteError) as err:
        remote.validate_endpoint(endpoint)
    assert SECRET not in str(err.value) and "\n" not in str(err.value)


@pytest.mark.parametrize("endpoint", [f"ftp://ana:{SECRET}@example.org/store", f"ana:{SECRET}@example.org/store"])
def test_hardening_push_bad_scheme_hides_credentials(endpoint):
    with pytest.raises(RemoteError) as err:
        remote.validate_endpoint(endpoint)
    assert SECRET not in str(err.value)
