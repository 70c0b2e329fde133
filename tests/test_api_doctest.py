"""The notebook API's docstring examples run as written, from a folder holding the example."""

from __future__ import annotations

import doctest
import shutil

from diplograph.graph import api, pipeline


def test_api_docstring_examples_run(tmp_path, monkeypatch, example_path):
    (tmp_path / "examples").mkdir()
    shutil.copy(example_path, tmp_path / "examples" / example_path.name)
    monkeypatch.chdir(tmp_path)
    for module in (api, pipeline):
        failed, attempted = doctest.testmod(module, verbose=False)
        assert attempted > 0 and failed == 0, module.__name__
