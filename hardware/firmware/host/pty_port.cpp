#include "pty_port.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

namespace sim {

uint64_t monotonic_ms() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<uint64_t>(ts.tv_sec) * 1000u + static_cast<uint64_t>(ts.tv_nsec) / 1000000u;
}

namespace {
bool make_raw(int fd) {
  termios t{};
  if (tcgetattr(fd, &t) != 0) return false;
  cfmakeraw(&t);
  cfsetispeed(&t, B115200);
  cfsetospeed(&t, B115200);
  t.c_cflag |= CLOCAL | CREAD;
  t.c_cc[VMIN] = 0;
  t.c_cc[VTIME] = 0;
  return tcsetattr(fd, TCSANOW, &t) == 0;
}
}  // namespace

PtyPort::~PtyPort() { close(); }

bool PtyPort::open(const std::string& path, bool create, std::string& error) {
  path_ = path;
  struct stat st {};
  const bool exists = ::stat(path.c_str(), &st) == 0;
  if (exists && !create) {
    created_ = false;
    return open_existing(error);
  }
  struct stat lst {};
  if (::lstat(path.c_str(), &lst) == 0) {
    if (!S_ISLNK(lst.st_mode)) {
      error = "refusing to replace " + path + ": it exists and is not a symlink";
      return false;
    }
    ::unlink(path.c_str());  // dangling link from a previous run, or --create asked for a fresh pty
  }
  fd_ = posix_openpt(O_RDWR | O_NOCTTY | O_NONBLOCK);
  if (fd_ < 0 || grantpt(fd_) != 0 || unlockpt(fd_) != 0) {
    error = std::string("posix_openpt: ") + strerror(errno);
    return false;
  }
  device_ = ptsname(fd_);
  // Configure the slave raw once so that clients that do not set termios (cat, socat) see clean bytes.
  const int slave = ::open(device_.c_str(), O_RDWR | O_NOCTTY);
  if (slave >= 0) {
    make_raw(slave);
    ::close(slave);
  }
  if (::symlink(device_.c_str(), path.c_str()) != 0) {
    error = "symlink " + path + ": " + strerror(errno);
    return false;
  }
  link_ = path;
  created_ = true;
  return true;
}

bool PtyPort::open_existing(std::string& error) {
  fd_ = ::open(path_.c_str(), O_RDWR | O_NOCTTY | O_NONBLOCK);
  if (fd_ < 0) {
    error = "open " + path_ + ": " + strerror(errno);
    return false;
  }
  make_raw(fd_);
  char buf[512];
  const ssize_t n = ::readlink(path_.c_str(), buf, sizeof buf - 1);
  device_ = n > 0 ? std::string(buf, static_cast<size_t>(n)) : path_;
  return true;
}

void PtyPort::lost() {
  if (created_) return;
  // The opened tty went away (relay restarted, adapter unplugged): retry until it comes back.
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  reopen_after_ms_ = monotonic_ms() + 200;
}

bool PtyPort::connected() {
  if (fd_ < 0) {
    if (created_ || monotonic_ms() < reopen_after_ms_) return false;
    std::string err;
    if (!open_existing(err)) {
      fd_ = -1;
      reopen_after_ms_ = monotonic_ms() + 200;
      return false;
    }
  }
  pollfd p{fd_, POLLOUT, 0};
  if (::poll(&p, 1, 0) < 0) return false;
  if (p.revents & (POLLHUP | POLLERR | POLLNVAL)) {
    if (!created_) lost();
    return false;
  }
  return true;
}

size_t PtyPort::read(uint8_t* buf, size_t cap) {
  if (fd_ < 0) return 0;
  const ssize_t n = ::read(fd_, buf, cap);
  if (n > 0) return static_cast<size_t>(n);
  // A raw tty with VMIN=0 returns 0 when it has no data, so 0 is not end-of-file here. A tty whose other
  // side went away reports EIO (or POLLHUP, see connected()). EIO on a created pty's master only means
  // that no client has the slave open right now.
  if (n < 0 && errno != EAGAIN && errno != EINTR && !created_) lost();
  return 0;
}

size_t PtyPort::write(const uint8_t* buf, size_t len) {
  if (!connected()) return len;
  const ssize_t n = ::write(fd_, buf, len);
  if (n >= 0) return static_cast<size_t>(n);
  if (errno == EAGAIN || errno == EINTR) return 0;
  if (!created_) lost();
  return len;
}

void PtyPort::close() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (!link_.empty()) {
    char buf[512];
    const ssize_t n = ::readlink(link_.c_str(), buf, sizeof buf - 1);
    if (n > 0 && std::string(buf, static_cast<size_t>(n)) == device_) ::unlink(link_.c_str());
    link_.clear();
  }
}

}  // namespace sim
