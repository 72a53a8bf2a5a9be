"""Shared audio code for the wake word and speech-intent models."""

import os

# One BLAS thread: the machine's cores are shared, and small matrices gain nothing from more.
for _v in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_v, "1")
