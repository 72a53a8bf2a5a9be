#include "control.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>

#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace sim {

ControlServer::~ControlServer() { close(); }

bool ControlServer::listen(const std::string& path, std::string& error) {
  sockaddr_un addr{};
  if (path.size() >= sizeof addr.sun_path) {
    error = "control socket path too long: " + path;
    return false;
  }
  ::unlink(path.c_str());
  listen_fd_ = ::socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  addr.sun_family = AF_UNIX;
  std::memcpy(addr.sun_path, path.c_str(), path.size() + 1);
  if (listen_fd_ < 0 || ::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      ::listen(listen_fd_, 8) != 0) {
    error = "control socket " + path + ": " + strerror(errno);
    return false;
  }
  path_ = path;
  return true;
}

std::vector<int> ControlServer::fds() const {
  std::vector<int> v;
  if (listen_fd_ >= 0) v.push_back(listen_fd_);
  for (const Client& c : clients_) v.push_back(c.fd);
  return v;
}

void ControlServer::serve(const Handler& handler) {
  if (listen_fd_ < 0) return;
  for (;;) {
    const int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) break;
    clients_.push_back(Client{fd, {}});
  }
  for (size_t i = 0; i < clients_.size();) {
    Client& c = clients_[i];
    char buf[1024];
    bool closed = false;
    for (;;) {
      const ssize_t n = ::read(c.fd, buf, sizeof buf);
      if (n > 0) {
        c.buf.append(buf, static_cast<size_t>(n));
        continue;
      }
      if (n == 0 || (errno != EAGAIN && errno != EINTR)) closed = true;
      break;
    }
    size_t nl;
    while ((nl = c.buf.find('\n')) != std::string::npos) {
      const std::string line = c.buf.substr(0, nl);
      c.buf.erase(0, nl + 1);
      if (line.find_first_not_of(" \r\t") == std::string::npos) continue;
      const std::string reply = handler(line) + "\n";
      // Replies are small; a client that does not read them loses them rather than blocking the firmware.
      const ssize_t w = ::send(c.fd, reply.data(), reply.size(), MSG_NOSIGNAL);
      (void)w;
    }
    if (c.buf.size() > 65536) closed = true;
    if (closed) {
      ::close(c.fd);
      clients_.erase(clients_.begin() + static_cast<long>(i));
    } else {
      ++i;
    }
  }
}

void ControlServer::close() {
  for (const Client& c : clients_) ::close(c.fd);
  clients_.clear();
  if (listen_fd_ >= 0) ::close(listen_fd_);
  listen_fd_ = -1;
  if (!path_.empty()) ::unlink(path_.c_str());
  path_.clear();
}

}  // namespace sim
