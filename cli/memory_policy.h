// The CLI process's memory policy (the library leaves process-wide state to its embedder).
#pragma once
#include <cstddef>

namespace belgi::cli {

// Call first thing in main, before any thread starts. malloc keeps freed memory (no trimming,
// no per-block mappings below 32 MB) and blocks of 16 KB or more come from large_blocks.h's
// huge-page range. Returns whether that range was reserved (false: everything stays with malloc).
bool use_memory_policy();

// Whether p is one of those large blocks (for the tests).
bool is_large_block(const void* p);

// Whether this build replaces operator new at all (not under the sanitizers, which replace it
// themselves, nor outside Linux).
bool large_blocks_built();

}  // namespace belgi::cli
