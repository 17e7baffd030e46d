// Helper threads for parallel.h: started on first use; between calls each watches for the next
// one a short while (WATCH), then sleeps on a condition variable. They are detached, so a process
// may exit while they watch or sleep.
#include "parallel.h"
#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <mutex>
#include <thread>
#include <vector>

namespace nnfs {

namespace {

int cores() {
  static const int count = [] {
    int n = static_cast<int>(std::thread::hardware_concurrency());
    if (const char* cap = std::getenv("NNFS_NUM_THREADS")) {
      const int limit = std::atoi(cap);
      if (limit > 0) n = std::min(n, limit);
    }
    return std::max(n, 1);
  }();
  return count;
}

// How long a helper keeps watching for the next call before it sleeps, and how long the caller
// watches for the helpers to finish. Waking a sleeping thread took 100-200 us on the bench's
// virtual machine (its idle core has to be woken too), as long as half the work of a Fashion-MNIST
// layer's product: 128x784 @ 784x128 took 385 us on two threads against 451 us on one, 304 us with
// helpers watching. In a Fashion-MNIST training step the optimizer and the next batch come between
// the last product of one step and the first of the next: watching 0.3 ms, the helper had gone to
// sleep by then in most steps (that product's helper started a median 52 us late, against 0 when
// watching 5 ms). Model.train's epoch (wall, three runs each): 1.32-1.40 s watching 0.3 ms,
// 1.14-1.28 s 1 ms, 1.12-1.17 s 2 ms, 1.24-1.28 s 5 ms (then the watching helper takes the core
// V8's own threads need); the two cores' time ~2.3, ~2.2, ~2.2 and ~2.4 s. After its last product a
// program spends this much of one core's time watching.
constexpr auto WATCH = std::chrono::microseconds(2000);

// Waits until ready() holds, pausing between looks; after `limit` it gives up and answers false.
// Every 64 looks it offers its core to any other thread waiting for one: when the machine has more
// work than cores (a browser drawing the notebook, a test run beside it), a watcher that kept its
// core could hold up the very thread it waits for. A Model.train epoch beside one busy process
// took 10.1-10.2 s watching without offering, 1.47-1.49 s offering; beside a test suite 12-18 s
// against 1.9-3.0 s (4.2-4.5 s watching only 0.3 ms); with the machine otherwise idle 0.98-1.12 s
// against 1.04 s. JupyterLab's Run All of chapter 19 in the browser tests took 157 s instead of ~57.
template <typename Ready>
bool watch(Ready ready, std::chrono::microseconds limit) {
  const auto until = std::chrono::steady_clock::now() + limit;
  for (int looks = 1;; looks++) {
    if (ready()) return true;
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    asm volatile("yield");
#endif
    if (looks % 64 == 0) {
      if (std::chrono::steady_clock::now() > until) return false;
      std::this_thread::yield();
    }
  }
}

class Helpers {
 public:
  void run(int parts, const std::function<void(int)>& work) {
    std::unique_lock<std::mutex> turn(caller, std::try_to_lock);
    if (!turn.owns_lock()) {
      for (int part = 0; part < parts; part++) work(part);
      return;
    }
    {
      std::lock_guard<std::mutex> lock(mutex);
      start(parts - 1);
      job = &work;
      jobParts = parts;
      // Every helper, with a part or not, counts down once per call: so none can still be
      // counting down this call when the next begins, and none touches `job` after it returns.
      pending.store(static_cast<int>(threads));
      generation.fetch_add(1, std::memory_order_release);
    }
    wake.notify_all();
    work(0);
    if (watch([&] { return pending.load(std::memory_order_acquire) == 0; }, WATCH)) return;
    std::unique_lock<std::mutex> lock(mutex);
    finished.wait(lock, [&] { return pending.load() == 0; });
  }

 private:
  std::mutex caller;  // one call at a time uses the helpers
  std::mutex mutex;   // guards the sleeping and waking
  std::condition_variable wake, finished;
  const std::function<void(int)>* job = nullptr;
  int jobParts = 0;
  std::atomic<int> pending{0};
  std::atomic<int64_t> generation{0};
  size_t threads = 0;

  // Called with mutex held: a new helper waits for calls after the current generation.
  void start(int count) {
    while (threads < static_cast<size_t>(count)) {
      const int part = static_cast<int>(threads + 1);
      const int64_t seen = generation.load();
      // Counted once it exists: a thread that could not start would never count down.
      std::thread([this, part, seen] { serve(part, seen); }).detach();
      threads++;
    }
  }

  // Helper `part` runs its part of every call that has one: it watches for the next call for a
  // while after each, then sleeps until woken.
  void serve(int part, int64_t seen) {
    for (;;) {
      if (!watch([&] { return generation.load(std::memory_order_acquire) != seen; }, WATCH)) {
        std::unique_lock<std::mutex> lock(mutex);
        wake.wait(lock, [&] { return generation.load() != seen; });
      }
      seen = generation.load(std::memory_order_acquire);
      if (part < jobParts) (*job)(part);
      if (pending.fetch_sub(1, std::memory_order_acq_rel) == 1) {
        std::lock_guard<std::mutex> lock(mutex);
        finished.notify_one();
      }
    }
  }
};

}  // namespace

int partsFor(double size, double minimum) {
  return static_cast<int>(std::max(1.0, std::min(static_cast<double>(cores()), size / minimum)));
}

void runParts(int parts, const std::function<void(int)>& work) {
  if (parts <= 1) return work(0);
  static Helpers* helpers = new Helpers();  // never destroyed: its threads outlive static destructors
  helpers->run(parts, work);
}

}  // namespace nnfs
