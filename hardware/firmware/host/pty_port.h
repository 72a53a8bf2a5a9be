#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

namespace sim {

/**
 * The serial side of the host firmware. Either a pseudo-terminal it creates (posix_openpt) with a symlink
 * at the requested path, or an existing tty (e.g. one end of a socat pair) that it opens raw at 115200.
 * Writes are dropped while nobody holds the other end, so a client that opens the port later never
 * receives stale frames from an earlier session.
 */
class PtyPort {
 public:
  ~PtyPort();
  /** `path` exists: open it. Otherwise (or when `create` is set): new pty, symlink at `path`. */
  bool open(const std::string& path, bool create, std::string& error);
  int fd() const { return fd_; }
  const std::string& device() const { return device_; }
  /** True when a peer is attached (slave side open for a created pty, or the opened tty is usable). */
  bool connected();
  /** Non-blocking read; returns bytes, 0 when nothing is available. Reopens a vanished tty. */
  size_t read(uint8_t* buf, size_t cap);
  /** Non-blocking write; returns bytes accepted (all of them are dropped while not connected). */
  size_t write(const uint8_t* buf, size_t len);
  void close();

 private:
  bool open_existing(std::string& error);
  void lost();
  int fd_ = -1;
  bool created_ = false;
  std::string path_;
  std::string device_;
  std::string link_;
  uint64_t reopen_after_ms_ = 0;
};

uint64_t monotonic_ms();

}  // namespace sim
