#pragma once
// TG_CHECK guards invariants: a failed check is a bug, so it prints the
// condition and its place to stderr and aborts. Not for bad input.
#include <cstdio>
#include <cstdlib>

#define TG_CHECK(cond)                                                                   \
  do {                                                                                   \
    if (!(cond)) {                                                                       \
      std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);      \
      std::abort();                                                                      \
    }                                                                                    \
  } while (false)
