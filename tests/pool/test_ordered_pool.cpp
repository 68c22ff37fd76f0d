// The CLI's ordered worker pool (cli/ordered_pool.h) and its batches: results in input order
// whatever the threads do, the window never exceeded, an early stop that never hangs. Run it
// under -fsanitize=thread too (a build dir of its own) to check the hand-offs.
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "../../cli/ordered_pool.h"

using belgi::cli::Batcher;
using belgi::cli::OrderedPool;

namespace {

// A little work whose length varies with the item, so that workers finish out of order.
int slow_square(int x) {
  if (x % 7 == 0) std::this_thread::sleep_for(std::chrono::microseconds(200 + (x % 5) * 100));
  return x * x;
}

// Runs n items through a pool; returns the results as consumed and the most items ever in flight.
std::vector<int> run_pool(unsigned threads, std::size_t window, int n, std::size_t& most_in_flight) {
  OrderedPool<int, int> pool(threads, window);
  std::atomic<int> produced{0}, consumed{0};
  std::atomic<std::size_t> most{0};
  std::vector<int> out;
  pool.run(
      [&](const OrderedPool<int, int>::Push& push) {
        for (int i = 0; i < n; ++i) {
          if (!push(int(i))) return;
          std::size_t now = std::size_t(++produced - consumed.load());
          for (std::size_t m = most.load(); now > m && !most.compare_exchange_weak(m, now);) {}
        }
      },
      [](int& x) { return slow_square(x); },
      [&](int&& y) {
        out.push_back(y);
        ++consumed;
        return true;
      });
  most_in_flight = most.load();
  return out;
}

}  // namespace

TEST_CASE("the pool gives every result once, in input order, within its window") {
  for (unsigned threads : {1u, 2u, 4u}) {
    for (std::size_t window : {std::size_t(1), std::size_t(2), std::size_t(5), std::size_t(16)}) {
      std::size_t most = 0;
      std::vector<int> out = run_pool(threads, window, 300, most);
      REQUIRE(out.size() == 300);
      for (int i = 0; i < 300; ++i) CHECK(out[std::size_t(i)] == i * i);
      CHECK(most <= window + 1);  // + the one the consumer has taken, counted out after it
    }
  }
}

TEST_CASE("the pool with no input ends at once") {
  std::size_t most = 0;
  CHECK(run_pool(2, 4, 0, most).empty());
}

TEST_CASE("a consumer that stops ends the pool; the producer is told to stop") {
  OrderedPool<int, int> pool(2, 4);
  bool refused = false;
  std::vector<int> out;
  pool.run(
      [&](const OrderedPool<int, int>::Push& push) {
        for (int i = 0; i < 100000; ++i)
          if (!push(int(i))) {
            refused = true;
            return;
          }
      },
      [](int& x) { return slow_square(x); },
      [&](int&& y) {
        out.push_back(y);
        return out.size() < 10;
      });
  CHECK(out.size() == 10);
  CHECK(refused);
}

TEST_CASE("with one worker the calling thread does it all, in order, one item in flight") {
  const std::thread::id caller = std::this_thread::get_id();
  OrderedPool<int, int> pool(1, 8);
  std::vector<int> out;
  int in_flight = 0, most = 0;
  bool all_here = true;
  pool.run(
      [&](const OrderedPool<int, int>::Push& push) {
        all_here = all_here && std::this_thread::get_id() == caller;
        for (int i = 0; i < 50; ++i) {
          most = std::max(most, ++in_flight);
          if (!push(int(i))) return;
        }
      },
      [&](int& x) { return all_here = all_here && std::this_thread::get_id() == caller, slow_square(x); },
      [&](int&& y) {
        all_here = all_here && std::this_thread::get_id() == caller;
        --in_flight;
        out.push_back(y);
        return true;
      });
  CHECK(all_here);
  CHECK(most == 1);
  REQUIRE(out.size() == 50);
  for (int i = 0; i < 50; ++i) CHECK(out[std::size_t(i)] == i * i);
  REQUIRE(pool.times().size() == 1);
  CHECK(pool.times()[0].role == "caller");
}

TEST_CASE("with one worker a consumer that stops ends the run; the producer is refused") {
  OrderedPool<int, int> pool(1, 4);
  int refused = 0, worked = 0;
  std::vector<int> out;
  pool.run(
      [&](const OrderedPool<int, int>::Push& push) {
        for (int i = 0; i < 1000; ++i)
          if (!push(int(i))) ++refused;  // a producer that pushes on is refused every time
      },
      [&](int& x) { return ++worked, x; },
      [&](int&& y) {
        out.push_back(y);
        return out.size() < 10;
      });
  CHECK(out.size() == 10);
  CHECK(worked == 10);
  CHECK(refused == 991);  // the tenth push too: its result stopped the run
}

