"""The zoo models of tools/crosscheck/zoo_models.py as factories for `netcount-import --torch
zoo_factories:<name>` (tests/import/check_zoo.py puts both directories on PYTHONPATH).

PREBUILT: modules check_zoo.py has already built (and exported to ONNX), handed to the --torch
route in the same process instead of building the model a second time."""

import zoo_models

_MODELS = {m.name: m for m in zoo_models.MODELS if m.build is not None}
PREBUILT = {}


def __getattr__(name):
    if name not in _MODELS:
        raise AttributeError(name)
    if name in PREBUILT:
        return lambda: PREBUILT[name]
    return _MODELS[name].build
