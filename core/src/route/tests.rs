//! Unit tests of the route family over literal bytes.
