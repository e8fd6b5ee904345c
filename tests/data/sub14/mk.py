"""The xlsx writer of audit 10 (tests/data/audit10-sheets/mk.py), shared:
gen.py here writes its .xlsx inputs with it."""
import importlib.util
import os

_path = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'audit10-sheets', 'mk.py')
_spec = importlib.util.spec_from_file_location('audit10_mk', _path)
_mk = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_mk)
mkxlsx = _mk.mkxlsx
