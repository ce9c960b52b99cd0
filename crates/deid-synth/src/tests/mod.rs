//! Crate tests: determinism, coverage, span validity, splits and PHI-free output.

mod coverage;
mod spans;
mod splits;
