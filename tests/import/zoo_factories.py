"""The zoo models of tools/crosscheck/zoo_models.py as factories for `netcount-import --torch
zoo_factories:<name>` (tests/import/check_zoo.py puts both directories on PYTHONPATH)."""

import zoo_models

_MODELS = {m.name: m for m in zoo_models.MODELS if m.build is not None}


def __getattr__(name):
    if name not in _MODELS:
        raise AttributeError(name)
    return _MODELS[name].build
