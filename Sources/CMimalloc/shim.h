#ifndef ROADMAP_MIMALLOC_H
#define ROADMAP_MIMALLOC_H

// mimalloc (Debian's libmimalloc-dev), linked into the `roadmap` executable: its shared library
// defines malloc, free and the rest, so every allocation of the process (Swift's runtime,
// Foundation, cmark-gfm) goes through it instead of glibc's. See Package.swift for the gain.
#include <mimalloc.h>

#endif
