#ifndef ROADMAP_LIBFUZZER_H
#define ROADMAP_LIBFUZZER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (`compiler-rt/lib/fuzzer/FuzzerInterface.h`): parses libFuzzer's command
/// line and calls `callback` with each input. `-sanitize=fuzzer` links the library that defines
/// it; `roadmap-fuzz` calls it from its own `main`, since SwiftPM gives an executable's `main`
/// to the module's entry point and so keeps libFuzzer's `main` out of the link.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
