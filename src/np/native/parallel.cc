// Helper threads for parallel.h: started on first use, then asleep on a condition variable
// between calls. They are detached, so a process may exit while they sleep.
#include "parallel.h"
#include <algorithm>
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
      pending = static_cast<int>(threads);
      generation++;
    }
    wake.notify_all();
    work(0);
    std::unique_lock<std::mutex> lock(mutex);
    finished.wait(lock, [&] { return pending == 0; });
  }

 private:
  std::mutex caller;  // one call at a time uses the helpers
  std::mutex mutex;   // guards what follows
  std::condition_variable wake, finished;
  const std::function<void(int)>* job = nullptr;
  int jobParts = 0, pending = 0;
  int64_t generation = 0;
  size_t threads = 0;

  // Called with mutex held: a new helper waits for calls after the current generation.
  void start(int count) {
    while (threads < static_cast<size_t>(count)) {
      const int part = static_cast<int>(++threads);
      const int64_t seen = generation;
      std::thread([this, part, seen] { serve(part, seen); }).detach();
    }
  }

  // Helper `part` runs its part of every call that has one.
  void serve(int part, int64_t seen) {
    std::unique_lock<std::mutex> lock(mutex);
    for (;;) {
      wake.wait(lock, [&] { return generation != seen; });
      seen = generation;
      if (part < jobParts) {
        const std::function<void(int)>* work = job;
        lock.unlock();
        (*work)(part);
        lock.lock();
      }
      if (--pending == 0) finished.notify_one();
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
