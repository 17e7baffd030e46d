// Splitting a kernel's work between this thread and helper threads (the machine's other cores).
// Used where the parts write disjoint outputs and each output is computed exactly as it would be
// by one thread, so how the work is split never changes a result (linalg.cc splits a product by
// rows or by columns, copies.cc a transpose, adam.cc a parameter's update).
#pragma once
#include <algorithm>
#include <cstdint>
#include <functional>

namespace nnfs {

// How many parts to split work of `size` units into: one per core (NNFS_NUM_THREADS caps it, as
// OMP_NUM_THREADS does for NumPy's BLAS), but no part smaller than `minimum` units, where waking a
// helper would cost more than it saves.
int partsFor(double size, double minimum);

// Runs work(part) for part = 0..parts-1 and returns when all have finished: part 0 on the
// calling thread, the others on helper threads that watch for the next call for 2 ms after
// each, then sleep. A call made while
// another thread's call is running runs all its parts itself.
void runParts(int parts, const std::function<void(int)>& work);

// Part `part` of `parts` of 0..n-1, as [first, last): cut at multiples of `align` (where a kernel's
// blocks start) and as even as whole units of `align` allow, so no part is empty while n holds
// `parts` units.
struct Range {
  int64_t first, last;
};
inline Range partOf(int64_t n, int parts, int part, int64_t align) {
  const int64_t units = (n + align - 1) / align;
  return {std::min(n, units * part / parts * align), std::min(n, units * (part + 1) / parts * align)};
}

}  // namespace nnfs
