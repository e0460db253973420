#pragma once
/// A growing byte buffer for batch output. Batch appends ~1,500 pieces a company for jsonl;
/// std::string::append costs an out-of-line call each, and std::string cannot make room without
/// zero-filling it. Here a writer asks for room, writes through a pointer and commits.
#include <cstring>
#include <memory>
#include <string_view>

namespace sfgrant {

class TextBuffer {
 public:
  /// At least `n` writable bytes at the end; write there, then commit() what was written.
  char* room(size_t n) { return capacity_ - size_ >= n ? data_.get() + size_ : grow(n); }
  void commit(size_t n) { size_ += n; }

  void append(std::string_view s) {
    if (s.empty()) return;  // an empty view may hold a null pointer, which memcpy must not be given
    std::memcpy(room(s.size()), s.data(), s.size());
    size_ += s.size();
  }
  TextBuffer& operator+=(std::string_view s) {
    append(s);
    return *this;
  }
  TextBuffer& operator+=(char c) {
    *room(1) = c;
    ++size_;
    return *this;
  }

  void reserve(size_t n) {
    if (n > capacity_) grow(n - size_);
  }
  /// Empty again, keeping the room (a buffer reused row after row).
  void clear() { size_ = 0; }
  std::string_view view() const { return {data_.get(), size_}; }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

 private:
  char* grow(size_t n) {
    size_t capacity = capacity_ < 256 ? 256 : capacity_ * 2;
    if (capacity - size_ < n) capacity = size_ + n;
    std::unique_ptr<char[]> data(new char[capacity]);  // not value-initialised: no zero-fill
    if (size_ > 0) std::memcpy(data.get(), data_.get(), size_);
    data_ = std::move(data);
    capacity_ = capacity;
    return data_.get() + size_;
  }

  std::unique_ptr<char[]> data_;
  size_t size_ = 0;
  size_t capacity_ = 0;
};

}  // namespace sfgrant
