#!/usr/bin/python3
"""Make sure Debian's Python packages that the model scripts need are there.

Missing ones are installed with apt-get when running as root; otherwise the
script stops with one line naming the Debian packages to install.  Training is
also about 8x faster with OpenBLAS than with the reference BLAS, so
libopenblas0-pthread is installed alongside as root (only a warning otherwise,
see make_tiny_model.warn_if_reference_blas).
"""
from __future__ import annotations

import importlib.util
import os
import subprocess
import sys

# Python module -> Debian package
PACKAGES = {
    'numpy': 'python3-numpy',
    'torch': 'python3-torch',
    'onnx': 'python3-onnx',
    'sentencepiece': 'python3-sentencepiece',
}


def require_python_packages(modules=tuple(PACKAGES)) -> None:
    missing = [PACKAGES[m] for m in modules if importlib.util.find_spec(m) is None]
    if not missing:
        return
    if os.geteuid() != 0:
        sys.exit(f'targum: missing Python packages; install the Debian packages: sudo apt-get install '
                 f'{" ".join(missing)} libopenblas0-pthread (and run with /usr/bin/python3)')
    print(f'Installing {" ".join(missing)} with apt-get...', flush=True)
    env = {**os.environ, 'DEBIAN_FRONTEND': 'noninteractive'}
    ok = subprocess.run(['apt-get', 'update', '-qq'], env=env).returncode == 0 and subprocess.run(
        ['apt-get', 'install', '-y', '-qq', *missing, 'libopenblas0-pthread'], env=env).returncode == 0
    importlib.invalidate_caches()
    still = [PACKAGES[m] for m in modules if importlib.util.find_spec(m) is None]
    if not ok or still:
        sys.exit(f'targum: could not install {" ".join(still or missing)} with apt-get')
