// The little-endian binary formats Belgi writes (the entity model, adaptation files): put() and
// put_str() write them; ByteReader reads them, every read checked against the end, a failed one
// leaving `ok` false (the caller then says "corrupt" with its own context). All targets are
// little-endian, so values are copied as they are.
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace belgi {

template <class T>
void put(std::string& out, T v) {
  char buf[sizeof(T)];
  std::memcpy(buf, &v, sizeof(T));
  out.append(buf, sizeof(T));
}

// A u32 byte length, then the bytes (ByteReader::str() reads it).
inline void put_str(std::string& out, const std::string& s) {
  put<std::uint32_t>(out, static_cast<std::uint32_t>(s.size()));
  out += s;
}

struct ByteReader {
  std::string_view b;
  std::size_t pos = 0;
  bool ok = true;

  template <class T>
  T get() {
    T v{};
    if (pos > b.size() || b.size() - pos < sizeof(T)) {
      ok = false;
      return v;
    }
    std::memcpy(&v, b.data() + pos, sizeof(T));
    pos += sizeof(T);
    return v;
  }
  // A u32 byte length, then the bytes.
  std::string str() {
    std::uint32_t n = get<std::uint32_t>();
    if (!ok || n > b.size() - pos) {
      ok = false;
      return {};
    }
    std::string s(b.substr(pos, n));
    pos += n;
    return s;
  }
  // n values of T.
  template <class T>
  void array(std::vector<T>& v, std::size_t n) {
    if (n > (b.size() - pos) / sizeof(T)) {
      ok = false;
      return;
    }
    v.resize(n);
    if (n) std::memcpy(v.data(), b.data() + pos, n * sizeof(T));
    pos += n * sizeof(T);
  }
  // A u32 count, then that many (u32, u32) pairs.
  void pairs(std::vector<std::pair<std::uint32_t, std::uint32_t>>& v) {
    std::uint32_t n = get<std::uint32_t>();
    if (!ok || n > (b.size() - pos) / 8) {
      ok = false;
      return;
    }
    v.resize(n);
    const char* p = b.data() + pos;
    for (auto& [k, x] : v) {
      std::memcpy(&k, p, 4);
      std::memcpy(&x, p + 4, 4);
      p += 8;
    }
    pos += std::size_t{n} * 8;
  }
};

}  // namespace belgi
