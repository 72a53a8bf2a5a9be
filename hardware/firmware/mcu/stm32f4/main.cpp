// STM32F4 entry point: the portable firmware core on the real board.
#include "board_stm32f4.h"
#include "robot/config.h"
#include "robot/firmware.h"

namespace {
robot::RobotConfig make_config() {
  robot::RobotConfig c;
  c.capabilities = robot::reference_base_capabilities();
  return c;
}

Stm32Board g_board;
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

// No heap and no exceptions on the MCU: these exist only to satisfy the virtual destructor's vtable.
void operator delete(void*) noexcept { Stm32Board::emergency_disable(); for (;;) {} }
void operator delete(void*, unsigned int) noexcept { Stm32Board::emergency_disable(); for (;;) {} }
extern "C" void __cxa_pure_virtual() { Stm32Board::emergency_disable(); for (;;) {} }
// Static objects live forever on the MCU: never register their destructors.
extern "C" {
void* __dso_handle = nullptr;
int __aeabi_atexit(void*, void (*)(void*), void*) { return 0; }
}
