#pragma once
#include <functional>
#include <string>
#include <vector>

namespace sim {

/**
 * JSON-lines control channel on a unix stream socket: one request object per line, one reply line each.
 * Several clients may connect at once.
 */
class ControlServer {
 public:
  using Handler = std::function<std::string(const std::string& line)>;
  ~ControlServer();
  bool listen(const std::string& path, std::string& error);
  /** File descriptors to poll for reading. */
  std::vector<int> fds() const;
  /** Accepts and serves whatever is readable, without blocking. */
  void serve(const Handler& handler);
  void close();

 private:
  struct Client {
    int fd;
    std::string buf;
  };
  int listen_fd_ = -1;
  std::string path_;
  std::vector<Client> clients_;
};

}  // namespace sim
