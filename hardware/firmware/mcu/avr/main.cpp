// Arduino Mega 2560 entry point: the portable firmware core on an 8-bit board.
#include "board_avr.h"
#include "robot/config.h"
#include "robot/firmware.h"

namespace {
robot::RobotConfig make_config() {
  robot::RobotConfig c;
  c.capabilities = robot::reference_base_capabilities();
  c.odom_period_ms = 40;  // 25 Hz: software float on an 8-bit core, and 115200 baud shared with acks
  return c;
}

AvrBoard g_board;
const robot::RobotConfig g_config = make_config();
robot::Firmware g_firmware(g_board, g_config);
}  // namespace

int main() {
  g_board.init();
  g_firmware.boot();
  for (;;) {
    g_firmware.step();
    g_board.kick_watchdog();
  }
}

// No heap: these exist only for the virtual destructor in the vtable.
void operator delete(void*) noexcept {
  for (;;) {
  }
}
void operator delete(void*, unsigned int) noexcept {
  for (;;) {
  }
}
extern "C" void __cxa_pure_virtual() {
  for (;;) {
  }
}