TEST_CASE("with two workers the calling thread is one of them") {
  // The other worker holds its first item until the calling thread has worked on one (or 2 s
  // pass): a pool whose calling thread only consumed would wait the 2 s and fail.
  const std::thread::id caller = std::this_thread::get_id();
  OrderedPool<int, int> pool(2, 8);
  std::mutex mu;
  std::condition_variable cv;
  bool caller_worked = false, waited = false;
  std::vector<int> out;
  pool.run(
      [&](const OrderedPool<int, int>::Push& push) {
        for (int i = 0; i < 20; ++i)
          if (!push(int(i))) return;
      },
      [&](int& x) {
        std::unique_lock<std::mutex> lock(mu);
        if (std::this_thread::get_id() == caller) {
          caller_worked = true;
          cv.notify_all();
        } else if (!waited) {
          cv.wait_for(lock, std::chrono::seconds(2), [&] { return caller_worked; });
          waited = true;
        }
        return x * x;
      },
      [&](int&& y) { return out.push_back(y), true; });
  CHECK(caller_worked);
  REQUIRE(out.size() == 20);
  for (int i = 0; i < 20; ++i) CHECK(out[std::size_t(i)] == i * i);
  std::vector<std::string> roles;
  for (const belgi::cli::ThreadTime& t : pool.times()) roles.push_back(t.role);
  std::sort(roles.begin(), roles.end());
  CHECK(roles == std::vector<std::string>{"caller", "reader", "worker"});
}

TEST_CASE("batches of records through the pool keep every record in order") {
  OrderedPool<std::vector<std::string>, std::vector<std::string>> pool(2, 3);
  std::vector<std::string> out;
  pool.run(
      [&](const OrderedPool<std::vector<std::string>, std::vector<std::string>>::Push& push) {
        Batcher<std::string> b(push, 64, 5);
        for (int i = 0; i < 1000; ++i) {
          std::string s = std::to_string(i) + std::string(std::size_t(i % 97 == 0 ? 200 : i % 13), 'x');
          if (!b.add(std::move(s), s.size())) return;
        }
        b.flush();
      },
      [](std::vector<std::string>& batch) {
        for (std::string& s : batch) s = s.substr(0, s.find('x'));
        return batch;
      },
      [&](std::vector<std::string>&& batch) {
        for (std::string& s : batch) out.push_back(std::move(s));
        return true;
      });
  REQUIRE(out.size() == 1000);
  for (int i = 0; i < 1000; ++i) CHECK(out[std::size_t(i)] == std::to_string(i));
}

TEST_CASE("a batch closes at its item or byte limit; a large item goes alone") {
  std::vector<std::vector<int>> pushed;
  Batcher<int> b([&](std::vector<int>&& v) { return pushed.push_back(std::move(v)), true; }, 100, 3);
  CHECK(b.add(1, 10));
  CHECK(b.add(2, 10));
  CHECK(pushed.empty());
  CHECK(b.add(3, 10));  // three items: full
  REQUIRE(pushed.size() == 1);
  CHECK(pushed[0] == std::vector<int>{1, 2, 3});
  CHECK(b.add(4, 50));
  CHECK(b.add(5, 500));  // past the byte limit with 4 in: 4 goes on, 5 alone
  REQUIRE(pushed.size() == 3);
  CHECK(pushed[1] == std::vector<int>{4});
  CHECK(pushed[2] == std::vector<int>{5});
  CHECK(b.add(6, 60));
  CHECK(b.add(7, 40));  // 100 bytes: full
  REQUIRE(pushed.size() == 4);
  CHECK(pushed[3] == std::vector<int>{6, 7});
  CHECK(b.add(8, 1));
  CHECK(b.flush());
  CHECK(b.flush());  // nothing left: no empty batch
  REQUIRE(pushed.size() == 5);
  CHECK(pushed[4] == std::vector<int>{8});
}

TEST_CASE("a batcher's byte limit lowered for the tail holds from the next item on") {
  std::vector<std::vector<int>> pushed;
  Batcher<int> b([&](std::vector<int>&& v) { return pushed.push_back(std::move(v)), true; }, 100, 50);
  CHECK(b.add(1, 30));
  CHECK(b.add(2, 30));
  b.set_max_bytes(40);  // 60 bytes in: the next item starts a batch, which closes at 40
  CHECK(b.add(3, 20));
  REQUIRE(pushed.size() == 1);
  CHECK(pushed[0] == std::vector<int>{1, 2});
  CHECK(b.add(4, 20));  // 40 bytes: full
  REQUIRE(pushed.size() == 2);
  CHECK(pushed[1] == std::vector<int>{3, 4});
  CHECK(b.add(5, 10));
  CHECK(b.flush());
  REQUIRE(pushed.size() == 3);
  CHECK(pushed[2] == std::vector<int>{5});
}

TEST_CASE("a batcher whose push refuses says so") {
  int calls = 0;
  Batcher<int> b([&](std::vector<int>&&) { return ++calls, false; }, 100, 2);
  CHECK(b.add(1, 1));
  CHECK_FALSE(b.add(2, 1));
  CHECK(calls == 1);
}
