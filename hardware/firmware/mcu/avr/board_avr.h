#pragma once
#include <stdint.h>

#include "robot/board.h"

/**
 * Board layer for an Arduino Mega 2560 (ATmega2560 at 16 MHz), register level with avr-libc (no Arduino
 * core): USART0 at 115200 (the board's USB serial) with interrupt-driven rings, Timer3 fast PWM at 20 kHz
 * on D5/D2 into the same Pololu G2 driver as the STM32 build, quadrature decoding of both encoders in
 * INT0..INT3 (D21/D20 left, D19/D18 right), fail-safe inputs, 10-bit ADC, Timer1 1 kHz tick, 250 ms WDT.
 * Pin map in hardware/README.md.
 */
class AvrBoard : public robot::Board {
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

 private:
  uint16_t adc_read(uint8_t channel);
};
