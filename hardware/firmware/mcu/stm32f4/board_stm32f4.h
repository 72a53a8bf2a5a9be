#pragma once
#include <cstdint>

#include "robot/board.h"

/**
 * Board layer for an STM32F411 ("Black Pill") on the reference base (pin map in hardware/README.md):
 * USART2 with interrupt-driven ring buffers, TIM1 PWM at 20 kHz into a Pololu G2 dual driver (PWM + DIR,
 * shared SLP enable, shared open-drain FLT), TIM3/TIM4 quadrature encoder mode extended to 32 bits,
 * fail-safe inputs (a broken wire reads as bumper/e-stop pressed), ADC for the range sensor, pack
 * voltage and current, SysTick at 1 kHz and the independent watchdog. Runs from the 16 MHz HSI.
 */
class Stm32Board : public robot::Board {
 public:
  void init();
  void kick_watchdog();
  uint32_t millis() override;
  size_t serial_read(uint8_t* buf, size_t cap) override;
  size_t serial_write(const uint8_t* buf, size_t len) override;
  void set_motors(bool enabled, int16_t left, int16_t right) override;
  void read_encoders(int32_t& left, int32_t& right) override;
  robot::Inputs read_inputs() override;
  robot::BatteryReading read_battery() override;
  uint32_t entropy() override;

  // Called from the interrupt handlers in startup.cpp.
  static void on_systick();
  static void on_usart2();
  /** HardFault: drop the driver enable line without touching any state. */
  static void emergency_disable();

 private:
  uint16_t adc_read(uint32_t channel);
  uint16_t last_left_raw_ = 0;
  uint16_t last_right_raw_ = 0;
  int32_t left_ = 0;
  int32_t right_ = 0;
};
