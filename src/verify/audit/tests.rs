//! Tests of the whole audit on real sentences of the flagship site.
